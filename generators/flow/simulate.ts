/**
 * The event-flow teaching model: one event (or a burst of them) entering a diagram, followed hop by
 * hop with each service's own semantics (its module's `flow`) and each connection's (its row's
 * `flow`): S3 notifications filtered by event type and key, API routes, SQS buffering and batched
 * polling, SNS fan-out with filter policies, EventBridge rules that forward only matching events,
 * streams delivering batches per shard, Firehose buffering, Step Functions walking its steps and
 * taking the branch its condition chooses, and a failing function's retries and dead-letter queue.
 * It is computed from the graph and the rule table, not a second AWS: timings are ticks, not seconds.
 */
import { indexGraph } from '../graph/index-graph';
import type { Graph } from '../graph/model';
import { serviceOf } from '../services/registry';
import type { Arrival, FlowApi, FlowHop, Scenario } from './types';

export type { FlowHop, Outcome, Scenario } from './types';

export interface FlowTrace {
  scenario: Scenario;
  hops: FlowHop[];
  /** Node ids in the order events first reached them. */
  reached: string[];
  /** True when the run was cut short (a loop, or more hops than a lesson can show). */
  truncated: boolean;
}

export interface SimulationOptions {
  /** Functions that fail every time they run. */
  failing?: ReadonlySet<string>;
}

const MAX_HOPS = 400;
/** An edge that carries events more often than this in one run is a loop. */
const MAX_ROUNDS = 2;

export function simulate(graph: Graph, scenario: Scenario, options: SimulationOptions = {}): FlowTrace {
  const index = indexGraph(graph);
  const failing = options.failing ?? new Set<string>();
  const hops: FlowHop[] = [];
  const reached: string[] = [];
  const rounds = new Map<string, number>();
  const queue: Arrival[] = [];
  let truncated = false;
  const hop = (h: FlowHop) => {
    if (hops.length >= MAX_HOPS) {
      truncated = true;
      return;
    }
    hops.push(h);
    if ((h.outcome === 'delivered' || h.outcome === 'arrived') && !reached.includes(h.to)) reached.push(h.to);
  };

  const source = index.node(scenario.sourceId);
  if (!source) throw new Error(`no node ${scenario.sourceId} in the diagram`);
  hop({ tick: 0, to: source.id, count: scenario.count, outcome: 'arrived', text: `${scenario.label} arrives at ${source.name}` });
  queue.push({ node: source, tick: 0, count: scenario.count, data: scenario.data, via: 'origin' });

  while (queue.length && !truncated) {
    queue.sort((a, b) => a.tick - b.tick);
    const arrival = queue.shift()!;
    const { node, tick, count } = arrival;
    const sim: FlowApi = {
      index,
      // In the order the edges were drawn: the trace reads the way the diagram was built.
      out: index.out(node),
      failing,
      hop,
      deliver(link, text, next = {}) {
        const used = (rounds.get(link.edge.id) ?? 0) + 1;
        rounds.set(link.edge.id, used);
        const at = tick + (next.delay ?? 1);
        const carried = next.count ?? count;
        if (used > MAX_ROUNDS) {
          hop({
            tick: at,
            from: node.id,
            to: link.target.id,
            edgeId: link.edge.id,
            count: carried,
            outcome: 'stopped',
            text: `${node.name} -> ${link.target.name} again: this is a loop that would never end. The animation stops it here.`,
          });
          truncated = true;
          return;
        }
        // Along the link, from its own source: a queue's dead letters leave the queue even when its consumer's failure sends them.
        hop({ tick: at, from: link.source.id, to: link.target.id, edgeId: link.edge.id, count: carried, ...(next.batches ? { batches: next.batches } : {}), outcome: 'delivered', text });
        queue.push({ node: link.target, tick: at, count: carried, data: next.data ?? arrival.data, via: next.via ?? 'async', from: link.source, link });
      },
      filtered: (link, text) => hop({ tick: tick + 1, from: node.id, to: link.target.id, edgeId: link.edge.id, count, outcome: 'filtered', text }),
      note: (outcome, text, delay = 1, at = node) => hop({ tick: tick + delay, to: at.id, count, outcome, text }),
      enqueue: (next) => queue.push(next),
      carry: (link, part = arrival) => link.rule.flow.carry?.(part, link, sim),
    };
    serviceOf(node.kind).flow.receive(arrival, sim);
  }
  return { scenario, hops: hops.sort((a, b) => a.tick - b.tick), reached, truncated };
}
