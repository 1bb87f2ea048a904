/** The teaching model of event flow, on small diagrams, with the exact trace each one must give. */
import { describe, expect, it } from 'vitest';
import { diagram } from '../graph/build';
import type { Graph } from '../graph/model';
import { simulate, type FlowTrace } from './simulate';
import { scenariosFor } from './scenarios';
import { matchesPattern } from './pattern';
import { blueprintById } from '../../blueprints';

/** "tick from->to outcome xcount [batches]" per hop: readable, and exact. */
function trace(graph: Graph, result: FlowTrace): string[] {
  const name = (id?: string) => graph.nodes.find((n) => n.id === id)?.name ?? '';
  return result.hops.map((h) => `${h.tick} ${h.from ? `${name(h.from)}->` : ''}${name(h.to)} ${h.outcome} x${h.count}${h.batches ? ` in ${h.batches}` : ''}`);
}
const run = (graph: Graph & { ids: Record<string, string> }, source: string, label: string, failing: string[] = []) => {
  const scenario = scenariosFor(graph, graph.ids[source]).find((s) => s.label === label);
  if (!scenario)
    throw new Error(
      `no scenario "${label}" for ${source}: ${scenariosFor(graph, graph.ids[source])
        .map((s) => s.label)
        .join(', ')}`,
    );
  return simulate(graph, scenario, { failing: new Set(failing.map((f) => graph.ids[f])) });
};

describe('fan-out and filters', () => {
  const graph = diagram({
    nodes: { Photos: 's3', Alerts: 'sns', Indexer: 'lambda', Mailer: 'lambda', Audit: 'sqs', Auditor: 'lambda' },
    edges: [
      ['Photos', 'Alerts', { suffix: '.png' }],
      ['Alerts', 'Indexer'],
      ['Alerts', 'Mailer', { filterPolicy: '{"kind": ["mail"]}' }],
      ['Alerts', 'Audit'],
      ['Audit', 'Auditor', { batchSize: 10 }],
    ],
  });

  it('GIVEN an upload that matches the suffix WHEN it reaches SNS THEN every subscriber whose filter policy matches gets a copy', () => {
    expect(trace(graph, run(graph, 'Photos', 'upload photo.png'))).toEqual([
      '0 Photos arrived x1',
      '1 Photos->Alerts delivered x1',
      '2 Alerts->Indexer delivered x1',
      '2 Alerts->Mailer filtered x1',
      '2 Alerts->Audit delivered x1',
      '4 Audit->Auditor delivered x1 in 1',
    ]);
  });

  it('GIVEN an upload the suffix filter excludes THEN the bucket sends no notification', () => {
    const result = run(graph, 'Photos', 'upload report.pdf');
    expect(trace(graph, result)).toEqual(['0 Photos arrived x1', '1 Photos->Alerts filtered x1']);
    expect(result.hops[1].text).toMatch(/report\.pdf does not match the filter suffix "\.png"/);
  });

  it('GIVEN a message whose attributes match a filter policy THEN that subscriber gets it too', () => {
    expect(trace(graph, run(graph, 'Alerts', 'publish a message with {"kind":"mail"}')).filter((h) => h.includes('Mailer'))).toEqual(['1 Alerts->Mailer delivered x1']);
  });
});

describe('EventBridge rules', () => {
  const graph = diagram({
    nodes: { Bus: 'eventbridge', Orders: 'lambda', BigOrders: 'sqs' },
    edges: [
      ['Bus', 'Orders', { eventPattern: '{"source": ["shop.orders"]}' }],
      ['Bus', 'BigOrders', { eventPattern: '{"source": ["shop.orders"], "detail": {"amount": [{"numeric": [">", 100]}]}}' }],
    ],
  });
  it('GIVEN an event THEN only the rules whose pattern matches forward it', () => {
    const scenario = { id: 'x', label: 'a small order', sourceId: graph.ids.Bus, count: 1, data: { source: 'shop.orders', 'detail-type': 'Order', detail: { amount: 50 } } };
    expect(trace(graph, simulate(graph, scenario))).toEqual(['0 Bus arrived x1', '1 Bus->Orders delivered x1', '1 Bus->BigOrders filtered x1']);
    const big = { ...scenario, data: { ...scenario.data, detail: { amount: 500 } } };
    expect(trace(graph, simulate(graph, big))).toEqual(['0 Bus arrived x1', '1 Bus->Orders delivered x1', '1 Bus->BigOrders delivered x1', '2 BigOrders waiting x1']);
  });
  it('GIVEN patterns THEN prefix, anything-but and exists behave as EventBridge documents', () => {
    expect(matchesPattern({ source: [{ prefix: 'shop.' }] }, { source: 'shop.orders' })).toBe(true);
    expect(matchesPattern({ source: [{ 'anything-but': ['shop.orders'] }] }, { source: 'shop.orders' })).toBe(false);
    expect(matchesPattern({ detail: { coupon: [{ exists: false }] } }, { detail: {} })).toBe(true);
    expect(matchesPattern({ detail: { tags: ['vip'] } }, { detail: { tags: ['new', 'vip'] } })).toBe(true);
  });
});

