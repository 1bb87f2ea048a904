import type { Link, SynthContext, Wiring } from '../../template/context';
import { id, pairId } from '../../template/naming';
import { getAtt, type CfnValue } from '../../template/cfn';
import { enableStream } from '../../services/dynamodb.cfn';
import { KINESIS_READ_ACTIONS } from '../../services/kinesis.cfn';
import { eventSourceMapping, grantRole, sendAction, serviceRole } from './shared';

const streamMapping = (link: Link) => ({
  StartingPosition: 'LATEST',
  BatchSize: Number(link.edge.props.batchSize),
  MaximumRetryAttempts: Number(link.edge.props.maximumRetryAttempts),
  BisectBatchOnFunctionError: link.edge.props.bisectOnError === true,
});

export const DYNAMODB_STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

export const tableStreamToLambda: Wiring = (link, ctx) => {
  const streamArn = enableStream(ctx.builder, link.source, link.edge.id);
  grantRole(ctx, id(link.target, 'Role'), `Read${link.source.name}Stream`, DYNAMODB_STREAM_READ, [streamArn], link.edge.id);
  eventSourceMapping(link, ctx, streamArn, streamMapping(link));
};

export const kinesisToLambda: Wiring = (link, ctx) => {
  const streamArn = getAtt(id(link.source), 'Arn');
  grantRole(ctx, id(link.target, 'Role'), `Read${link.source.name}`, KINESIS_READ_ACTIONS, [streamArn], link.edge.id);
  eventSourceMapping(link, ctx, streamArn, streamMapping(link));
};

/** A table change becomes a message, an event or an execution through an EventBridge Pipe. */
export const tableToPipe: Wiring = (link: Link, ctx: SynthContext) => {
  const { source: table, target, edge } = link;
  const streamArn = enableStream(ctx.builder, table, edge.id);
  const roleArn = serviceRole(
    ctx,
    pairId(table, target, 'PipeRole'),
    'pipes.amazonaws.com',
    [
      { Sid: `Read${table.name}Stream`, Effect: 'Allow', Action: DYNAMODB_STREAM_READ, Resource: [streamArn] },
      { Sid: `Send${target.name}`, Effect: 'Allow', Action: [sendAction(target)], Resource: [ctx.arnOf(target)] },
    ],
    edge.id,
  );
  const targetParameters: Record<string, CfnValue> =
    target.kind === 'eventbridge'
      ? { EventBridgeEventBusParameters: { DetailType: 'TableChange', Source: 'eventform.dynamodb' } }
      : target.kind === 'stepfunctions'
        ? { StepFunctionStateMachineParameters: { InvocationType: 'FIRE_AND_FORGET' } }
        : target.kind === 'sqs' && target.props.fifo === true
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
};

export const sqsToLambda: Wiring = (link, ctx) => {
  const queueArn = getAtt(id(link.source), 'Arn');
  grantRole(ctx, id(link.target, 'Role'), `Consume${link.source.name}`, ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'], [queueArn], link.edge.id);
  const properties: Record<string, CfnValue> = { BatchSize: Number(link.edge.props.batchSize) };
  if (Number(link.edge.props.batchingWindowSeconds) > 0) properties.MaximumBatchingWindowInSeconds = Number(link.edge.props.batchingWindowSeconds);
  if (link.edge.props.reportBatchItemFailures === true) properties.FunctionResponseTypes = ['ReportBatchItemFailures'];
  eventSourceMapping(link, ctx, queueArn, properties);
};
