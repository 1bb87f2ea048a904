import type { ServiceKind } from '../../services/registry';
import type { Wiring } from '../../template/context';
import { bucketArn, id } from '../../template/naming';
import { getAtt, screamingSnake as screaming, sub, type CfnValue } from '../../template/cfn';
import { SERVICES } from '../../services/registry';
import { KINESIS_READ_ACTIONS } from '../../services/kinesis.cfn';
import type { AccessMode } from '../edge-props';

const DYNAMODB_READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const DYNAMODB_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

/** The IAM actions of each access mode, per kind of target: the grants table of the product. */
const ACTIONS: Partial<Record<ServiceKind, Partial<Record<AccessMode, string[]>>>> = {
  dynamodb: { read: DYNAMODB_READ, write: DYNAMODB_WRITE, 'read-write': [...DYNAMODB_READ, ...DYNAMODB_WRITE] },
  s3: {
    read: ['s3:GetObject', 's3:ListBucket'],
    write: ['s3:AbortMultipartUpload', 's3:PutObject'],
    'read-write': ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject'],
  },
  sns: { publish: ['sns:Publish'] },
  sqs: { send: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], consume: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'] },
  eventbridge: { 'put-events': ['events:PutEvents'] },
  kinesis: { write: ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], read: KINESIS_READ_ACTIONS },
  firehose: { write: ['firehose:PutRecord', 'firehose:PutRecordBatch'] },
  stepfunctions: { 'start-execution': ['states:StartExecution'] },
  lambda: { invoke: ['lambda:InvokeFunction'] },
};

export function lambdaActions(kind: ServiceKind, access: AccessMode): string[] {
  const actions = ACTIONS[kind]?.[access];
  if (!actions) throw new Error(`internal: no actions for ${access} on ${kind}`);
  return actions;
}

const sidOf = (access: string, name: string) => `${access.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}${name}`;

/** A function using a service: one statement with only its access mode's actions on that one resource, and its address in the environment. */
export const lambdaUses: Wiring = (link, ctx) => {
  const { source: fn, target, edge } = link;
  const access = edge.props.access as AccessMode;
  const actions = lambdaActions(target.kind, access);
  let resources: CfnValue[] = [ctx.arnOf(target)];
  if (target.kind === 's3') {
    // Object actions apply to keys, ListBucket to the bucket itself.
    resources = actions.some((a) => a === 's3:ListBucket') ? [bucketArn(target), bucketArn(target, '/*')] : [bucketArn(target, '/*')];
  }
  if (target.kind === 'dynamodb' && access !== 'write') resources = [ctx.arnOf(target), sub('${Arn}/index/*', { Arn: getAtt(id(target), 'Arn') })];
  ctx.builder.grant(id(fn, 'Role'), { Sid: sidOf(access, target.name), Effect: 'Allow', Action: actions, Resource: resources }, edge.id);
  ctx.builder.touch(id(fn), edge.id);
  const emitter = SERVICES[target.kind].cfn;
  ctx.builder.env(id(fn), target.name, emitter.address.suffix, emitter.address.value(target));
  const prefix = `${screaming(target.name)}_`;
  ctx.builder.setEnv(id(fn), `${prefix}ACCESS`, access);
  if (target.kind === 'dynamodb') {
    ctx.builder.setEnv(id(fn), `${prefix}TABLE_KEY`, String(target.props.partitionKey));
    if (target.props.sortKey) ctx.builder.setEnv(id(fn), `${prefix}TABLE_SORT_KEY`, String(target.props.sortKey));
  }
};
