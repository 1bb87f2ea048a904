/**
 * The event-flow teaching model: one event (or a burst of them) entering a diagram, followed hop by
 * hop with each service's own semantics: S3 notifications filtered by event type and key, API
 * routes, SQS buffering and batched polling, SNS fan-out with filter policies, EventBridge rules
 * that forward only matching events, streams delivering batches per shard, Firehose buffering,
 * Step Functions walking its steps and taking the branch its condition chooses, and a failing
 * function's retries and dead-letter queue. It is computed from the graph and the rule table, not
 * a second AWS: timings are ticks, not seconds.
 */
import type { Graph, GraphEdge, GraphNode } from '../graph/model';
import { matchesPattern, parsePattern } from './pattern';
import { workflowGroups } from './workflow';
import { conditionHolds } from './conditions';
import { SENDING_ACCESS } from '../rules/edge-props';
import { concreteMethod, concretePath, failFunction, plural, routeMatches, written, type Arrival, type Invocation } from './services';

export interface Scenario {
  id: string;
  label: string;
  sourceId: string;
  /** How many events arrive together (records, messages, requests). */
  count: number;
  /** The event itself: a key, a request, an EventBridge event, a workflow input... */
  data: Record<string, unknown>;
}

export type Outcome = 'arrived' | 'delivered' | 'filtered' | 'waiting' | 'retried' | 'dead-lettered' | 'discarded' | 'failed' | 'stopped';

export interface FlowHop {
  tick: number;
  /** The node the hop ends at (for a failure or a retry, the node it happens at). */
  to: string;
  from?: string;
  edgeId?: string;
  count: number;
  batches?: number;
  outcome: Outcome;
  text: string;
}

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
const ON_DEMAND_SHARDS = 4;

