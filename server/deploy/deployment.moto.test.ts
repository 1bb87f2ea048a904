import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { diagram } from '../../generators/graph/build';
import { ACKNOWLEDGE_ALL, sandboxForTests } from '../sandbox/testing';
import { bucketsOwnedBy, carryOutDeployment, destroyStack, listManagedStacks, planDeployment } from './deployment';
import type { DeployEvent } from './events';

const sandbox = sandboxForTests();

const record = () => {
  const events: DeployEvent[] = [];
  return { events, emit: (e: DeployEvent) => events.push(e) };
};

const uploads = diagram({
  name: 'Uploads demo',
  nodes: { Uploads: 's3', Indexer: 'lambda', Catalog: 'dynamodb' },
  edges: [
    ['Uploads', 'Indexer'],
    ['Indexer', 'Catalog', { access: 'write' }],
  ],
});
const withQueue = diagram({
  name: 'Uploads demo',
  nodes: { Uploads: 's3', Indexer: 'lambda', Catalog: 'dynamodb', Audit: 'sqs' },
  edges: [
    ['Uploads', 'Indexer'],
    ['Indexer', 'Catalog', { access: 'write' }],
    ['Indexer', 'Audit', { access: 'send' }],
  ],
});

describe('deploying to the local sandbox (moto_server)', () => {
  it('GIVEN a new diagram WHEN planned THEN the change set adds its resources; WHEN carried out THEN they exist', async () => {
    const { events, emit } = record();
    const plan = await planDeployment(sandbox.env(), uploads, 'uploads-demo', emit, ACKNOWLEDGE_ALL);
    expect(plan.kind).toBe('changes');
    if (plan.kind !== 'changes') return;
    expect(plan.stackExists).toBe(false);
    const added = plan.changes.filter((c) => c.action === 'Add').map((c) => c.logicalId);
    expect(added).toEqual(expect.arrayContaining(['Uploads', 'Indexer', 'IndexerRole', 'Catalog', 'UploadsToIndexerPermission']));
    expect(await carryOutDeployment(sandbox.env(), uploads, 'uploads-demo', plan.changeSetName, emit)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: true, status: 'CREATE_COMPLETE' });

    const buckets = (await new S3Client(sandbox.config()).send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name) ?? [];
    expect(buckets.some((b) => /^uploads-[0-9a-f-]{36}$/.test(b!))).toBe(true);
    const functions = (await new LambdaClient(sandbox.config()).send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName) ?? [];
    expect(functions.some((f) => f!.startsWith('Indexer-'))).toBe(true);
    const tables = (await new DynamoDBClient(sandbox.config()).send(new ListTablesCommand({}))).TableNames ?? [];
    expect(tables.some((t) => t.includes('Catalog'))).toBe(true);
    expect((await listManagedStacks(sandbox.env())).map((s) => [s.name, s.diagram])).toContainEqual(['uploads-demo', 'Uploads demo']);
  }, 120_000);

  it('GIVEN the deployed stack WHEN a queue is added THEN a second change set adds only it, and deploying again changes nothing', async () => {
    const { emit } = record();
    const plan = await planDeployment(sandbox.env(), withQueue, 'uploads-demo', emit, ACKNOWLEDGE_ALL);
    expect(plan.kind).toBe('changes');
    if (plan.kind !== 'changes') return;
    expect(plan.stackExists).toBe(true);
    expect(plan.changes.filter((c) => c.action === 'Add').map((c) => c.logicalId)).toEqual(expect.arrayContaining(['Audit', 'AuditDeadLetterQueue']));
    expect(plan.changes.some((c) => c.action === 'Remove')).toBe(false);
    expect(await carryOutDeployment(sandbox.env(), withQueue, 'uploads-demo', plan.changeSetName, emit)).toBe(true);
    const queues = (await new SQSClient(sandbox.config()).send(new ListQueuesCommand({}))).QueueUrls ?? [];
    expect(queues.some((q) => q.includes('Audit'))).toBe(true);

    const again = record();
    expect(await planDeployment(sandbox.env(), withQueue, 'uploads-demo', again.emit, ACKNOWLEDGE_ALL)).toEqual({ kind: 'no-changes' });
    expect(again.events.at(-1)).toMatchObject({ type: 'no-changes', message: 'Stack uploads-demo is already up to date: nothing to change' });
  }, 120_000);

  it('GIVEN a bucket with objects WHEN destroyed without confirming it THEN nothing happens; WHEN confirmed THEN it is emptied and the stack deleted', async () => {
    const s3 = new S3Client(sandbox.config());
    const [bucket] = await bucketsOwnedBy(sandbox.env(), 'uploads-demo');
    expect(bucket).toMatch(/^uploads-/);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'photo.png', Body: 'x' }));
    await expect(destroyStack(sandbox.env(), 'uploads-demo', [], () => {})).rejects.toThrow(`Confirm emptying ${bucket}`);
    await expect(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'photo.png' }))).resolves.toBeTruthy();
    const { events, emit } = record();
    expect(await destroyStack(sandbox.env(), 'uploads-demo', [bucket], emit)).toBe(true);
    expect(events.filter((e) => e.type === 'phase').map((e) => (e as { phase: string }).phase)).toEqual(['emptying', 'deleting']);
    const buckets = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name) ?? [];
    expect(buckets).not.toContain(bucket);
    expect((await listManagedStacks(sandbox.env())).map((s) => s.name)).not.toContain('uploads-demo');
  }, 120_000);

  it('GIVEN a diagram with errors THEN nothing is sent to CloudFormation and the errors are named', async () => {
    const loop = diagram({
      nodes: { Photos: 's3', Resizer: 'lambda' },
      edges: [
        ['Photos', 'Resizer'],
        ['Resizer', 'Photos', { access: 'write' }],
      ],
    });
    await expect(planDeployment(sandbox.env(), loop, 'loop', () => {}, ACKNOWLEDGE_ALL)).rejects.toThrow(/infinite loop/);
    expect((await listManagedStacks(sandbox.env())).map((s) => s.name)).not.toContain('loop');
  });
});

describe('a template over the inline limit', () => {
  it('GIVEN a diagram whose template exceeds 51,200 bytes WHEN deployed THEN it is staged in a bucket and the stack is created from there', async () => {
    const nodes: Record<string, 'sqs' | 'lambda'> = {};
    const edges: [string, string][] = [];
    for (let i = 0; i < 30; i++) {
      nodes[`Jobs${i}`] = 'sqs';
      nodes[`Worker${i}`] = 'lambda';
      edges.push([`Jobs${i}`, `Worker${i}`]);
    }
    const big = diagram({ name: 'Big', nodes, edges });
    const { events, emit } = record();
    const plan = await planDeployment(sandbox.env(), big, 'big-stack', emit, ACKNOWLEDGE_ALL);
    expect(events.some((e) => e.type === 'phase' && e.phase === 'staging')).toBe(true);
    if (plan.kind !== 'changes') throw new Error('expected changes');
    expect(plan.changes.length).toBeGreaterThan(100);
    expect(await carryOutDeployment(sandbox.env(), big, 'big-stack', plan.changeSetName, emit)).toBe(true);
    const buckets = (await new S3Client(sandbox.config()).send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name) ?? [];
    expect(buckets).toContain('eventform-staging-123456789012-us-east-1');
  }, 120_000);
});
