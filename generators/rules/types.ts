/**
 * A row of the connection-rule table: what an edge between two kinds means, the props it carries,
 * the CloudFormation that makes events flow along it, how events travel it in the teaching model,
 * what it adds to the estimate, and what a reviewer would flag about it. Pair-specific knowledge
 * lives here, the way CDK's event sources `bind()` a source to a function.
 */
import type { CostItem, CostUsage } from '../cost/types';
import type { CheckContext } from '../diagnostics/types';
import type { Arrival, FlowApi, ScenarioSeed } from '../flow/types';
import type { GraphIndex, Link } from '../graph/index-graph';
import type { EdgeOf, Graph, GraphNode, NodeOf } from '../graph/model';
import type { PropSpec, PropsFromSpecs, Props } from '../props/spec';
import type { ServiceKind } from '../services/registry';
import type { SynthContext } from '../template/context';
import type { CdkWriter } from '../export/cdk/writer';
import type { SamWriter } from '../export/sam/writer';

/** A link whose ends and props are typed by its row. */
export interface LinkOf<From extends ServiceKind, To extends ServiceKind, P> extends Omit<Link, 'edge' | 'source' | 'target'> {
  edge: EdgeOf<P>;
  source: { [K in From]: NodeOf<K> }[From];
  target: { [K in To]: NodeOf<K> }[To];
}

export interface ConnectionContext {
  graph: Graph;
  index: GraphIndex;
  source: GraphNode;
  target: GraphNode;
}

export interface RuleFlow<L> {
  /**
   * What happens to an arrival at the source as it travels this link. Absent where the source's
   * module moves events along its links itself (a workflow runs its steps in order).
   */
  carry?(arrival: Arrival, link: L, sim: FlowApi): void;
  /** Records per invocation, when the target polls or streams in batches. */
  batchSize?(link: L): number;
  /** What happens to the events of this link when its target fails (a queue's redelivery, a stream's retries). */
  onTargetFailure?(arrival: Arrival, link: L, sim: FlowApi): void;
  /** Events the connection suggests sending into its source. */
  scenarios?(link: L, index: GraphIndex): ScenarioSeed[];
  /** Its place among its source's links when a presentation tells them (a workflow's steps run in order). */
  rank?(link: L): number;
  /** How a workflow step describes calling its target ("invokes", "calls"). */
  stepVerb?: string;
}

export interface RuleCost<L> {
  /** Whether events travel along the link (a function reading a table sends none). Default: yes. */
  carries?(link: L): boolean;
  /** Whether the source's code reads the target once per event it handles. */
  reads?(link: L): boolean;
  /** Events AWS delivers along the link without charge (a bucket's events on a bus). */
  free?: boolean;
  /** Line items charged to the source for the link itself (a pipe's requests). */
  sourceItems?(link: L, count: number, usage: CostUsage): CostItem[];
}

export interface ConnectionRule<From extends ServiceKind, To extends ServiceKind, S extends readonly PropSpec[]> {
  from: From;
  to: To;
  /** What the edge means, in a sentence fragment ("route invokes function"). */
  meaning: string;
  /** The short label drawn on the edge; may depend on the edge's props. */
  label(props: PropsFromSpecs<S>): string;
  props: S;
  /** Emits the CloudFormation that makes events flow along such an edge. */
  wire(link: LinkOf<From, To, PropsFromSpecs<S>>, ctx: SynthContext): void;
  /** Writes the edge in a CDK app: an event source, a grant, a subscription, a rule (rules/cdk). */
  cdk(link: LinkOf<From, To, PropsFromSpecs<S>>, w: CdkWriter): void;
  /** Writes the edge in a SAM template: a trigger becomes its function's event; the rest stays CloudFormation (rules/sam). */
  sam(link: LinkOf<From, To, PropsFromSpecs<S>>, s: SamWriter): void;
  /** A condition beyond the pair of kinds; returns the refusal (reason and fix) or null. */
  refuse?(context: ConnectionContext): string | null;
  /** The AWS service principal that delivers along the edge, when AWS (not code) sends the events. */
  principal?: string;
  flow: RuleFlow<LinkOf<From, To, PropsFromSpecs<S>>>;
  cost?: RuleCost<LinkOf<From, To, PropsFromSpecs<S>>>;
  /** Findings about one edge of this row. */
  diagnose?(link: LinkOf<From, To, PropsFromSpecs<S>>, ctx: CheckContext): void;
}

/** Any row, as the core loops see it: props untyped, ends of any kind. */
export interface AnyRule {
  from: ServiceKind;
  to: ServiceKind;
  meaning: string;
  label(props: Props): string;
  props: readonly PropSpec[];
  wire(link: Link, ctx: SynthContext): void;
  cdk(link: Link, w: CdkWriter): void;
  sam(link: Link, s: SamWriter): void;
  refuse?(context: ConnectionContext): string | null;
  principal?: string;
  flow: RuleFlow<Link>;
  cost?: RuleCost<Link>;
  diagnose?(link: Link, ctx: CheckContext): void;
}

/** A row's kinds and props come from its from, to and props fields; its hooks are checked against them, never inferred from. */
type Hooked<From extends ServiceKind, To extends ServiceKind, S extends readonly PropSpec[]> = Pick<ConnectionRule<From, To, S>, 'from' | 'to' | 'props'> &
  NoInfer<Omit<ConnectionRule<From, To, S>, 'from' | 'to' | 'props'>>;

/** Identity, for inference: a row typed by its own kinds and props. */
export const defineRule = <From extends ServiceKind, To extends ServiceKind, const S extends readonly PropSpec[]>(rule: Hooked<From, To, S>): ConnectionRule<From, To, S> => rule;
