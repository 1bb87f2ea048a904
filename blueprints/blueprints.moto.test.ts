import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, ListEventBusesCommand, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { GetFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DeleteObjectCommand, GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { bucketsOwnedBy, carryOutDeployment, destroyStack, planDeployment } from '../server/deploy/deployment';
import { ACKNOWLEDGE_ALL, sandboxForTests } from '../server/sandbox/testing';
import { blueprintById } from './index';
import { synthesize } from '../generators';
import { assetKey } from '../generators/template/asset';
import type { DeployEvent } from '../protocol';
import { buildAsset } from '../server/assets/build';

const sandbox = sandboxForTests();

/** The Kinesis SDK speaks CBOR, which moto does not: ask the Kinesis JSON API directly. */
async function kinesisStreams(): Promise<string[]> {
  const response = await fetch(`${sandbox.endpoint()}/`, {
    method: 'POST',
    headers: {
      'X-Amz-Target': 'Kinesis_20131202.ListStreams',
      'Content-Type': 'application/x-amz-json-1.1',
      Authorization: 'AWS4-HMAC-SHA256 Credential=sandbox/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: '{}',
  });
  return ((await response.json()) as { StreamNames?: string[] }).StreamNames ?? [];
}

async function inventory() {
  const [buckets, functions, tables, queues, topics, streams, machines, buses] = await Promise.all([
    new S3Client(sandbox.config()).send(new ListBucketsCommand({})).then((r) => (r.Buckets ?? []).map((b) => b.Name!)),
    new LambdaClient(sandbox.config()).send(new ListFunctionsCommand({})).then((r) => (r.Functions ?? []).map((f) => f.FunctionName!)),
    new DynamoDBClient(sandbox.config()).send(new ListTablesCommand({})).then((r) => r.TableNames ?? []),
    new SQSClient(sandbox.config()).send(new ListQueuesCommand({})).then((r) => r.QueueUrls ?? []),
    new SNSClient(sandbox.config()).send(new ListTopicsCommand({})).then((r) => (r.Topics ?? []).map((t) => t.TopicArn!)),
    kinesisStreams(),
    new SFNClient(sandbox.config()).send(new ListStateMachinesCommand({})).then((r) => (r.stateMachines ?? []).map((m) => m.name!)),
    new EventBridgeClient(sandbox.config()).send(new ListEventBusesCommand({})).then((r) => (r.EventBuses ?? []).map((b) => b.Name!)),
  ]);
  return { buckets, functions, tables, queues, topics, streams, machines, buses };
}

type Inventory = Awaited<ReturnType<typeof inventory>>;
const has = (list: string[], fragment: string) => list.some((x) => x.includes(fragment));

const EXPECTED: Record<string, (stack: string, inv: Inventory) => void> = {
  website: (_, inv) => {
    expect(inv.buckets.some((b) => b.startsWith('site-'))).toBe(true);
    expect(inv.functions.some((f) => f.startsWith('Hello-'))).toBe(true);
  },
  banking: (stack, inv) => {
    for (const fn of ['ValidateDeposit-', 'CreateDeposit-', 'RejectDeposit-']) expect(inv.functions.some((f) => f.startsWith(fn))).toBe(true);
    expect(has(inv.tables, `${stack}-Deposits`)).toBe(true);
    expect(has(inv.queues, 'CustomerNotifications')).toBe(true);
    expect(has(inv.topics, 'DepositAlerts')).toBe(true);
    expect(has(inv.machines, 'DepositWorkflow')).toBe(true);
    expect(inv.buses).toContain(`${stack}-DepositEvents`);
  },
  'image-processing': (stack, inv) => {
    expect(inv.buckets.some((b) => b.startsWith('uploads-'))).toBe(true);
    expect(inv.buckets.some((b) => b.startsWith('thumbnails-'))).toBe(true);
    expect(inv.functions.some((f) => f.startsWith('Thumbnailer-'))).toBe(true);
    expect(has(inv.tables, `${stack}-ImageMetadata`)).toBe(true);
  },
  streaming: (stack, inv) => {
    expect(has(inv.streams, `${stack}-SocialEvents`)).toBe(true);
    expect(inv.functions.some((f) => f.startsWith('Analyzer-'))).toBe(true);
    expect(has(inv.tables, `${stack}-Results`)).toBe(true);
    expect(inv.buckets.some((b) => b.startsWith('rawarchive-'))).toBe(true);
  },
};

describe('each blueprint on the local sandbox', () => {
  it.each(Object.keys(EXPECTED))(
    'GIVEN the %s blueprint WHEN deployed through the deployer THEN its core resources exist, and WHEN destroyed THEN they are gone',
    async (id) => {
      const blueprint = blueprintById(id)!;
      const stack = `bp-${id}`;
      const plan = await planDeployment(sandbox.env(), blueprint.graph, stack, () => {}, ACKNOWLEDGE_ALL);
      if (plan.kind !== 'changes') throw new Error('expected changes');
      expect(await carryOutDeployment(sandbox.env(), blueprint.graph, stack, plan.changeSetName, () => {})).toBe(true);
      const inv = await inventory();
      EXPECTED[id](stack, inv);
      if (id === 'banking') {
        const rules = await new EventBridgeClient(sandbox.config()).send(new ListRulesCommand({ EventBusName: `${stack}-DepositEvents` }));
        expect((rules.Rules ?? []).map((r) => r.Name).join(' ')).toMatch(/DepositEventsToCustomerNotificationsRule.*DepositEventsToDepositAlertsRule/);
      }
      if (id === 'website') {
        const site = inv.buckets.find((b) => b.startsWith('site-'))!;
        const page = await new S3Client(sandbox.config()).send(new GetObjectCommand({ Bucket: site, Key: 'index.html' }));
        expect(await page.Body!.transformToString()).toMatch(/new XMLHttpRequest\(\)/);
      }
      expect(await destroyStack(sandbox.env(), stack, await bucketsOwnedBy(sandbox.env(), stack), () => {})).toBe(true);
      const after = await inventory();
      expect(after.functions.filter((f) => blueprint.graph.nodes.some((n) => f.startsWith(`${n.name}-`)))).toEqual([]);
    },
    120_000,
  );
});

describe('function code built into assets, and outputs, on the sandbox', () => {
  it('GIVEN the image blueprint WHEN deployed THEN its function is created from the staged zip; WHEN deployed again THEN nothing is built or uploaded again', async () => {
    const blueprint = blueprintById('image-processing')!;
    const [asset] = synthesize(blueprint.graph).assets;
    // Other tests may have staged it already: start from a staging bucket without it.
    await new S3Client(sandbox.config()).send(new DeleteObjectCommand({ Bucket: 'eventform-staging-123456789012-us-east-1', Key: assetKey(asset) })).catch(() => undefined);
    const messages: string[] = [];
    const emit = (e: DeployEvent) => e.type === 'phase' && messages.push(e.message);
    const first = await planDeployment(sandbox.env(), blueprint.graph, 'thumbs', emit, ACKNOWLEDGE_ALL);
    if (first.kind !== 'changes') throw new Error('expected changes');
    expect(await carryOutDeployment(sandbox.env(), blueprint.graph, 'thumbs', first.changeSetName, emit)).toBe(true);
    expect(messages.filter((m) => /Thumbnailer's code, .* uploaded to eventform-staging-123456789012-us-east-1/.test(m))).toHaveLength(1);
    const built = await buildAsset(asset);
    const staged = await new S3Client(sandbox.config()).send(new GetObjectCommand({ Bucket: 'eventform-staging-123456789012-us-east-1', Key: assetKey(asset) }));
    expect(Buffer.from(await staged.Body!.transformToByteArray()).equals(Buffer.from(built.zip))).toBe(true);
    const name = (await new LambdaClient(sandbox.config()).send(new ListFunctionsCommand({}))).Functions!.find((f) => f.FunctionName!.startsWith('Thumbnailer-'))!.FunctionName!;
    const fn = await new LambdaClient(sandbox.config()).send(new GetFunctionCommand({ FunctionName: name }));
    expect(fn.Configuration?.CodeSha256).toBe(built.sha256);
    expect(fn.Configuration?.Runtime).toBe('nodejs22.x');

    // Deployed again (as a second stack): the code's zip is already there, so it is neither built nor uploaded.
    const changed = blueprint.graph;
    messages.length = 0;
    const again = await planDeployment(sandbox.env(), changed, 'thumbs-again', emit, ACKNOWLEDGE_ALL);
    if (again.kind !== 'changes') throw new Error('expected changes');
    expect(await carryOutDeployment(sandbox.env(), changed, 'thumbs-again', again.changeSetName, emit)).toBe(true);
    expect(messages.filter((m) => m.includes("Thumbnailer's code"))).toEqual([
      expect.stringMatching(/^Thumbnailer's code \(\d+ files, sharp@[\d.]+\): already in eventform-staging-123456789012-us-east-1, not built or uploaded again$/),
    ]);
  }, 180_000);

  it('GIVEN the website blueprint deployed to the sandbox THEN its website URL is among the outputs shown', async () => {
    const blueprint = blueprintById('website')!;
    const events: DeployEvent[] = [];
    const plan = await planDeployment(sandbox.env(), blueprint.graph, 'site-outputs', (e) => events.push(e), ACKNOWLEDGE_ALL);
    if (plan.kind !== 'changes') throw new Error('expected changes');
    await carryOutDeployment(sandbox.env(), blueprint.graph, 'site-outputs', plan.changeSetName, (e) => events.push(e));
    const outputs = events.find((e) => e.type === 'outputs');
    if (outputs?.type !== 'outputs') throw new Error('no outputs');
    const site = (await inventory()).buckets.find((b) => b.startsWith('site-'))!;
    expect(outputs.outputs.SiteWebsiteUrl).toBe(`http://${site}.s3-website-us-east-1.amazonaws.com`);
    expect(outputs.outputs.SiteBucketName).toBe(site);
    // moto's CloudFormation makes no HTTP APIs (the README's sandbox section lists it): said, not dropped.
    expect(outputs.outputs.ApiUrl).toBe("(not known in the sandbox: Api (AWS::ApiGatewayV2::Api) was not created: moto's CloudFormation does not make that type)");
    expect(Object.keys(outputs.outputs).sort()).toEqual(Object.keys(synthesize(blueprint.graph).template.Outputs ?? {}).sort());
  }, 120_000);
});

describe('sample events for the streaming blueprint', () => {
  it('GIVEN the deployed streaming blueprint WHEN sample events are sent THEN they are on its Kinesis stream', async () => {
    const { sendSampleEvents } = await import('../server/deploy/samples');
    const blueprint = blueprintById('streaming')!;
    const plan = await planDeployment(sandbox.env(), blueprint.graph, 'samples', () => {}, ACKNOWLEDGE_ALL);
    if (plan.kind !== 'changes') throw new Error('expected changes');
    await carryOutDeployment(sandbox.env(), blueprint.graph, 'samples', plan.changeSetName, () => {});
    const result = await sendSampleEvents(sandbox.env(), blueprint.graph, 'samples', 7);
    expect(result.sent).toBe(7);
    const streamName = result.via.replace('stream ', '');
    const call = async (target: string, body: unknown) =>
      (await fetch(`${sandbox.endpoint()}/`, {
        method: 'POST',
        headers: {
          'X-Amz-Target': `Kinesis_20131202.${target}`,
          'Content-Type': 'application/x-amz-json-1.1',
          Authorization: 'AWS4-HMAC-SHA256 Credential=sandbox/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: JSON.stringify(body),
      }).then((r) => r.json())) as Record<string, any>;
    const shard = (await call('DescribeStream', { StreamName: streamName })).StreamDescription.Shards[0].ShardId;
    const iterator = (await call('GetShardIterator', { StreamName: streamName, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator;
    const records = (await call('GetRecords', { ShardIterator: iterator })).Records as { Data: string }[];
    const posts = records.map((r) => JSON.parse(Buffer.from(r.Data, 'base64').toString()));
    expect(posts).toHaveLength(7);
    expect(posts[0]).toMatchObject({ user: 'ana', text: expect.stringContaining('#serverless') });
  }, 120_000);
});
