import type { Props } from '../props/spec';
import type { PropsOf, ServiceKind } from '../services/registry';
import type { CfnValue } from '../template/cfn';

/**
 * Where an imported node came from: the template resources it stands for (the first is the one
 * the node is drawn for, the rest are its own children such as its role or its API methods) and
 * its props as read from them. Export writes those resources back as they were, changing only the
 * properties whose prop the user has since edited.
 */
export interface NodeOrigin {
  logicalIds: string[];
  props: Props;
  /** The props read from the template, the only ones the inspector lets the user edit. */
  bound: string[];
  /** Props the template sets in a way the node shows but cannot edit: shown as written, with why. */
  written?: Record<string, WrittenValue>;
}

/** A value shown as the template wrote it (intrinsics readable), and why it cannot be edited here. */
export interface WrittenValue {
  value: string;
  why: string;
}

/** An imported edge: the evidence it was recovered from and the resources only it needs (a mapping, a subscription). */
export interface EdgeOrigin {
  evidence: string[];
  logicalIds: string[];
  /** Edge props the template sets in a way the edge cannot hold (an intrinsic): shown as written. */
  written?: Record<string, WrittenValue>;
}

export interface Position {
  x: number;
  y: number;
}

/** A node of one kind with its typed props: what a service module's hooks receive. */
export interface ServiceNode<K extends string = string, P = Props> {
  id: string;
  kind: K;
  /** Unique, and the base of the node's CloudFormation logical ids. */
  name: string;
  position: Position;
  props: P;
  /** Teaching text: what the node does and why it is there. */
  note?: string;
  origin?: NodeOrigin;
}

export type NodeOf<K extends ServiceKind> = ServiceNode<K, PropsOf<K>>;

/** Any node of a diagram: narrowing on `kind` types its props. */
export type GraphNode = { [K in ServiceKind]: NodeOf<K> }[ServiceKind];

/** An edge whose props are typed by its row of the rule table (the wiring's view). */
export interface EdgeOf<P = Props> {
  id: string;
  source: string;
  target: string;
  props: P;
  /** Teaching text: what the connection carries and why. */
  note?: string;
  origin?: EdgeOrigin;
}

export type GraphEdge = EdgeOf<Props>;

export interface Graph {
  /** The diagram's name: names the file and tags what is deployed. */
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /**
   * The template a diagram was imported from, as read (long-form intrinsics). Its Parameters,
   * Mappings, Conditions, Outputs, Metadata and the resources of imported nodes are written back
   * from here, so an import followed by an export loses nothing.
   */
  template?: Record<string, CfnValue>;
}

export const emptyGraph = (name = 'Untitled diagram'): Graph => ({ name, nodes: [], edges: [] });

/**
 * A node from untyped parts, for the code that builds nodes from specs (adding a node, reading a
 * file, importing a template): the caller has checked the props against the kind's specs.
 */
export const checkedNode = (node: ServiceNode<ServiceKind, Props>): GraphNode => node as GraphNode;

/**
 * True when two graphs differ at most in node positions: views that show no positions (the
 * inspector, the problems list) use it to skip the work a drag would otherwise cost every frame.
 */
export function sameStructure(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.name !== b.name || a.template !== b.template || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x !== y && (x.id !== y.id || x.name !== y.name || x.kind !== y.kind || x.props !== y.props || x.note !== y.note || x.origin !== y.origin)) return false;
  }
  return true;
}
