/**
 * EventBridge Pipes: a point-to-point integration that reads a queue, a Kinesis stream or a table's
 * stream, filters and batches the records, optionally enriches them with a function, and delivers
 * them to a workflow, a queue, a topic, a bus or a stream. The pipe and its role belong to the edge.
 */
import { enableStream } from '../../services/dynamodb/cfn';
import { getAtt, type CfnValue, type Statement } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { pairId, id } from '../../template/naming';
import { filterCriteriaOf, type PipeProps } from '../edge-props';
import type { GraphIndex } from '../../graph/index-graph';
import type { LinkOf } from '../types';
import { deliverAction, serviceRole, sourceReadActions } from './shared';

export type PipeSource = 'dynamodb' | 'sqs' | 'kinesis';
export type PipeTarget = 'eventbridge' | 'sqs' | 'sns' | 'stepfunctions' | 'kinesis' | 'lambda';
/** A pipe's edge: a pipe row's, or a function trigger's read through a pipe (which carries more props than a pipe reads). */
export type PipeLink = LinkOf<PipeSource, PipeTarget, PipeProps & { batchingWindowSeconds?: number }>;

function sourceOf(link: PipeLink, ctx: SynthContext): { arn: CfnValue; parameters: Record<string, CfnValue> } {
  const { source, edge } = link;
  const window = edge.props.batchingWindowSeconds ?? 0;
  const batch = { BatchSize: edge.props.batchSize, ...(window > 0 ? { MaximumBatchingWindowInSeconds: window } : {}) };
  const filters = filterCriteriaOf(edge.props.filterPatterns);
  const filtering: Record<string, CfnValue> = filters ? { FilterCriteria: filters } : {};
  if (source.kind === 'dynamodb') return { arn: enableStream(ctx.builder, source, edge.id), parameters: { DynamoDBStreamParameters: { StartingPosition: 'LATEST', ...batch }, ...filtering } };
  if (source.kind === 'kinesis') return { arn: getAtt(id(source), 'Arn'), parameters: { KinesisStreamParameters: { StartingPosition: 'LATEST', ...batch }, ...filtering } };
  return { arn: getAtt(id(source), 'Arn'), parameters: { SqsQueueParameters: batch, ...filtering } };
}

function targetParameters(link: PipeLink): Record<string, CfnValue> {
  const { source, target } = link;
  if (target.kind === 'eventbridge') return { EventBridgeEventBusParameters: { DetailType: source.kind === 'dynamodb' ? 'TableChange' : 'Record', Source: `eventform.${source.kind}` } };
  if (target.kind === 'stepfunctions') return { StepFunctionStateMachineParameters: { InvocationType: 'FIRE_AND_FORGET' } };
  if (target.kind === 'kinesis') return { KinesisStreamParameters: { PartitionKey: source.name } };
  if (target.kind === 'sqs' && target.props.fifo) return { SqsQueueParameters: { MessageGroupId: source.kind === 'dynamodb' ? 'table-changes' : source.name } };
  return {};
}

/** What enriches each batch, when the edge names one of the diagram's functions or workflows. */
export const enrichmentOf = (link: { edge: { props: { enrichment: string } } }, index: GraphIndex) => index.named(link.edge.props.enrichment, ['lambda', 'stepfunctions']);

/** A pipe calls its enrichment and waits: a function's invoke, an express workflow's synchronous start. */
export const ENRICH_ACTION = { lambda: 'lambda:InvokeFunction', stepfunctions: 'states:StartSyncExecution' } as const;

export function pipeToTarget(link: PipeLink, ctx: SynthContext) {
  const { source, target, edge } = link;
  const { arn, parameters } = sourceOf(link, ctx);
  const enrichment = enrichmentOf(link, ctx.index);
  const statements: Statement[] = [
    { Sid: source.kind === 'dynamodb' ? `Read${source.name}Stream` : `Read${source.name}`, Effect: 'Allow', Action: [...sourceReadActions(source)], Resource: [arn] },
    { Sid: `Send${target.name}`, Effect: 'Allow', Action: [deliverAction(target)], Resource: [ctx.arnOf(target)] },
  ];
  if (enrichment) statements.push({ Sid: `Enrich${enrichment.name}`, Effect: 'Allow', Action: [ENRICH_ACTION[enrichment.kind]], Resource: [ctx.arnOf(enrichment)] });
  const roleArn = serviceRole(ctx, pairId(source, target, 'PipeRole'), 'pipes.amazonaws.com', statements, edge.id);
  const targetParams = targetParameters(link);
  ctx.builder.add(
    pairId(source, target, 'Pipe'),
    {
      Type: 'AWS::Pipes::Pipe',
      Properties: {
        RoleArn: roleArn,
        Source: arn,
        SourceParameters: parameters,
        ...(enrichment ? { Enrichment: ctx.arnOf(enrichment) } : {}),
        Target: ctx.arnOf(target),
        ...(Object.keys(targetParams).length ? { TargetParameters: targetParams } : {}),
      },
    },
    edge.id,
  );
}
