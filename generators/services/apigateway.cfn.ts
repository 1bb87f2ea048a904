import type { ServiceEmitter } from '../template/context';
import { bucketName, id } from '../template/naming';
import { getAtt, ref, sub, type CfnValue } from '../template/cfn';

export const apigatewayCfn: ServiceEmitter = {
  arn: (node) => sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id(node)}}`),
  address: { suffix: 'API_URL', value: (node) => getAtt(id(node), 'ApiEndpoint') },
  emit(node, { builder }) {
    builder.add(
      id(node),
      {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          Name: sub(`\${AWS::StackName}-${node.name}`),
          ProtocolType: 'HTTP',
          CorsConfiguration: { AllowMethods: ['*'], AllowHeaders: ['content-type'], MaxAge: 300 },
        },
      },
      node.id,
    );
    builder.add(id(node, 'DefaultStage'), { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: ref(id(node)), StageName: '$default', AutoDeploy: true } }, node.id);
    builder.output(id(node, 'Url'), { Description: `Base URL of the ${node.name} API`, Value: getAtt(id(node), 'ApiEndpoint') });
  },
  finalize(node, ctx) {
    const configured = String(node.props.corsAllowOrigins)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    const origins: CfnValue[] = [...configured];
    // Pages served by a website bucket call the API from the bucket's website origin.
    if (!configured.includes('*'))
      for (const link of ctx.incoming(node))
        if (link.source.kind === 's3') origins.push(sub('http://${Name}.s3-website-${AWS::Region}.amazonaws.com', { Name: bucketName(link.source) }));
    const cors = ctx.builder.touch(id(node), node.id).Properties!.CorsConfiguration as Record<string, CfnValue>;
    cors.AllowOrigins = origins;
  },
};
