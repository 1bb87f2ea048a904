/** An HTTP API route and its integration (aws-apigatewayv2-integrations). */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import type { RouteProps } from '../edge-props';
import { pairId, pairName, says } from './shared';

function integrationCode(link: Link, w: CdkWriter): string {
  const [integrations, apigwv2] = [w.use('integrations'), w.use('apigwv2')];
  const t = link.target;
  const id = pairId(link, 'Integration');
  const mapping = (entries: [string, string][]) => `new ${apigwv2}.ParameterMapping()${entries.map(([k, v]) => `.custom(${literal(k)}, ${v})`).join('')}`;
  switch (t.kind) {
    case 'lambda':
      return `new ${integrations}.HttpLambdaIntegration(${id}, ${w.v(t)})`;
    case 'stepfunctions':
      return `new ${integrations}.HttpStepFunctionsIntegration(${id}, { stateMachine: ${w.v(t)}, parameterMapping: ${mapping([
        ['StateMachineArn', `${w.v(t)}.stateMachineArn`],
        ['Input', "'$request.body'"],
      ])} })`;
    case 'sqs':
      return `new ${integrations}.HttpSqsIntegration(${id}, { queue: ${w.v(t)}, parameterMapping: ${mapping([
        ['QueueUrl', `${w.v(t)}.queueUrl`],
        ['MessageBody', "'$request.body'"],
        ...(t.props.fifo ? ([['MessageGroupId', "'$request.requestId'"]] as [string, string][]) : []),
      ])} })`;
    default:
      return `new ${integrations}.HttpEventBridgeIntegration(${id}, { eventBusRef: ${w.v(t)}.eventBusRef, parameterMapping: ${mapping([
        ['Detail', "'$request.body'"],
        ['DetailType', "'ApiRequest'"],
        ['Source', "'eventform.api'"],
        ['EventBusName', `${w.v(t)}.eventBusName`],
      ])} })`;
  }
}

export function routeCdk(link: Link, w: CdkWriter) {
  const apigwv2 = w.use('apigwv2');
  const { method, path } = link.edge.props as unknown as RouteProps;
  if (link.target.kind === 'kinesis') return kinesisRoute(link, w);
  w.statement(says(link), `    ${w.v(link.source)}.addRoutes({ path: ${literal(path)}, methods: [${apigwv2}.HttpMethod.${method}], integration: ${integrationCode(link, w)} });`);
}

/** aws-apigatewayv2-integrations has no Kinesis integration: the integration and route are L1, with a role allowed that one action. */
function kinesisRoute(link: Link, w: CdkWriter) {
  const [apigwv2, iam] = [w.use('apigwv2'), w.use('iam')];
  const { method, path } = link.edge.props as unknown as RouteProps;
  const api = w.v(link.source);
  const stream = w.v(link.target);
  const role = `${w.v({ name: pairName(link, 'IntegrationRole') })}`;
  const integration = `${w.v({ name: pairName(link, 'Integration') })}`;
  w.statement(
    `${says(link)} (L1: no Kinesis integration in aws-apigatewayv2-integrations)`,
    [
      `    const ${role} = new ${iam}.Role(this, ${pairId(link, 'IntegrationRole')}, { assumedBy: new ${iam}.ServicePrincipal('apigateway.amazonaws.com') });`,
      `    ${role}.addToPolicy(new ${iam}.PolicyStatement({ actions: ['kinesis:PutRecord'], resources: [${stream}.streamArn] }));`,
      `    const ${integration} = new ${apigwv2}.CfnIntegration(this, ${pairId(link, 'Integration')}, {`,
      `      apiId: ${api}.apiId,`,
      `      integrationType: 'AWS_PROXY',`,
      `      integrationSubtype: 'Kinesis-PutRecord',`,
      `      payloadFormatVersion: '1.0',`,
      `      credentialsArn: ${role}.roleArn,`,
      `      requestParameters: { StreamName: ${stream}.streamName, Data: '$request.body', PartitionKey: '$request.requestId' },`,
      '    });',
      `    new ${apigwv2}.CfnRoute(this, ${pairId(link, 'Route')}, { apiId: ${api}.apiId, routeKey: ${literal(`${method} ${path}`)}, target: \`integrations/\${${integration}.ref}\` });`,
    ].join('\n'),
  );
}
