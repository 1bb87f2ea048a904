/** The vocabulary of the cost estimate, shared by the estimate, the service modules and the rule table. */
import type { GraphIndex } from '../graph/index-graph';
import type { GraphNode } from '../graph/model';
import type { Load } from './load';

export interface CostItem {
  label: string;
  quantity: number;
  unit: string;
  usd: number;
}

/** The monthly volumes the estimate computed, as a service module prices them. */
export interface CostUsage {
  index: GraphIndex;
  load: Load;
  /** Records, messages, requests or objects arriving at a node per month. */
  events(node: GraphNode): number;
  /** Function invocations (a batched consumer is invoked once per batch). */
  invocations(node: GraphNode): number;
  /** Reads the functions connected to a node make on it per month. */
  reads(node: GraphNode): number;
  /** Whether nothing sends events into the node: the load enters there. */
  isEntry(node: GraphNode): boolean;
  /** Events arriving from AWS services that do not charge for them (a bucket's events on a bus). */
  freeEvents(node: GraphNode): number;
}

export const perMillion = (count: number, price: number) => (count / 1_000_000) * price;
/** How many metered chunks a payload of `kb` is (at least one). */
export const chunks = (kb: number, chunk: number) => Math.max(1, Math.ceil(kb / chunk));
