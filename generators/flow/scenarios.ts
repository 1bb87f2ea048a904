/** The events a teacher can send into a node: built from the node's kind and from what its edges filter on. */
import type { Graph, GraphNode } from '../graph/model';
import { exampleFor, parsePattern } from './pattern';
import { inputFor } from './conditions';
import type { Scenario } from './simulate';
import { concreteMethod, concretePath } from './services';
import { workflowGroups } from './workflow';

/** Nodes an event can be sent into: every service but generic resources. */
export const canStartFlow = (node: GraphNode) => node.kind !== 'resource';

export function scenariosFor(graph: Graph, nodeId: string): Scenario[] {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node || !canStartFlow(node)) return [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = graph.edges.filter((e) => e.source === node.id && byId.has(e.target));
  const list: Omit<Scenario, 'sourceId' | 'id'>[] = [];
  const add = (label: string, data: Record<string, unknown>, count = 1) => {
    if (!list.some((s) => s.label === label)) list.push({ label, data, count });
  };
  /** A workflow input choosing each branch in turn, when the workflow has conditions. */
  const workflowInputs = (workflow: GraphNode | undefined): [string, Record<string, unknown>][] => {
    const conditions = workflow ? workflowGroups(graph, workflow).flatMap((g) => g.conditional.map((e) => String(e.props.condition))) : [];
    if (conditions.length === 0) return [['', { message: 'hello' }]];
    return conditions.flatMap((c) => [
      [` where ${c}`, inputFor(c, true)],
      [` where not ${c}`, inputFor(c, false)],
    ]);
  };

  switch (node.kind) {
    case 's3': {
      if (node.props.mode === 'website') add('a visitor opens index.html', { key: 'index.html', eventName: 'page-view' });
      add('upload photo.png', { key: 'photo.png', eventName: 's3:ObjectCreated:Put', sizeKB: 2048 });
      for (const e of out) {
        const prefix = String(e.props.prefix ?? '');
        const suffix = String(e.props.suffix ?? '');
        if (prefix || suffix) add(`upload ${prefix}photo${suffix || '.png'}`, { key: `${prefix}photo${suffix || '.png'}`, eventName: 's3:ObjectCreated:Put', sizeKB: 2048 });
      }
      add('upload report.pdf', { key: 'report.pdf', eventName: 's3:ObjectCreated:Put', sizeKB: 300 });
      add('delete photo.png', { key: 'photo.png', eventName: 's3:ObjectRemoved:Delete' });
      break;
    }
    case 'apigateway':
      for (const e of out) {
        const target = byId.get(e.target)!;
        const request = `${concreteMethod(String(e.props.method))} ${concretePath(String(e.props.path))}`;
        for (const [suffix, body] of workflowInputs(target.kind === 'stepfunctions' ? target : undefined))
          add(`${request}${suffix}`, { method: concreteMethod(String(e.props.method)), path: concretePath(String(e.props.path)), body });
        if (target.kind === 'kinesis' || target.kind === 'sqs')
          add(`100 × ${request}`, { method: concreteMethod(String(e.props.method)), path: concretePath(String(e.props.path)), body: { text: 'loving #serverless' } }, 100);
      }
      add('GET /nowhere (no such route)', { method: 'GET', path: '/nowhere' });
      break;
    case 'sqs':
      add('send 1 message', { body: { message: 'hello' } });
      add('send 25 messages', { body: { message: 'hello' } }, 25);
      break;
    case 'sns': {
      for (const e of out) {
        const policy = e.props.filterPolicy ? parsePattern(String(e.props.filterPolicy)) : null;
        if (policy) add(`publish a message with ${JSON.stringify(exampleFor(policy))}`, { body: { message: 'hello' }, attributes: exampleFor(policy) });
      }
      add('publish a message', { body: { message: 'hello' }, attributes: {} });
      break;
    }
    case 'eventbridge': {
      for (const e of out) {
        const pattern = parsePattern(String(e.props.eventPattern ?? '{}'));
        if (!pattern) continue;
        const event: Record<string, unknown> = { 'detail-type': 'Example', detail: {}, ...exampleFor(pattern) };
        add(`an event from ${String(event.source ?? 'anywhere')} (matches the rule for ${byId.get(e.target)!.name})`, event);
      }
      add('an event from example.unmatched', { source: 'example.unmatched', 'detail-type': 'Example', detail: {} });
      break;
    }
    case 'kinesis':
      add('put 100 records', { text: 'loving #serverless', sizeKB: 1 }, 100);
      add('put 1 record', { text: 'hello', sizeKB: 1 });
      break;
    case 'dynamodb':
      add('write 1 item', { id: '1' });
      add('write 50 items', { id: '1' }, 50);
      break;
    case 'firehose':
      add('put 500 records', { sizeKB: 1 }, 500);
      break;
    case 'lambda':
      add('invoke it once', { message: 'hello' });
      break;
    case 'stepfunctions':
      for (const [suffix, input] of workflowInputs(node)) add(`start an execution${suffix}`, input);
      break;
  }
  return list.map((s, i) => ({ ...s, id: `${node.id}:${i}`, sourceId: node.id }));
}
