import type { Props } from '../props/spec';
import type { ServiceKind } from '../services/registry';

export interface Position {
  x: number;
  y: number;
}

export interface GraphNode {
  id: string;
  kind: ServiceKind;
  /** Unique, and the base of the node's CloudFormation logical ids. */
  name: string;
  position: Position;
  props: Props;
  /** Teaching text: what the node does and why it is there. */
  note?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  props: Props;
  /** Teaching text: what the connection carries and why. */
  note?: string;
}

export interface Graph {
  /** The diagram's name: names the file and tags what is deployed. */
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const emptyGraph = (name = 'Untitled diagram'): Graph => ({ name, nodes: [], edges: [] });

export function nodeById(graph: Graph, id: string): GraphNode | undefined {
  return graph.nodes.find((n) => n.id === id);
}

export function edgeById(graph: Graph, id: string): GraphEdge | undefined {
  return graph.edges.find((e) => e.id === id);
}

/**
 * True when two graphs differ at most in node positions: views that show no positions (the
 * inspector, the problems list) use it to skip the work a drag would otherwise cost every frame.
 */
export function sameStructure(a: Graph, b: Graph): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.name !== b.name || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x !== y && (x.id !== y.id || x.name !== y.name || x.kind !== y.kind || x.props !== y.props || x.note !== y.note)) return false;
  }
  return true;
}
