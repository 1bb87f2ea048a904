import type { GraphIndex, Link } from '../graph/index-graph';
import type { Graph, GraphNode } from '../graph/model';
import type { HandlerRole } from '../../lambda-templates/roles';
import type { TemplateBuilder } from './builder';
import type { CfnValue } from './cfn';

export type { Link } from '../graph/index-graph';

/** What a service's emitter or a rule's wiring can see and do while a template is built. */
export interface SynthContext {
  graph: Graph;
  index: GraphIndex;
  builder: TemplateBuilder;
  /** A node's links in the order the template is written (by the other end's name). */
  outgoing(node: { id: string }): Link[];
  incoming(node: { id: string }): Link[];
  arnOf(node: GraphNode): CfnValue;
  /** The name or address a function's code uses to reach the node (queue URL, topic ARN...). */
  addressOf(node: GraphNode): CfnValue;
  /** The handler template a function triggered by a kind of service starts from. */
  handlerRoleOf(kind: GraphNode['kind']): HandlerRole;
}

/** How one kind of service becomes CloudFormation. */
export interface ServiceEmitter<N> {
  /** The resources of the node itself, before any edge is wired. */
  emit(node: N, ctx: SynthContext): void;
  /** Runs after every edge is wired: assembles what edges contributed (roles, definitions...). */
  finalize(node: N, ctx: SynthContext): void;
  arn(node: N): CfnValue;
  /**
   * What a function that uses the node gets in its environment: the suffix and value of its
   * address, and any other facts its code needs (a table's key names), by suffix.
   */
  address: { suffix: string; value(node: N): CfnValue; facts?(node: N): Record<string, CfnValue> };
}

/** How one row of the connection-rule table becomes CloudFormation. */
export type Wiring<L = Link> = (link: L, ctx: SynthContext) => void;
