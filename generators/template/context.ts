import type { Graph, GraphEdge, GraphNode } from '../graph/model';
import type { TemplateBuilder } from './builder';
import type { CfnValue } from './cfn';

export interface Link {
  edge: GraphEdge;
  source: GraphNode;
  target: GraphNode;
}

/** What a service's emitter or a rule's wiring can see and do while a template is built. */
export interface SynthContext {
  graph: Graph;
  builder: TemplateBuilder;
  node(id: string): GraphNode;
  outgoing(node: GraphNode): Link[];
  incoming(node: GraphNode): Link[];
  arnOf(node: GraphNode): CfnValue;
  /** The name or address a function's code uses to reach the node (queue URL, topic ARN...). */
  addressOf(node: GraphNode): CfnValue;
}

/** How one kind of service becomes CloudFormation. */
export interface ServiceEmitter {
  /** The resources of the node itself, before any edge is wired. */
  emit(node: GraphNode, ctx: SynthContext): void;
  /** Runs after every edge is wired: assembles what edges contributed (roles, definitions...). */
  finalize?(node: GraphNode, ctx: SynthContext): void;
  arn(node: GraphNode): CfnValue;
  /** The environment variable suffix and value a function gets when it uses this node. */
  address: { suffix: string; value(node: GraphNode): CfnValue };
}

/** How one row of the connection-rule table becomes CloudFormation. */
export type Wiring = (link: Link, ctx: SynthContext) => void;
