import { allowOrigin } from '../../services/apigateway/cfn';
import { getAtt, ref, sub, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { bucketName, id, pairId } from '../../template/naming';
import type { RouteProps } from '../edge-props';
import type { LinkOf } from '../types';
import { deliverAction, invokePermission, serviceRole } from './shared';

type RouteLink<To extends 'lambda' | 'stepfunctions' | 'sqs' | 'eventbridge' | 'kinesis'> = LinkOf<'apigateway', To, RouteProps>;

function route(link: RouteLink<'lambda' | 'stepfunctions' | 'sqs' | 'eventbridge' | 'kinesis'>, ctx: SynthContext, integration: Record<string, CfnValue>) {
  const { source: api, target, edge } = link;
  const integrationId = pairId(api, target, 'Integration');
  ctx.builder.add(integrationId, { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: ref(id(api)), ...integration } }, edge.id);
  ctx.builder.add(
    pairId(api, target, 'Route'),
    { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: ref(id(api)), RouteKey: `${edge.props.method} ${edge.props.path}`, Target: sub(`integrations/\${${integrationId}}`) } },
    edge.id,
  );
}

export function apiToLambda(link: RouteLink<'lambda'>, ctx: SynthContext) {
  route(link, ctx, { IntegrationType: 'AWS_PROXY', IntegrationUri: getAtt(id(link.target), 'Arn'), PayloadFormatVersion: '2.0' });
  invokePermission(link, ctx, 'apigateway.amazonaws.com', sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id(link.source)}}/*`));
}

/** First-class integrations: API Gateway calls the service itself with a role allowed that one action. */
export function apiToService(link: RouteLink<'stepfunctions' | 'sqs' | 'eventbridge' | 'kinesis'>, ctx: SynthContext) {
  const { source: api, target, edge } = link;
  const roleArn = serviceRole(
    ctx,
    pairId(api, target, 'IntegrationRole'),
    'apigateway.amazonaws.com',
    [{ Sid: `Send${target.name}`, Effect: 'Allow', Action: [deliverAction(target)], Resource: [ctx.arnOf(target)] }],
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
        RequestParameters: { QueueUrl: ref(id(target)), MessageBody: '$request.body', ...(target.props.fifo ? { MessageGroupId: '$request.requestId' } : {}) },
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
}

/** A website page calling the API: the API's CORS admits the site's origin. */
export function websiteToApi(link: LinkOf<'s3', 'apigateway', Record<string, never>>, ctx: SynthContext) {
  allowOrigin(ctx.builder, link.target, sub('http://${Name}.s3-website-${AWS::Region}.amazonaws.com', { Name: bucketName(link.source) }), link.edge.id);
}
