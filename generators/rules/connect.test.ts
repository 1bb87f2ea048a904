import { describe, expect, it } from 'vitest';
import { addNode, connect, setNodeProp } from '../graph/operations';
import { emptyGraph, type Graph } from '../graph/model';
import { SERVICE_KINDS, type ServiceKind } from '../services/registry';
import { CONNECTION_RULES, ruleFor } from './table';
import { checkConnection, refusalFor } from './connect';

function graphWith(...kinds: ServiceKind[]): { graph: Graph; ids: string[] } {
  let graph = emptyGraph();
  const ids: string[] = [];
  for (const kind of kinds) {
    const added = addNode(graph, kind, { x: 0, y: 0 });
    if (!added.ok) throw new Error(added.error);
    graph = added.graph;
    ids.push(added.value.id);
  }
  return { graph, ids };
}

function website(graph: Graph, id: string): Graph {
  const changed = setNodeProp(graph, id, 'mode', 'website');
  if (!changed.ok) throw new Error(changed.error);
  return changed.graph;
}

function withoutOwnDeadLetterQueue(graph: Graph, id: string): Graph {
  const changed = setNodeProp(graph, id, 'deadLetterQueue', false);
  if (!changed.ok) throw new Error(changed.error);
  return changed.graph;
}

describe('a queue redriving to a dead-letter queue', () => {
  it('GIVEN a queue with its own dead-letter queue WHEN connected to another queue THEN it is refused, saying what to turn off', () => {
    const { graph, ids } = graphWith('sqs', 'sqs');
    expect(checkConnection(graph, ids[0], ids[1])).toMatchObject({ ok: false, reason: 'Queue1 has its own dead-letter queue: turn that off first to send its dead letters to Queue2' });
  });

  it('GIVEN a standard queue and a FIFO one WHEN connected THEN it is refused: dead letters stay in queues of their type', () => {
    let { graph, ids } = graphWith('sqs', 'sqs');
    graph = withoutOwnDeadLetterQueue(graph, ids[0]);
    const fifo = setNodeProp(graph, ids[1], 'fifo', true);
    if (!fifo.ok) throw new Error(fifo.error);
    expect(checkConnection(fifo.graph, ids[0], ids[1])).toMatchObject({ ok: false, reason: 'A FIFO queue needs a FIFO dead-letter queue, and a standard queue a standard one' });
  });
});

describe('connection rules', () => {
  it.each(CONNECTION_RULES.map((r) => [r.from, r.to] as const))('GIVEN a %s and a %s node WHEN connected THEN the edge is accepted with the rule defaults', (from, to) => {
    let { graph, ids } = graphWith(from, to);
    if (from === 's3' && to === 'apigateway') graph = website(graph, ids[0]);
    if (from === 'sqs' && to === 'sqs') graph = withoutOwnDeadLetterQueue(graph, ids[0]);
    const result = connect(graph, ids[0], ids[1]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rule = ruleFor(from, to)!;
    expect(Object.keys(result.value.props).sort()).toEqual(rule.props.map((p) => p.key).sort());
    expect(rule.label(result.value.props).length).toBeGreaterThan(0);
  });

  it('GIVEN every pair of kinds THEN exactly the pairs of the table are allowed', () => {
    const allowed = new Set(CONNECTION_RULES.map((r) => `${r.from}->${r.to}`));
    expect(allowed.size).toBe(CONNECTION_RULES.length);
    for (const from of SERVICE_KINDS)
      for (const to of SERVICE_KINDS) {
        const { graph, ids } = graphWith(from, to);
        const check = checkConnection(graph, ids[0], ids[1]);
        if (!allowed.has(`${from}->${to}`)) {
          expect(check.ok, `${from}->${to}`).toBe(false);
          if (!check.ok) expect(check.reason).toMatch(/: /);
        }
      }
  });

  it.each([
    ['sns', 'dynamodb', 'SNS cannot write to a table: put a Lambda between them'],
    ['sqs', 'dynamodb', 'SQS cannot write to a table: put a Lambda between them'],
    ['lambda', 'apigateway', 'Lambda cannot call an API: events flow the other way: drag from the API Gateway node to the Lambda node'],
    ['dynamodb', 's3', 'DynamoDB cannot write to a bucket: put a Lambda between them'],
    ['s3', 'kinesis', 'S3 cannot put records into a stream: put a Lambda between them'],
    ['apigateway', 'dynamodb', 'API Gateway cannot write to a table: put a Lambda between them'],
  ] as const)('GIVEN %s -> %s WHEN connected THEN it is refused with "%s"', (from, to, message) => {
    const { graph, ids } = graphWith(from, to);
    const result = connect(graph, ids[0], ids[1]);
    expect(result).toEqual({ ok: false, error: message });
    expect(refusalFor(from, to)).toBe(message);
  });

  it('GIVEN a storage bucket WHEN it is connected to an API THEN it is refused until it is a website', () => {
    const { graph, ids } = graphWith('s3', 'apigateway');
    const refused = connect(graph, ids[0], ids[1]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/website/);
    expect(connect(website(graph, ids[0]), ids[0], ids[1]).ok).toBe(true);
  });

  it('GIVEN a website bucket calling an API WHEN its mode becomes storage THEN the change is refused', () => {
    const { graph, ids } = graphWith('s3', 'apigateway');
    const linked = connect(website(graph, ids[0]), ids[0], ids[1]);
    if (!linked.ok) throw new Error(linked.error);
    const changed = setNodeProp(linked.graph, ids[0], 'mode', 'storage');
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.error).toMatch(/remove the connection first/);
  });

  it('GIVEN two nodes already connected WHEN connected again THEN it is refused as a duplicate', () => {
    const { graph, ids } = graphWith('sqs', 'lambda');
    const first = connect(graph, ids[0], ids[1]);
    if (!first.ok) throw new Error(first.error);
    const second = connect(first.graph, ids[0], ids[1]);
    expect(second).toEqual({ ok: false, error: 'Queue1 is already connected to Function1: select that connection to change it' });
  });

  it('GIVEN a function WHEN connected to itself THEN it is refused as a loop', () => {
    const { graph, ids } = graphWith('lambda');
    const result = connect(graph, ids[0], ids[0]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/cannot invoke itself/);
  });

  it('GIVEN a delivery stream with a bucket WHEN a second bucket is connected THEN it is refused', () => {
    const { graph, ids } = graphWith('firehose', 's3', 's3');
    const first = connect(graph, ids[0], ids[1]);
    if (!first.ok) throw new Error(first.error);
    const second = connect(first.graph, ids[0], ids[2]);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error).toMatch(/one bucket only/);
  });
});
