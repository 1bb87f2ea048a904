/**
 * A monthly cost estimate for a stated load, per service and in total, from the offline price
 * table. The load enters at every node nothing feeds, travels along the edges and is priced where
 * it lands. It is a teaching estimate: the assumptions it makes are returned with it, in words.
 */
import type { Graph, GraphEdge, GraphNode } from '../graph/model';
import { SERVICES } from '../services/registry';
import { workflowGroups } from '../flow/workflow';
import { READING_ACCESS, SENDING_ACCESS } from '../rules/edge-props';
import { HOURS_PER_MONTH, PRICE_TABLE, type Prices } from './prices';
import { DEFAULT_LOAD, type Load } from './load';

export { DEFAULT_LOAD, type Load } from './load';

export interface CostItem {
  label: string;
  quantity: number;
  unit: string;
  usd: number;
}

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

export const ASSUMPTIONS = [
  'The stated requests enter at every node that nothing else feeds, and follow every connection: filters and rule patterns are assumed to let everything through.',
  'A workflow runs one step per order; the branches of a choice share the executions equally. Every state entered is a transition, the final Succeed included.',
  'Queue and stream consumers are invoked once per full batch; a function writes one item, object, message or event per record it receives.',
  'Each bucket and each table holds the stated storage. No free tier, no data transfer out, no CloudWatch Logs.',
];

const perMillion = (count: number, price: number) => (count / 1_000_000) * price;
const chunks = (kb: number, chunk: number) => Math.max(1, Math.ceil(kb / chunk));

/** Whether an edge carries events to its target (as opposed to a function reading from it). */
export function carriesEvents(edge: GraphEdge, source: GraphNode): boolean {
  return source.kind !== 'lambda' || SENDING_ACCESS.has(String(edge.props.access));
}

interface Volumes {
  /** Records, messages, requests or objects arriving per month. */
  events: Map<string, number>;
  /** Function invocations (batched consumers are invoked once per batch). */
  invocations: Map<string, number>;
  /** Objects a delivery stream writes per month. */
  flushes: Map<string, number>;
}

const BATCH_SOURCES = new Set(['sqs', 'kinesis', 'dynamodb']);
const MINUTES_PER_MONTH = HOURS_PER_MONTH * 60;

function volumes(graph: Graph, load: Load, prices: Prices): Volumes {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const eventEdges = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target) && carriesEvents(e, byId.get(e.source)!));
  const events = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  const invocations = new Map<string, number>();
  const flushes = new Map<string, number>();
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const e of eventEdges) {
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e]);
    outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e]);
  }
  for (const n of graph.nodes) if (!incoming.has(n.id) && n.kind !== 'resource') events.set(n.id, load.requestsPerMonth);

  // Kahn's order; nodes on a cycle (a loop the diagnostics flag) are visited once, afterwards.
  const remaining = new Map(graph.nodes.map((n) => [n.id, (incoming.get(n.id) ?? []).length]));
  const order: string[] = [];
  const ready = graph.nodes.filter((n) => remaining.get(n.id) === 0).map((n) => n.id);
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const e of outgoing.get(id) ?? []) {
      remaining.set(e.target, remaining.get(e.target)! - 1);
      if (remaining.get(e.target) === 0) ready.push(e.target);
    }
  }
  const ordered = new Set(order);
  for (const n of graph.nodes) if (!ordered.has(n.id)) order.push(n.id);

  const share = new Map<string, number>();
  for (const node of graph.nodes.filter((n) => n.kind === 'stepfunctions'))
    for (const group of workflowGroups(graph, node)) {
      const branches = [...group.conditional, ...(group.fallback ? [group.fallback] : [])];
      for (const e of branches) share.set(e.id, 1 / branches.length);
    }

  for (const id of order) {
    const node = byId.get(id)!;
    const count = events.get(id)!;
    if (node.kind === 'lambda') {
      const calls = (incoming.get(id) ?? []).reduce((sum, e) => {
        const source = byId.get(e.source)!;
        const arriving = amountAlong(e, source, events.get(e.source)!, share, flushes);
        // A delivery stream invokes its transform once per flush: `arriving` already counts flushes.
        return sum + (BATCH_SOURCES.has(source.kind) ? Math.ceil(arriving / Number(e.props.batchSize)) : arriving);
      }, incoming.has(id) ? 0 : count);
      invocations.set(id, calls);
    }
    if (node.kind === 'firehose') {
      const interval = Number(node.props.bufferIntervalSeconds) || 60;
      const chunk = prices.firehoseRecordChunkKB;
      const bySize = Math.ceil((count * chunks(load.averagePayloadKB, chunk) * chunk) / 1024 / Number(node.props.bufferSizeMiB));
      flushes.set(id, Math.min(count, Math.max(bySize, Math.floor((MINUTES_PER_MONTH * 60) / Math.max(interval, 1)))));
    }
    for (const e of outgoing.get(id) ?? []) events.set(e.target, events.get(e.target)! + amountAlong(e, node, count, share, flushes));
  }
  return { events, invocations, flushes };
}

