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
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  props: Props;
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
