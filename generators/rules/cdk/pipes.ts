/** EventBridge Pipes: aws-cdk-lib has no L2 for pipes (it is @aws-cdk/aws-pipes-alpha), so the pipe is a CfnPipe with a role the L2 grants fill. */
import type { Link } from '../../graph/index-graph';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import type { PipeProps } from '../edge-props';
import { enrichmentOf } from '../wiring/pipes';
import { pairId, pairName, says } from './shared';

const SOURCE_GRANTS: Record<string, string> = { sqs: 'grantConsumeMessages', kinesis: 'grantRead', dynamodb: 'grantStreamRead' };
const TARGET_GRANTS: Record<string, string> = {
  lambda: 'grantInvoke',
  sqs: 'grantSendMessages',
  sns: 'grantPublish',
  eventbridge: 'grantPutEventsTo',
  stepfunctions: 'grantStartExecution',
  kinesis: 'grantWrite',
};
const SOURCE_ARNS: Record<string, string> = { sqs: 'queueArn', kinesis: 'streamArn', dynamodb: 'tableStreamArn!' };
const TARGET_ARNS: Record<string, string> = { lambda: 'functionArn', sqs: 'queueArn', sns: 'topicArn', eventbridge: 'eventBusArn', stepfunctions: 'stateMachineArn', kinesis: 'streamArn' };

function parameters(link: Link, props: PipeProps & { batchingWindowSeconds?: number }): { source: string; target?: string } {
  const { source, target } = link;
  const window = props.batchingWindowSeconds ?? 0;
  const batch = `batchSize: ${props.batchSize}${window > 0 ? `, maximumBatchingWindowInSeconds: ${window}` : ''}`;
  const filters = props.filterPatterns ? `, filterCriteria: { filters: ${JSON.stringify((JSON.parse(props.filterPatterns) as object[]).map((p) => ({ pattern: JSON.stringify(p) })))} }` : '';
  const sourceParameters =
    source.kind === 'dynamodb'
      ? `{ dynamoDbStreamParameters: { startingPosition: 'LATEST', ${batch} }${filters} }`
      : source.kind === 'kinesis'
        ? `{ kinesisStreamParameters: { startingPosition: 'LATEST', ${batch} }${filters} }`
        : `{ sqsQueueParameters: { ${batch} }${filters} }`;
  let targetParameters: string | undefined;
  if (target.kind === 'eventbridge')
    targetParameters = `{ eventBridgeEventBusParameters: { detailType: ${literal(source.kind === 'dynamodb' ? 'TableChange' : 'Record')}, source: ${literal(`eventform.${source.kind}`)} } }`;
  else if (target.kind === 'stepfunctions') targetParameters = "{ stepFunctionStateMachineParameters: { invocationType: 'FIRE_AND_FORGET' } }";
  else if (target.kind === 'kinesis') targetParameters = `{ kinesisStreamParameters: { partitionKey: ${literal(source.name)} } }`;
  else if (target.kind === 'sqs' && target.props.fifo) targetParameters = `{ sqsQueueParameters: { messageGroupId: ${literal(source.kind === 'dynamodb' ? 'table-changes' : source.name)} } }`;
  return { source: sourceParameters, target: targetParameters };
}

export function pipeCdk(link: Link, w: CdkWriter) {
  if (link.source.kind === 'dynamodb') w.contribute(link.source, 'stream', true);
  const [pipes, iam] = [w.use('pipes'), w.use('iam')];
  const props = link.edge.props as unknown as PipeProps & { batchingWindowSeconds?: number };
  const enrichment = enrichmentOf({ edge: { props } }, w.index);
  // A function is invoked, an express workflow started synchronously: each answers with the enriched batch.
  const [enrichGrant, enrichArn] = enrichment?.kind === 'stepfunctions' ? ['grantStartSyncExecution', 'stateMachineArn'] : ['grantInvoke', 'functionArn'];
  const role = w.v({ name: pairName(link, 'PipeRole') });
  const { source, target } = parameters(link, props);
  const lines = [
    `    const ${role} = new ${iam}.Role(this, ${pairId(link, 'PipeRole')}, { assumedBy: new ${iam}.ServicePrincipal('pipes.amazonaws.com') });`,
    `    ${w.v(link.source)}.${SOURCE_GRANTS[link.source.kind]}(${role});`,
    `    ${w.v(link.target)}.${TARGET_GRANTS[link.target.kind]}(${role});`,
    ...(enrichment ? [`    ${w.v(enrichment)}.${enrichGrant}(${role});`] : []),
    `    new ${pipes}.CfnPipe(this, ${pairId(link, 'Pipe')}, {`,
    `      roleArn: ${role}.roleArn,`,
    `      source: ${w.v(link.source)}.${SOURCE_ARNS[link.source.kind]},`,
    `      sourceParameters: ${source},`,
    ...(enrichment ? [`      enrichment: ${w.v(enrichment)}.${enrichArn},`] : []),
    `      target: ${w.v(link.target)}.${TARGET_ARNS[link.target.kind]},`,
    ...(target ? [`      targetParameters: ${target},`] : []),
    '    });',
  ];
  w.statement(`${says(link)} (L1: aws-cdk-lib has no Pipes L2)`, lines.join('\n'));
}