function amountAlong(edge: GraphEdge, source: GraphNode, count: number, share: Map<string, number>, flushes: Map<string, number>): number {
  if (source.kind === 'stepfunctions') return count * (share.get(edge.id) ?? 0);
  if (source.kind === 'firehose') return flushes.get(source.id) ?? 0;
  return count;
}

export function estimateCost(graph: Graph, load: Load = DEFAULT_LOAD, prices: Prices = PRICE_TABLE.prices): CostEstimate {
  const { events, invocations, flushes } = volumes(graph, load, prices);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const kb = load.averagePayloadKB;
  // Reads a function makes: one per record it processes, on each node it reads.
  const reads = new Map<string, number>();
  for (const e of graph.edges) {
    const source = byId.get(e.source);
    if (source?.kind === 'lambda' && READING_ACCESS.has(String(e.props.access))) reads.set(e.target, (reads.get(e.target) ?? 0) + events.get(source.id)!);
  }
  const outgoing = (node: GraphNode) => graph.edges.filter((e) => e.source === node.id);
  const lines: CostLine[] = graph.nodes.map((node) => {
    const items: CostItem[] = [];
    const item = (label: string, quantity: number, unit: string, usd: number) => items.push({ label, quantity, unit, usd });
    const count = events.get(node.id)!;
    let note: string | undefined;
    switch (node.kind) {
      case 'apigateway': {
        const requests = count * chunks(kb, prices.apiRequestChunkKB);
        item('HTTP API requests', requests, 'requests', perMillion(requests, prices.apiHttpPerMillionRequests));
        break;
      }
      case 'lambda': {
        const calls = invocations.get(node.id) ?? 0;
        const gbSeconds = calls * (load.averageDurationMs / 1000) * (Number(node.props.memoryMiB) / 1024);
        item('Invocations', calls, 'requests', perMillion(calls, prices.lambdaPerMillionRequests));
        item(`Compute at ${node.props.memoryMiB} MiB`, gbSeconds, 'GB-seconds', gbSeconds * prices.lambdaPerGbSecond);
        break;
      }
      case 's3': {
        const website = node.props.mode === 'website';
        const entry = !graph.edges.some((e) => e.target === node.id && carriesEvents(e, byId.get(e.source)!));
        const puts = website && entry ? 0 : count;
        const gets = (reads.get(node.id) ?? 0) + (website && entry ? count : 0);
        item('Storage', load.storageGB, 'GB-months', load.storageGB * prices.s3StoragePerGbMonth);
        if (puts) item('PUT requests', puts, 'requests', (puts / 1000) * prices.s3PutPer1000);
        if (gets) item('GET requests', gets, 'requests', (gets / 1000) * prices.s3GetPer1000);
        break;
      }
      case 'dynamodb': {
        const writeUnits = count * chunks(kb, prices.dynamodbWriteUnitKB);
        const readUnits = (reads.get(node.id) ?? 0) * chunks(kb, prices.dynamodbReadUnitKB);
        item('Storage', load.storageGB, 'GB-months', load.storageGB * prices.dynamodbStoragePerGbMonth);
        if (writeUnits) item('Write request units', writeUnits, 'units', perMillion(writeUnits, prices.dynamodbPerMillionWriteUnits));
        if (readUnits) item('Read request units', readUnits, 'units', perMillion(readUnits, prices.dynamodbPerMillionReadUnits));
        for (const e of outgoing(node).filter((x) => byId.get(x.target)?.kind !== 'lambda')) {
          const requests = count * chunks(kb, 64);
          item(`EventBridge Pipe to ${byId.get(e.target)?.name}`, requests, 'requests', perMillion(requests, prices.pipesPerMillionRequests));
        }
        break;
      }
      case 'kinesis': {
        if (node.props.capacityMode === 'ON_DEMAND') {
          const gbIn = (count * kb) / 1024 / 1024;
          const consumers = outgoing(node).length;
          item('Stream hours (on demand)', HOURS_PER_MONTH, 'hours', HOURS_PER_MONTH * prices.kinesisOnDemandStreamHour);
          item('Data in', gbIn, 'GB', gbIn * prices.kinesisOnDemandPerGbIn);
          if (consumers) item(`Data read by ${consumers} consumer${consumers > 1 ? 's' : ''}`, gbIn * consumers, 'GB', gbIn * consumers * prices.kinesisOnDemandPerGbOut);
        } else {
          const shardHours = Number(node.props.shardCount) * HOURS_PER_MONTH;
          const units = count * chunks(kb, prices.kinesisPutUnitKB);
          item('Shard hours', shardHours, 'hours', shardHours * prices.kinesisShardHour);
          item('PUT payload units', units, 'units', perMillion(units, prices.kinesisPerMillionPutUnits));
        }
        break;
      }
      case 'firehose': {
        const gb = (count * chunks(kb, prices.firehoseRecordChunkKB) * prices.firehoseRecordChunkKB) / 1024 / 1024;
        item('Data ingested', gb, 'GB', gb * prices.firehosePerGbIngested);
        note = `writes about ${Math.round(flushes.get(node.id) ?? 0).toLocaleString('en-US')} objects a month`;
        break;
      }
      case 'eventbridge': {
        // Events AWS services send (a bucket's) are free; events put by code, an API or a pipe are not.
        const fromBuckets = graph.edges.filter((e) => e.target === node.id && byId.get(e.source)?.kind === 's3').reduce((sum, e) => sum + events.get(e.source)!, 0);
        const custom = Math.max(0, count - fromBuckets);
        const units = custom * chunks(kb, prices.eventbridgeEventChunkKB);
        item('Custom events', units, 'events', perMillion(units, prices.eventbridgePerMillionCustomEvents));
        break;
      }
      case 'sns': {
        const publishes = count * chunks(kb, prices.snsChunkKB);
        const emails = String(node.props.emailSubscribers ?? '').split(',').filter((s) => s.trim()).length;
        item('Publishes', publishes, 'requests', perMillion(publishes, prices.snsPerMillionPublishes));
        if (emails) item(`E-mail deliveries to ${emails}`, count * emails, 'e-mails', ((count * emails) / 100_000) * prices.snsPer100kEmails);
        note = 'deliveries to queues and functions are free';
        break;
      }
      case 'sqs': {
        const consumer = outgoing(node).find((e) => byId.get(e.target)?.kind === 'lambda');
        const batches = consumer ? Math.ceil(count / Number(consumer.props.batchSize)) : 0;
        const requests = (count + 2 * batches) * chunks(kb, prices.sqsChunkKB);
        const price = node.props.fifo ? prices.sqsFifoPerMillionRequests : prices.sqsStandardPerMillionRequests;
        item(consumer ? 'Requests (send, then receive and delete per batch)' : 'Send requests', requests, 'requests', perMillion(requests, price));
        break;
      }
      case 'stepfunctions': {
        const groups = workflowGroups(graph, node);
        if (node.props.workflowType === 'EXPRESS') {
          const steps = groups.length;
          const gbSeconds = count * ((steps * load.averageDurationMs) / 1000) * (64 / 1024);
          item('Executions', count, 'requests', perMillion(count, prices.stepFunctionsExpressPerMillionRequests));
          item('Duration at 64 MB', gbSeconds, 'GB-seconds', gbSeconds * prices.stepFunctionsExpressPerGbSecond);
        } else {
          const perExecution = groups.reduce((sum, g) => sum + (g.conditional.length ? 2 : 1), 1);
          const transitions = count * perExecution;
          item(`State transitions (${perExecution} per execution)`, transitions, 'transitions', (transitions / 1000) * prices.stepFunctionsStandardPer1000Transitions);
        }
        break;
      }
      case 'resource':
        note = `${node.props.resourceType} is not estimated`;
        break;
    }
    const usd = items.reduce((sum, i) => sum + i.usd, 0);
    return { nodeId: node.id, name: node.name, service: SERVICES[node.kind].shortTitle, usd, items, ...(note ? { note } : {}) };
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
