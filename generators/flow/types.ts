/** The vocabulary of the event-flow teaching model, shared by the simulation, the service modules and the rule table. */
import type { GraphIndex, Link } from '../graph/index-graph';
import type { GraphNode } from '../graph/model';

export type EventData = Record<string, unknown>;

export interface Scenario {
  id: string;
  label: string;
  sourceId: string;
  /** How many events arrive together (records, messages, requests). */
  count: number;
  /** The event itself: a key, a request, an EventBridge event, a workflow input... */
  data: EventData;
}

export type ScenarioSeed = Omit<Scenario, 'sourceId' | 'id'>;

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

/** How events were handed to a service: it decides what a failure does to them. */
export type Invocation = 'origin' | 'async' | 'sync' | 'poll' | 'stream' | 'workflow';

export interface Arrival<N = GraphNode> {
  node: N;
  tick: number;
  count: number;
  data: EventData;
  via: Invocation;
  from?: GraphNode;
  /** The link the events came along. */
  link?: Link;
}

export interface Delivery {
  count?: number;
  data?: EventData;
  via?: Invocation;
  batches?: number;
  delay?: number;
}

/** What a service or a connection can do while the simulation handles one arrival. */
export interface FlowApi {
  index: GraphIndex;
  /** The links leaving the node the arrival is at, in the order they were drawn. */
  out: readonly Link[];
  /** Functions that fail every time they run. */
  failing: ReadonlySet<string>;
  /** Sends events along a link (stopping a loop that would never end). */
  deliver(link: Link, text: string, next?: Delivery): void;
  /** Events a link's filter keeps from its target. */
  filtered(link: Link, text: string): void;
  /** Something that happens at the node (or at `at`) after `delay` ticks. */
  note(outcome: Outcome, text: string, delay?: number, at?: GraphNode): void;
  hop(hop: FlowHop): void;
  /** Hands the events on directly (a workflow running a step), outside any edge count. */
  enqueue(arrival: Arrival): void;
  /** The link's own behaviour (its row of the rule table), for the arrival at hand or for part of it. */
  carry(link: Link, arrival?: Arrival): void;
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
