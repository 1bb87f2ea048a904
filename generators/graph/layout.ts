import dagre from '@dagrejs/dagre';
import type { Graph, Position } from './model';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 72;

/**
 * Left-to-right layered layout: event sources land on the left, destinations on the right, and
 * crossings are kept low. Returns top-left positions, as the graph stores them.
 */
export function autoLayout(graph: Graph): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 110, marginx: 40, marginy: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const positions = new Map<string, Position>();
  for (const node of graph.nodes) {
    const laid = g.node(node.id);
    positions.set(node.id, { x: Math.round(laid.x - NODE_WIDTH / 2), y: Math.round(laid.y - NODE_HEIGHT / 2) });
  }
  return positions;
}