describe('batching', () => {
  it('GIVEN 25 messages and batches of 10 THEN the consumer receives 3 batches', () => {
    const graph = diagram({ nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker', { batchSize: 10 }]] });
    const result = run(graph, 'Jobs', 'send 25 messages');
    expect(trace(graph, result)).toEqual(['0 Jobs arrived x25', '2 Jobs->Worker delivered x25 in 3']);
  });

  it('GIVEN 100 records on 2 shards and batches of 30 THEN each shard gives 2 batches, and a second consumer reads every record', () => {
    const graph = diagram({
      nodes: { Tweets: ['kinesis', { shardCount: 2 }], Analyzer: 'lambda', Archive: 'firehose', Raw: 's3' },
      edges: [
        ['Tweets', 'Analyzer', { batchSize: 30 }],
        ['Tweets', 'Archive'],
        ['Archive', 'Raw'],
      ],
    });
    expect(trace(graph, run(graph, 'Tweets', 'put 100 records'))).toEqual([
      '0 Tweets arrived x100',
      '1 Tweets->Analyzer delivered x100 in 4',
      '1 Tweets->Archive delivered x100',
      '3 Archive->Raw delivered x1',
    ]);
  });
});

describe('Step Functions branches', () => {
  const graph = diagram({
    nodes: { Api: 'apigateway', Flow: 'stepfunctions', Validate: 'lambda', Create: 'lambda', Reject: 'lambda', Deposits: 'dynamodb' },
    edges: [
      ['Api', 'Flow', { method: 'POST', path: '/deposits' }],
      ['Flow', 'Validate', { order: 1 }],
      ['Flow', 'Create', { order: 2, condition: '$.valid == true' }],
      ['Flow', 'Reject', { order: 2 }],
      ['Create', 'Deposits', { access: 'write' }],
    ],
  });

  it('GIVEN an input whose condition holds THEN the workflow runs its conditional step and skips the default', () => {
    expect(trace(graph, run(graph, 'Api', 'POST /deposits where $.valid == true'))).toEqual([
      '0 Api arrived x1',
      '1 Api->Flow delivered x1',
      '2 Flow->Validate delivered x1',
      '4 Flow->Create delivered x1',
      '4 Flow->Reject filtered x1',
      '5 Flow arrived x1',
      '5 Create->Deposits delivered x1',
    ]);
  });

  it('GIVEN an input whose condition does not hold THEN the default step runs', () => {
    expect(trace(graph, run(graph, 'Api', 'POST /deposits where not $.valid == true')).filter((h) => /Create|Reject/.test(h))).toEqual(['4 Flow->Reject delivered x1', '4 Flow->Create filtered x1']);
  });

  it('GIVEN a request no route matches THEN the API answers 404 and nothing runs', () => {
    expect(trace(graph, run(graph, 'Api', 'GET /nowhere (no such route)'))).toEqual(['0 Api arrived x1', '1 Api->Flow filtered x1', '1 Api failed x1']);
  });

  it('GIVEN a step whose function fails THEN the execution fails there and later steps never run', () => {
    expect(trace(graph, run(graph, 'Api', 'POST /deposits where $.valid == true', ['Validate']))).toEqual([
      '0 Api arrived x1',
      '1 Api->Flow delivered x1',
      '2 Flow->Validate delivered x1',
      '3 Validate failed x1',
    ]);
  });
});

describe('failures, retries and dead letters', () => {
  it('GIVEN a failing consumer of a queue with a dead-letter queue THEN messages are received maxReceiveCount times, then dead-lettered', () => {
    const graph = diagram({ nodes: { Jobs: ['sqs', { maxReceiveCount: 3 }], Worker: 'lambda' }, edges: [['Jobs', 'Worker', { batchSize: 10 }]] });
    const result = run(graph, 'Jobs', 'send 1 message', ['Worker']);
    expect(trace(graph, result)).toEqual(['0 Jobs arrived x1', '2 Jobs->Worker delivered x1 in 1', '3 Worker retried x1', '4 Jobs dead-lettered x1']);
    expect(result.hops[2].text).toMatch(/received again: 3 times in all/);
  });

  it('GIVEN a failing stream consumer THEN the batch is retried as configured, then skipped', () => {
    const graph = diagram({ nodes: { Tweets: 'kinesis', Analyzer: 'lambda' }, edges: [['Tweets', 'Analyzer', { maximumRetryAttempts: 2, batchSize: 100 }]] });
    const result = run(graph, 'Tweets', 'put 1 record', ['Analyzer']);
    expect(trace(graph, result)).toEqual(['0 Tweets arrived x1', '1 Tweets->Analyzer delivered x1 in 1', '2 Analyzer retried x1', '3 Analyzer discarded x1']);
    expect(result.hops[2].text).toMatch(/retries the batch 2 times, splitting it in two/);
  });

  it('GIVEN a failing function invoked asynchronously by S3 THEN Lambda retries twice, then discards the event', () => {
    const graph = diagram({
      nodes: { Photos: 's3', Resize: 'lambda', Thumbs: 's3' },
      edges: [
        ['Photos', 'Resize'],
        ['Resize', 'Thumbs', { access: 'write' }],
      ],
    });
    expect(trace(graph, run(graph, 'Photos', 'upload photo.png', ['Resize']))).toEqual(['0 Photos arrived x1', '1 Photos->Resize delivered x1', '2 Resize retried x1', '3 Resize discarded x1']);
    expect(run(graph, 'Photos', 'upload photo.png').reached.map((id) => graph.nodes.find((n) => n.id === id)!.name)).toEqual(['Photos', 'Resize', 'Thumbs']);
  });

  it('GIVEN a function that writes into the bucket that triggers it THEN the animation stops the loop and says so', () => {
    const graph = diagram({
      nodes: { Photos: 's3', Resize: 'lambda' },
      edges: [
        ['Photos', 'Resize'],
        ['Resize', 'Photos', { access: 'write' }],
      ],
    });
    const result = run(graph, 'Photos', 'upload photo.png');
    expect(result.truncated).toBe(true);
    expect(result.hops.at(-1)).toMatchObject({ outcome: 'stopped', text: expect.stringMatching(/a loop that would never end/) });
  });
});

describe('the blueprints, animated', () => {
  const reachedBy = (id: string, source: string, label: string) => {
    const graph = blueprintById(id)!.graph;
    const node = graph.nodes.find((n) => n.name === source)!;
    const scenario = scenariosFor(graph, node.id).find((s) => s.label === label)!;
    return simulate(graph, scenario).reached.map((r) => graph.nodes.find((n) => n.id === r)!.name);
  };
  it('GIVEN each blueprint and its natural event THEN the event reaches every service on its path, in order', () => {
    expect(reachedBy('website', 'Site', 'a visitor opens index.html')).toEqual(['Site', 'Api', 'Hello']);
    expect(reachedBy('image-processing', 'Uploads', 'upload photo.png')).toEqual(['Uploads', 'Thumbnailer', 'Thumbnails', 'ImageMetadata']);
    expect(reachedBy('banking', 'DepositApi', 'POST /deposits where $.valid == true')).toEqual([
      'DepositApi',
      'DepositWorkflow',
      'ValidateDeposit',
      'CreateDeposit',
      'Deposits',
      'DepositEvents',
      'CustomerNotifications',
      'DepositAlerts',
    ]);
    expect(reachedBy('streaming', 'EventsApi', '100 × POST /events')).toEqual(['EventsApi', 'SocialEvents', 'Analyzer', 'Archiver', 'Results', 'RawArchive']);
  });
});
