import { getAtt, ref, sub, type CfnValue } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import { allowedOrigins, type apigatewayProps } from './props';

export type ApiNode = NodeOfSpecs<'apigateway', typeof apigatewayProps>;

export const apigatewayCfn: ServiceEmitter<ApiNode> = {
  arn: (node) => sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id(node)}}`),
  address: { suffix: 'API_URL', value: (node) => getAtt(id(node), 'ApiEndpoint') },
  emit(node, { builder }) {
    // Pages that call the API from a website bucket add their origin when they are wired.
    const origins: CfnValue[] = allowedOrigins(node.props);
    builder.add(
      id(node),
      {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          Name: sub(`\${AWS::StackName}-${node.name}`),
          ProtocolType: 'HTTP',
          CorsConfiguration: { AllowMethods: ['*'], AllowHeaders: ['content-type'], MaxAge: 300, AllowOrigins: origins },
        },
      },
      node.id,
    );
    builder.add(id(node, 'DefaultStage'), { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: ref(id(node)), StageName: '$default', AutoDeploy: true } }, node.id);
    builder.output(id(node, 'Url'), { Description: `Base URL of the ${node.name} API`, Value: getAtt(id(node), 'ApiEndpoint') });
  },
  finalize: () => undefined,
};

/** Lets a browser page served from `origin` call the API (unless it admits every origin already). */
export function allowOrigin(builder: import('../../template/builder').TemplateBuilder, api: ApiNode, origin: CfnValue, ownerId: string) {
  const cors = builder.touch(id(api), ownerId).Properties!.CorsConfiguration as { AllowOrigins: CfnValue[] };
  if (!cors.AllowOrigins.includes('*')) cors.AllowOrigins.push(origin);
}
