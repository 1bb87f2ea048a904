/**
 * What services do with an event that the simulation asks about: how a failing function's events
 * are retried, what a function's write looks like to the service it writes to, how API Gateway
 * matches routes.
 */
import type { GraphEdge, GraphNode } from '../graph/model';
import type { Outcome } from './simulate';

export type Invocation = 'origin' | 'async' | 'sync' | 'poll' | 'stream' | 'workflow';

export interface Arrival {
  node: GraphNode;
  tick: number;
  count: number;
  data: Record<string, unknown>;
  via: Invocation;
  from?: GraphNode;
  edge?: GraphEdge;
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

/** What a failing function does to the events it was given, by how it was invoked. */
export function failFunction(arrival: Arrival, note: (outcome: Outcome, text: string, delay?: number, at?: GraphNode) => void) {
  const { node, via, from, edge, count } = arrival;
  if (via === 'poll' && from) {
    const visibility = Number(from.props.visibilityTimeoutSeconds);
    if (from.props.deadLetterQueue) {
      const receives = Number(from.props.maxReceiveCount);
      note('retried', `${node.name} fails. After the visibility timeout (${visibility} s) the messages are visible in ${from.name} again and are received again: ${receives} times in all`);
      note('dead-lettered', `${plural(count, 'message')} move to ${from.name}'s dead-letter queue after ${receives} failed receives, where they wait to be inspected`, 2, from);
    } else {
      note('retried', `${node.name} fails. After the visibility timeout (${visibility} s) the messages are received again, and again`);
      note('discarded', `With no dead-letter queue, ${from.name} keeps retrying them until their retention (${Math.round(Number(from.props.retentionSeconds) / 86400)} days) ends, then deletes them`, 2, from);
    }
  } else if (via === 'stream') {
    const retries = Number(edge?.props.maximumRetryAttempts ?? 0);
    note('retried', `${node.name} fails. The event source mapping retries the batch ${plural(retries, 'time')}${edge?.props.bisectOnError ? ', splitting it in two on each error to find the bad record' : ''}; the shard waits meanwhile`);
    note('discarded', 'Then the mapping skips those records, so the shard moves on: they are lost unless an on-failure destination is set', 2);
  } else if (via === 'sync') {
    note('failed', `${node.name} fails: the error goes back to the caller, and ${from?.name ?? 'the caller'} answers 500`);
  } else {
    note('retried', `${node.name} fails. Lambda retries an asynchronous event twice, about 1 and then 2 minutes later`);
    note('discarded', 'Then Lambda discards it: an on-failure destination or a dead-letter queue on the function would keep it', 2);
  }
}

/** What a function's write along an edge looks like to the service it writes to. */
export function written(fn: GraphNode, target: GraphNode, count: number, data: Record<string, unknown>): [string, Record<string, unknown>] {
  const n = (word: string, many?: string) => plural(count, word, many);
  switch (target.kind) {
    case 's3':
      return [`${fn.name} writes ${n('object')} to ${target.name}`, { key: String(data.key ?? 'result.json'), eventName: 's3:ObjectCreated:Put' }];
    case 'dynamodb':
      return [`${fn.name} writes ${n('item')} to ${target.name}`, data];
    case 'sqs':
      return [`${fn.name} sends ${n('message')} to ${target.name}`, { body: data }];
    case 'sns':
      return [`${fn.name} publishes ${n('message')} to ${target.name}`, { body: data }];
    case 'eventbridge':
      return [`${fn.name} puts ${n('event')} on ${target.name}`, { source: 'eventform.function', 'detail-type': 'Record', detail: data }];
    case 'kinesis':
    case 'firehose':
      return [`${fn.name} puts ${n('record')} on ${target.name}`, data];
    case 'stepfunctions':
      return [`${fn.name} starts ${n('execution')} of ${target.name}`, data];
    case 'lambda':
      return [`${fn.name} invokes ${target.name} asynchronously`, data];
    default:
      return [`${fn.name} calls ${target.name}`, data];
  }
}

/** API Gateway's route matching: ANY matches every method; {name} one segment, {proxy+} the rest. */
export function routeMatches(routeMethod: string, routePath: string, method: string, path: string): boolean {
  if (routeMethod !== 'ANY' && routeMethod !== method) return false;
  const want = routePath.split('/').filter(Boolean);
  const got = path.split('?')[0].split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    if (/^\{\w+\+\}$/.test(want[i])) return got.length > i;
    if (i >= got.length) return false;
    if (!/^\{\w+\}$/.test(want[i]) && want[i] !== got[i]) return false;
  }
  return got.length === want.length;
}

export const concreteMethod = (method: string) => (method === 'ANY' ? 'GET' : method);
export const concretePath = (path: string) => path.replace(/\{(\w+)\+\}/g, 'photos/1').replace(/\{(\w+)\}/g, '42') || '/';
