import type { Wiring } from '../../template/context';
import { id, pairId } from '../../template/naming';
import { getAtt, ref, sub, type CfnValue } from '../../template/cfn';
import { invokePermission, sendAction, serviceRole } from './shared';

const routeKey = (props: Record<string, unknown>) => `${props.method} ${props.path}`;

function route(link: Parameters<Wiring>[0], ctx: Parameters<Wiring>[1], integration: Record<string, CfnValue>) {
  const { source: api, target, edge } = link;
  const integrationId = pairId(api, target, 'Integration');
  ctx.builder.add(integrationId, { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: ref(id(api)), ...integration } }, edge.id);
  ctx.builder.add(
    pairId(api, target, 'Route'),
    { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: ref(id(api)), RouteKey: routeKey(edge.props), Target: sub(`integrations/\${${integrationId}}`) } },
    edge.id,
  );
}

export const apiToLambda: Wiring = (link, ctx) => {
  route(link, ctx, { IntegrationType: 'AWS_PROXY', IntegrationUri: getAtt(id(link.target), 'Arn'), PayloadFormatVersion: '2.0' });
  invokePermission(link, ctx, 'apigateway.amazonaws.com', sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id(link.source)}}/*`));
};

/** First-class integrations: API Gateway calls the service itself with a role allowed that one action. */
export const apiToService: Wiring = (link, ctx) => {
  const { source: api, target, edge } = link;
  const roleArn = serviceRole(
    ctx,
    pairId(api, target, 'IntegrationRole'),
    'apigateway.amazonaws.com',
    [{ Sid: `Send${target.name}`, Effect: 'Allow', Action: [sendAction(target)], Resource: [ctx.arnOf(target)] }],
    edge.id,
  );
  const common = { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '1.0', CredentialsArn: roleArn };
  switch (target.kind) {
    case 'stepfunctions':
      return route(link, ctx, { ...common, IntegrationSubtype: 'StepFunctions-StartExecution', RequestParameters: { StateMachineArn: ref(id(target)), Input: '$request.body' } });
    case 'sqs':
      return route(link, ctx, {
        ...common,
        IntegrationSubtype: 'SQS-SendMessage',
        RequestParameters: { QueueUrl: ref(id(target)), MessageBody: '$request.body', ...(target.props.fifo === true ? { MessageGroupId: '$request.requestId' } : {}) },
      });
    case 'eventbridge':
      return route(link, ctx, {
        ...common,
        IntegrationSubtype: 'EventBridge-PutEvents',
        RequestParameters: { Detail: '$request.body', DetailType: 'ApiRequest', Source: 'eventform.api', EventBusName: ctx.addressOf(target) },
      });
    case 'kinesis':
      return route(link, ctx, {
        ...common,
        IntegrationSubtype: 'Kinesis-PutRecord',
        RequestParameters: { StreamName: ref(id(target)), Data: '$request.body', PartitionKey: '$request.requestId' },
      });
  }
};

/** A website page calling the API: the API's CORS admits the site (assembled when the API is finalized). */
export const websiteToApi: Wiring = (link, ctx) => {
  ctx.builder.touch(id(link.target), link.edge.id);
};
