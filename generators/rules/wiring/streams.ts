import { enableStream } from '../../services/dynamodb/cfn';
import { getAtt, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { id } from '../../template/naming';
import { filterCriteriaOf, throughPipe, type QueueMappingProps, type StreamMappingProps } from '../edge-props';
import type { LinkOf } from '../types';
import { pipeToTarget } from './pipes';
import { deliverAction, eventSourceMapping, grantRole, sourceReadActions } from './shared';

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

/**
 * Where a stream mapping sends the record of a batch it gave up on: the mapping sends it with the
 * function's role, which may therefore send there.
 */
function onFailure(link: LinkOf<'dynamodb' | 'kinesis', 'lambda', StreamMappingProps>, ctx: SynthContext): Record<string, CfnValue> {
  const destination = ctx.index.named(link.edge.props.onFailure, ['sqs', 'sns']);
  if (!destination) return {};
  grantRole(ctx, id(link.target, 'Role'), `FailuresOf${link.source.name}To${destination.name}`, [deliverAction(destination)], [ctx.arnOf(destination)], link.edge.id);
  return { DestinationConfig: { OnFailure: { Destination: ctx.arnOf(destination) } } };
}

export function tableStreamToLambda(link: LinkOf<'dynamodb', 'lambda', StreamMappingProps>, ctx: SynthContext) {
  if (throughPipe(link.edge.props)) return pipeToTarget(link, ctx);
  const streamArn = enableStream(ctx.builder, link.source, link.edge.id);
  grantRole(ctx, id(link.target, 'Role'), `Read${link.source.name}Stream`, sourceReadActions(link.source), [streamArn], link.edge.id);
  eventSourceMapping(link, ctx, streamArn, { ...streamMapping(link.edge.props), ...onFailure(link, ctx) });
}

export function kinesisToLambda(link: LinkOf<'kinesis', 'lambda', StreamMappingProps>, ctx: SynthContext) {
  if (throughPipe(link.edge.props)) return pipeToTarget(link, ctx);
  const streamArn = getAtt(id(link.source), 'Arn');
  grantRole(ctx, id(link.target, 'Role'), `Read${link.source.name}`, sourceReadActions(link.source), [streamArn], link.edge.id);
  eventSourceMapping(link, ctx, streamArn, { ...streamMapping(link.edge.props), ...onFailure(link, ctx) });
}

export function sqsToLambda(link: LinkOf<'sqs', 'lambda', QueueMappingProps>, ctx: SynthContext) {
  if (throughPipe(link.edge.props)) return pipeToTarget(link, ctx);
  const queueArn = getAtt(id(link.source), 'Arn');
  grantRole(ctx, id(link.target, 'Role'), `Consume${link.source.name}`, sourceReadActions(link.source), [queueArn], link.edge.id);
  eventSourceMapping(link, ctx, queueArn, { BatchSize: link.edge.props.batchSize, ...batching(link.edge.props) });
}

/** Kinesis Data Streams for DynamoDB: the table itself writes each change into the stream. */
export function tableToKinesis(link: LinkOf<'dynamodb', 'kinesis', Record<string, never>>, ctx: SynthContext) {
  ctx.builder.touch(id(link.source), link.edge.id).Properties!.KinesisStreamSpecification = { StreamArn: getAtt(id(link.target), 'Arn') };
}

/** A queue's redrive policy: after maxReceiveCount failed receives, a message moves to the dead-letter queue. */
export function redriveToQueue(link: LinkOf<'sqs', 'sqs', { maxReceiveCount: number }>, ctx: SynthContext) {
  ctx.builder.touch(id(link.source), link.edge.id).Properties!.RedrivePolicy = { deadLetterTargetArn: getAtt(id(link.target), 'Arn'), maxReceiveCount: link.edge.props.maxReceiveCount };
}