export function simulate(graph: Graph, scenario: Scenario, options: SimulationOptions = {}): FlowTrace {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const failing = options.failing ?? new Set<string>();
  const hops: FlowHop[] = [];
  const reached: string[] = [];
  const rounds = new Map<string, number>();
  const queue: Arrival[] = [];
  let truncated = false;
  // In the order the edges were drawn: the trace reads the way the diagram was built.
  const out = (node: GraphNode) => graph.edges.filter((e) => e.source === node.id && byId.has(e.target));
  const targetOf = (edge: GraphEdge) => byId.get(edge.target)!;
  const hop = (h: FlowHop) => {
    if (hops.length >= MAX_HOPS) {
      truncated = true;
      return;
    }
    hops.push(h);
    if ((h.outcome === 'delivered' || h.outcome === 'arrived') && !reached.includes(h.to)) reached.push(h.to);
  };

  const source = byId.get(scenario.sourceId);
  if (!source) throw new Error(`no node ${scenario.sourceId} in the diagram`);
  hop({ tick: 0, to: source.id, count: scenario.count, outcome: 'arrived', text: `${scenario.label} arrives at ${source.name}` });
  queue.push({ node: source, tick: 0, count: scenario.count, data: scenario.data, via: 'origin' });

  while (queue.length && !truncated) {
    queue.sort((a, b) => a.tick - b.tick);
    const arrival = queue.shift()!;
    const { node, tick, count, data } = arrival;

    const deliver = (edge: GraphEdge, text: string, next: { count?: number; data?: Record<string, unknown>; via?: Invocation; batches?: number; delay?: number } = {}) => {
      const target = targetOf(edge);
      const used = (rounds.get(edge.id) ?? 0) + 1;
      rounds.set(edge.id, used);
      const at = tick + (next.delay ?? 1);
      if (used > MAX_ROUNDS) {
        hop({ tick: at, from: node.id, to: target.id, edgeId: edge.id, count: next.count ?? count, outcome: 'stopped', text: `${node.name} -> ${target.name} again: this is a loop that would never end. The animation stops it here.` });
        truncated = true;
        return;
      }
      hop({ tick: at, from: node.id, to: target.id, edgeId: edge.id, count: next.count ?? count, ...(next.batches ? { batches: next.batches } : {}), outcome: 'delivered', text });
      queue.push({ node: target, tick: at, count: next.count ?? count, data: next.data ?? data, via: next.via ?? 'async', from: node, edge });
    };
    const filtered = (edge: GraphEdge, text: string) =>
      hop({ tick: tick + 1, from: node.id, to: edge.target, edgeId: edge.id, count, outcome: 'filtered', text });
    const note = (outcome: Outcome, text: string, delay = 1, at: GraphNode = node) => hop({ tick: tick + delay, to: at.id, count, outcome, text });

    switch (node.kind) {
      case 's3': {
        const key = String(data.key ?? 'object');
        const eventName = String(data.eventName ?? 's3:ObjectCreated:Put');
        for (const edge of out(node)) {
          const target = targetOf(edge);
          if (target.kind === 'apigateway') {
            if (arrival.via === 'origin' && node.props.mode === 'website') {
              const route = out(target).find((e) => e.props.path);
              const request = { method: route ? concreteMethod(String(route.props.method)) : 'GET', path: route ? concretePath(String(route.props.path)) : '/', body: {} };
              deliver(edge, `The page ${key} loads in a browser and calls ${target.name}: ${request.method} ${request.path}`, { data: request, via: 'sync' });
            }
            continue;
          }
          if (target.kind === 'eventbridge') {
            const detailType = eventName.includes('ObjectRemoved') ? 'Object Deleted' : 'Object Created';
            deliver(edge, `${node.name} sends "${detailType}" for ${key} to ${target.name}`, { data: { source: 'aws.s3', 'detail-type': detailType, detail: { bucket: { name: node.name.toLowerCase() }, object: { key } } } });
            continue;
          }
          const wanted = String(edge.props.event ?? 's3:ObjectCreated:*');
          const prefix = String(edge.props.prefix ?? '');
          const suffix = String(edge.props.suffix ?? '');
          const typeMatches = wanted.endsWith(':*') ? eventName.startsWith(wanted.slice(0, -1)) : eventName === wanted;
          if (!typeMatches) filtered(edge, `${target.name} listens for ${wanted}, not ${eventName}: no notification`);
          else if (!key.startsWith(prefix) || !key.endsWith(suffix))
            filtered(edge, `${key} does not match the filter${prefix ? ` prefix "${prefix}"` : ''}${suffix ? ` suffix "${suffix}"` : ''}: no notification for ${target.name}`);
          else deliver(edge, `${node.name} notifies ${target.name}: ${eventName.replace('s3:', '')} ${key}`, { data: { key, eventName, bucket: node.name } });
        }
        break;
      }
      case 'apigateway': {
        const method = String(data.method ?? 'GET').toUpperCase();
        const path = String(data.path ?? '/');
        let matched = false;
        for (const edge of out(node)) {
          const target = targetOf(edge);
          if (!routeMatches(String(edge.props.method), String(edge.props.path), method, path)) {
            filtered(edge, `${method} ${path} is not the route ${edge.props.method} ${edge.props.path}`);
            continue;
          }
          matched = true;
          const body = (data.body ?? {}) as Record<string, unknown>;
          const texts: Record<string, string> = {
            lambda: `${node.name} invokes ${target.name} and waits for its answer`,
            stepfunctions: `${node.name} starts an execution of ${target.name}`,
            sqs: `${node.name} sends the body to ${target.name}`,
            kinesis: `${node.name} puts ${plural(count, 'record')} on ${target.name}`,
            eventbridge: `${node.name} puts an event on ${target.name}`,
          };
          const next =
            target.kind === 'eventbridge'
              ? { source: 'eventform.api', 'detail-type': 'ApiRequest', detail: body }
              : target.kind === 'lambda'
                ? data
                : body;
          deliver(edge, texts[target.kind] ?? `${node.name} calls ${target.name}`, { data: next, via: target.kind === 'lambda' ? 'sync' : 'async' });
        }
        if (!matched) note('failed', `No route of ${node.name} matches ${method} ${path}: it answers 404`);
        break;
      }
      case 'sqs': {
        const consumers = out(node).filter((e) => targetOf(e).kind === 'lambda');
        if (consumers.length === 0) {
          note('waiting', `${plural(count, 'message')} wait in ${node.name} until something reads them`);
          break;
        }
        consumers.forEach((edge, i) => {
          // Competing consumers: each message goes to one of them.
          const share = Math.floor(count / consumers.length) + (i < count % consumers.length ? 1 : 0);
          if (share === 0) return;
          const size = Number(edge.props.batchSize);
          const batches = Math.ceil(share / size);
          deliver(edge, `${plural(share, 'message')} wait in ${node.name}; ${targetOf(edge).name} polls and receives them in ${plural(batches, 'batch', 'batches')} of up to ${size}`, {
            count: share,
            batches,
            via: 'poll',
            delay: 2,
          });
        });
        break;
      }
      case 'sns': {
        const subscribers = out(node);
        const attributes = (data.attributes ?? {}) as Record<string, unknown>;
        for (const edge of subscribers) {
          const target = targetOf(edge);
          const policy = edge.props.filterPolicy ? parsePattern(String(edge.props.filterPolicy)) : null;
          if (policy && !matchesPattern(policy, attributes)) filtered(edge, `${target.name}'s filter policy does not match the message attributes: no copy for it`);
          else deliver(edge, `${node.name} fans out: ${target.name} gets its own copy (1 of ${subscribers.length} subscribers)`, { data: { body: data.body ?? data, attributes } });
        }
        break;
      }
      case 'eventbridge': {
        for (const edge of out(node)) {
          const target = targetOf(edge);
          const pattern = parsePattern(String(edge.props.eventPattern ?? '{}')) ?? {};
          if (matchesPattern(pattern, data)) deliver(edge, `The rule for ${target.name} matches (source ${String(data.source)}): ${node.name} forwards the event`);
          else filtered(edge, `The rule for ${target.name} does not match this event (source ${String(data.source)}): it is not forwarded`);
        }
        if (out(node).length === 0) note('waiting', `${node.name} has no rule: the event goes nowhere`);
        break;
      }
      case 'kinesis': {
        const shards = node.props.capacityMode === 'ON_DEMAND' ? ON_DEMAND_SHARDS : Number(node.props.shardCount);
        for (const edge of out(node)) {
          const target = targetOf(edge);
          if (target.kind === 'lambda') {
            const size = Number(edge.props.batchSize);
            const perShard = Array.from({ length: shards }, (_, i) => Math.floor(count / shards) + (i < count % shards ? 1 : 0)).filter((n) => n > 0);
            const batches = perShard.reduce((sum, n) => sum + Math.ceil(n / size), 0);
            deliver(edge, `${plural(count, 'record')} spread over ${plural(perShard.length, 'shard')}; ${target.name} gets ${plural(batches, 'batch', 'batches')} of up to ${size}, in order within each shard`, {
              batches,
              via: 'stream',
            });
          } else deliver(edge, `${target.name} reads the same ${plural(count, 'record')}: every consumer sees every record`);
        }
        break;
      }
      case 'dynamodb': {
        for (const edge of out(node)) {
          const target = targetOf(edge);
          if (target.kind === 'lambda') {
            const size = Number(edge.props.batchSize);
            const batches = Math.ceil(count / size);
            deliver(edge, `${node.name}'s stream delivers ${plural(count, 'change')} to ${target.name} in ${plural(batches, 'batch', 'batches')}`, { batches, via: 'stream' });
          } else {
            const event = { source: 'eventform.dynamodb', 'detail-type': 'TableChange', detail: data };
            deliver(edge, `A pipe turns each change of ${node.name} into ${target.kind === 'eventbridge' ? 'an event' : target.kind === 'stepfunctions' ? 'an execution' : 'a message'} for ${target.name}`, {
              data: target.kind === 'eventbridge' ? event : data,
            });
          }
        }
        break;
      }
      case 'firehose': {
        for (const edge of out(node)) {
          const target = targetOf(edge);
          if (target.kind === 'lambda') {
            deliver(edge, `${node.name} hands its buffered records to ${target.name} to transform`, { batches: 1, via: 'sync' });
            continue;
          }
          const sizeKB = Number(data.sizeKB ?? 1);
          const objects = Math.max(1, Math.ceil((count * sizeKB) / (Number(node.props.bufferSizeMiB) * 1024)));
          const prefix = String(edge.props.prefix ?? '');
          deliver(
            edge,
            `${node.name} buffers for up to ${node.props.bufferIntervalSeconds} s or ${node.props.bufferSizeMiB} MiB, then writes ${plural(objects, 'compressed object')} under ${prefix || 'the bucket root'}`,
            { count: objects, data: { key: `${prefix}archive.gz`, eventName: 's3:ObjectCreated:Put' }, delay: 2 },
          );
        }
        break;
      }
      case 'lambda': {
        if (failing.has(node.id)) {
          failFunction(arrival, note);
          break;
        }
        for (const edge of out(node)) {
          const target = targetOf(edge);
          if (!SENDING_ACCESS.has(String(edge.props.access))) continue;
          const [text, next] = written(node, target, count, data);
          deliver(edge, text, { data: next, via: 'async' });
        }
        break;
      }
      case 'stepfunctions': {
        let at = tick;
        let steps = 0;
        let failed = false;
        for (const group of workflowGroups(graph, node)) {
          const chosen = group.conditional.find((e) => conditionHolds(String(e.props.condition), data)) ?? group.fallback;
          const skipped = () =>
            [...group.conditional, ...(group.fallback ? [group.fallback] : [])]
              .filter((e) => e !== chosen)
              .forEach((edge) =>
                hop({
                  tick: at + 1,
                  from: node.id,
                  to: edge.target,
                  edgeId: edge.id,
                  count,
                  outcome: 'filtered',
                  text: edge.props.condition
                    ? `Step ${group.order}: ${edge.props.condition} is false, so ${targetOf(edge).name} is not run`
                    : `Step ${group.order}: a condition held, so the default ${targetOf(edge).name} is not run`,
                }),
              );
          if (!chosen) {
            skipped();
            hop({ tick: at + 1, to: node.id, count, outcome: 'failed', text: `Step ${group.order}: no condition holds and there is no default step: the execution fails (States.NoChoiceMatched)` });
            failed = true;
            break;
          }
          const target = targetOf(chosen);
          steps++;
          if (target.kind === 'lambda' && failing.has(target.id)) {
            hop({ tick: at + 1, from: node.id, to: target.id, edgeId: chosen.id, count, outcome: 'delivered', text: `Step ${group.order}: ${node.name} invokes ${target.name}` });
            skipped();
            hop({ tick: at + 2, to: target.id, count, outcome: 'failed', text: `${target.name} fails: the Task fails, and so does the execution of ${node.name}` });
            failed = true;
            break;
          }
          const condition = chosen.props.condition ? ` (${chosen.props.condition})` : '';
          const stepText = `Step ${group.order}${condition}: ${node.name} ${target.kind === 'lambda' ? 'invokes' : 'calls'} ${target.name}`;
          hop({ tick: at + 1, from: node.id, to: target.id, edgeId: chosen.id, count, outcome: 'delivered', text: stepText });
          skipped();
          queue.push({ node: target, tick: at + 1, count, data, via: 'workflow', from: node, edge: chosen });
          at += 2;
        }
        if (!failed && steps > 0) hop({ tick: at, to: node.id, count, outcome: 'arrived', text: `${node.name} succeeds after ${plural(steps, 'step')}` });
        break;
      }
      default:
        break;
    }
  }
  return { scenario, hops: hops.sort((a, b) => a.tick - b.tick), reached, truncated };
}
