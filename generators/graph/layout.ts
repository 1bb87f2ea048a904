import dagre from '@dagrejs/dagre';
import { ruleFor } from '../rules/table';
import type { Graph, Position } from './model';

import { NODE_HEIGHT, NODE_WIDTH } from './dimensions';

/**
 * Left-to-right layered layout: event sources land on the left, destinations on the right, and
 * crossings are kept low. Returns top-left positions, as the graph stores them.
 */
export function autoLayout(graph: Graph): Map<string, Position> {
  try {
    return layered(graph);
  } catch (error) {
    // dagre recurses along paths: a chain of thousands of nodes overflows the stack. A grid then.
    if (error instanceof RangeError) return gridLayout(graph);
    throw error;
  }
}

/** Rows of nodes in diagram order, as square as the count allows. */
function gridLayout(graph: Graph): Map<string, Position> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(graph.nodes.length)));
  return new Map(graph.nodes.map((node, i) => [node.id, { x: 40 + (i % columns) * (NODE_WIDTH + 80), y: 40 + Math.floor(i / columns) * (NODE_HEIGHT + 60) }]));
}

function layered(graph: Graph): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 56, marginx: 40, marginy: 40 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  for (const edge of graph.edges) {
    // Room for the edge's label between the ranks, so labels never sit on a node.
    const label = ruleFor(kinds.get(edge.source)!, kinds.get(edge.target)!)?.label(edge.props) ?? '';
    g.setEdge(edge.source, edge.target, { width: label.length * 6 + 16, height: 18, labelpos: 'c' });
  }
  dagre.layout(g);
  const positions = new Map<string, Position>();
  for (const node of graph.nodes) {
    const laid = g.node(node.id);
    positions.set(node.id, { x: Math.round(laid.x - NODE_WIDTH / 2), y: Math.round(laid.y - NODE_HEIGHT / 2) });
  }
  return positions;
}
