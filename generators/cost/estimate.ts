/**
 * A monthly cost estimate for a stated load, per service and in total, from the offline prices the
 * service modules keep. The load enters at every node nothing feeds, travels along the edges and is
 * priced where it lands. It is a teaching estimate: the assumptions it makes are returned with it,
 * in words.
 */
import { indexGraph, type GraphIndex, type Link } from '../graph/index-graph';
import type { Graph, GraphNode } from '../graph/model';
import { serviceOf } from '../services/registry';
import { DEFAULT_LOAD, type Load } from './load';
import { PRICE_TABLE } from './prices';
import type { CostItem, CostUsage } from './types';

export { DEFAULT_LOAD, type Load } from './load';
export type { CostItem } from './types';

export interface CostLine {
  nodeId: string;
  name: string;
  service: string;
  usd: number;
  items: CostItem[];
  note?: string;
}

export interface CostEstimate {
  load: Load;
  lines: CostLine[];
  totalUsd: number;
  region: string;
  asOf: string;
  assumptions: string[];
}

const ASSUMPTIONS = [
  'The stated requests enter at every node that nothing else feeds, and follow every connection: filters and rule patterns are assumed to let everything through.',
  'A workflow runs one step per order; the branches of a choice share the executions equally. Every state entered is a transition, the final Succeed included.',
  'Queue and stream consumers are invoked once per full batch; a function writes one item, object, message or event per record it receives.',
  'Each bucket and each table holds the stated storage. No free tier, no data transfer out, no CloudWatch Logs.',
];

/** Whether events travel along a link (a function reading a table sends none). */
const carriesEvents = (link: Link) => link.rule.cost?.carries?.(link) ?? true;

interface Volumes {
  events: Map<string, number>;
  invocations: Map<string, number>;
  reads: Map<string, number>;
}

function volumes(index: GraphIndex, load: Load): Volumes {
  const { graph } = index;
  const carrying = index.links.filter(carriesEvents);
  const incoming = new Map<string, Link[]>();
  const outgoing = new Map<string, Link[]>();
  for (const link of carrying) {
    incoming.set(link.target.id, [...(incoming.get(link.target.id) ?? []), link]);
    outgoing.set(link.source.id, [...(outgoing.get(link.source.id) ?? []), link]);
  }
  const events = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const n of graph.nodes) if (!incoming.has(n.id) && serviceOf(n.kind).modelled) events.set(n.id, load.requestsPerMonth);

  // Kahn's order; nodes on a cycle (a loop the diagnostics flag) are visited once, afterwards.
  const remaining = new Map(graph.nodes.map((n) => [n.id, (incoming.get(n.id) ?? []).length]));
  const order: string[] = [];
  const ready = graph.nodes.filter((n) => remaining.get(n.id) === 0).map((n) => n.id);
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const link of outgoing.get(id) ?? []) {
      remaining.set(link.target.id, remaining.get(link.target.id)! - 1);
      if (remaining.get(link.target.id) === 0) ready.push(link.target.id);
    }
  }
  const ordered = new Set(order);
  for (const n of graph.nodes) if (!ordered.has(n.id)) order.push(n.id);

  const amountAlong = (link: Link) => {
    const count = events.get(link.source.id)!;
    return serviceOf(link.source.kind).cost.along?.(link.source, link, count, { index, load }) ?? count;
  };
  const invocations = new Map<string, number>();
  for (const id of order) {
    const into = incoming.get(id);
    // A batched consumer (a queue's, a stream's) is invoked once per batch.
    const calls = into
      ? into.reduce((sum, link) => {
          const arriving = amountAlong(link);
          const batch = link.rule.flow.batchSize?.(link);
          return sum + (batch ? Math.ceil(arriving / batch) : arriving);
        }, 0)
      : events.get(id)!;
    invocations.set(id, calls);
    for (const link of outgoing.get(id) ?? []) events.set(link.target.id, events.get(link.target.id)! + amountAlong(link));
  }

  // Reads a function makes: one per record it processes, on each node it reads.
  const reads = new Map<string, number>();
  for (const link of index.links) if (link.rule.cost?.reads?.(link)) reads.set(link.target.id, (reads.get(link.target.id) ?? 0) + events.get(link.source.id)!);
  return { events, invocations, reads };
}

export function estimateCost(graph: Graph, load: Load = DEFAULT_LOAD): CostEstimate {
  const index = indexGraph(graph);
  const { events, invocations, reads } = volumes(index, load);
  const usage: CostUsage = {
    index,
    load,
    events: (node) => events.get(node.id) ?? 0,
    invocations: (node) => invocations.get(node.id) ?? 0,
    reads: (node) => reads.get(node.id) ?? 0,
    isEntry: (node) => !index.into(node).some(carriesEvents),
    freeEvents: (node) => index.into(node).reduce((sum, link) => sum + (link.rule.cost?.free ? events.get(link.source.id)! : 0), 0),
  };
  const lines: CostLine[] = graph.nodes.map((node: GraphNode) => {
    const service = serviceOf(node.kind);
    const own = service.cost.estimate(node, usage);
    // What a node's connections cost it (a table's pipes).
    const items = [...own.items, ...index.out(node).flatMap((link) => link.rule.cost?.sourceItems?.(link, usage.events(node), usage) ?? [])];
    const usd = items.reduce((sum, i) => sum + i.usd, 0);
    return { nodeId: node.id, name: node.name, service: service.shortTitle, usd, items, ...(own.note ? { note: own.note } : {}) };
  });
  return {
    load,
    lines,
    totalUsd: lines.reduce((sum, l) => sum + l.usd, 0),
    region: PRICE_TABLE.region,
    asOf: PRICE_TABLE.asOf,
    assumptions: ASSUMPTIONS,
  };
}

export const formatUsd = (usd: number) => (usd >= 100 ? `$${usd.toFixed(0)}` : usd >= 0.01 || usd === 0 ? `$${usd.toFixed(2)}` : '< $0.01');
