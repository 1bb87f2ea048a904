import { enableStream } from '../../services/dynamodb/cfn';
import { getAtt, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { id, pairId } from '../../template/naming';
import { filterCriteriaOf, type QueueMappingProps, type StreamMappingProps } from '../edge-props';
import type { LinkOf } from '../types';
import { deliverAction, eventSourceMapping, grantRole, serviceRole, sourceReadActions } from './shared';

const streamMapping = (props: StreamMappingProps): Record<string, CfnValue> => ({
  StartingPosition: 'LATEST',
  BatchSize: props.batchSize,
  MaximumRetryAttempts: props.maximumRetryAttempts,
  BisectBatchOnFunctionError: props.bisectOnError,
  ...batching(props),
});

/** What both kinds of mapping set only when asked: a batching window, partial failures, filters. */
function batching(props: StreamMappingProps | QueueMappingProps): Record<string, CfnValue> {
  const properties: Record<string, CfnValue> = {};
  if (props.batchingWindowSeconds > 0) properties.MaximumBatchingWindowInSeconds = props.batchingWindowSeconds;
  if (props.reportBatchItemFailures) properties.FunctionResponseTypes = ['ReportBatchItemFailures'];
  const filters = filterCriteriaOf(props.filterPatterns);
  if (filters) properties.FilterCriteria = filters;
  return properties;
}

export function tableStreamToLambda(link: LinkOf<'dynamodb', 'lambda', StreamMappingProps>, ctx: SynthContext) {
  const streamArn = enableStream(ctx.builder, link.source, link.edge.id);
  grantRole(ctx, id(link.target, 'Role'), `Read${link.source.name}Stream`, sourceReadActions(link.source), [streamArn], link.edge.id);
  eventSourceMapping(link, ctx, streamArn, streamMapping(link.edge.props));
}

export function kinesisToLambda(link: LinkOf<'kinesis', 'lambda', StreamMappingProps>, ctx: SynthContext) {
  const streamArn = getAtt(id(link.source), 'Arn');
  grantRole(ctx, id(link.target, 'Role'), `Read${link.source.name}`, sourceReadActions(link.source), [streamArn], link.edge.id);
  eventSourceMapping(link, ctx, streamArn, streamMapping(link.edge.props));
}

/** A table change becomes a message, an event or an execution through an EventBridge Pipe. */
export function tableToPipe(link: LinkOf<'dynamodb', 'eventbridge' | 'sqs' | 'sns' | 'stepfunctions', Record<string, never>>, ctx: SynthContext) {
  const { source: table, target, edge } = link;
  const streamArn = enableStream(ctx.builder, table, edge.id);
  const roleArn = serviceRole(
    ctx,
    pairId(table, target, 'PipeRole'),
    'pipes.amazonaws.com',
    [
      { Sid: `Read${table.name}Stream`, Effect: 'Allow', Action: [...sourceReadActions(table)], Resource: [streamArn] },
      { Sid: `Send${target.name}`, Effect: 'Allow', Action: [deliverAction(target)], Resource: [ctx.arnOf(target)] },
    ],
    edge.id,
  );
  const targetParameters: Record<string, CfnValue> =
    target.kind === 'eventbridge'
      ? { EventBridgeEventBusParameters: { DetailType: 'TableChange', Source: 'eventform.dynamodb' } }
      : target.kind === 'stepfunctions'
        ? { StepFunctionStateMachineParameters: { InvocationType: 'FIRE_AND_FORGET' } }
        : target.kind === 'sqs' && target.props.fifo
          ? { SqsQueueParameters: { MessageGroupId: 'table-changes' } }
          : {};
  ctx.builder.add(
    pairId(table, target, 'Pipe'),
    {
      Type: 'AWS::Pipes::Pipe',
      Properties: {
        RoleArn: roleArn,
        Source: streamArn,
        SourceParameters: { DynamoDBStreamParameters: { StartingPosition: 'LATEST', BatchSize: 1 } },
        Target: ctx.arnOf(target),
        ...(Object.keys(targetParameters).length ? { TargetParameters: targetParameters } : {}),
      },
    },
    edge.id,
  );
}

export function sqsToLambda(link: LinkOf<'sqs', 'lambda', QueueMappingProps>, ctx: SynthContext) {
  const queueArn = getAtt(id(link.source), 'Arn');
  grantRole(ctx, id(link.target, 'Role'), `Consume${link.source.name}`, sourceReadActions(link.source), [queueArn], link.edge.id);
  eventSourceMapping(link, ctx, queueArn, { BatchSize: link.edge.props.batchSize, ...batching(link.edge.props) });
}
