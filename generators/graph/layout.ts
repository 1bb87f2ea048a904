import dagre from '@dagrejs/dagre';
import { ruleFor } from '../rules/table';
import { COMPACT_LABEL_FONT, NODE_HEIGHT, NODE_WIDTH } from './dimensions';
import type { Graph, GraphEdge, GraphNode, Position } from './model';
import { packBoxes, type Box } from './pack';

/** The shape of the screen a layout is made for: a laptop's canvas with the panels folded away. */
export const SCREEN_ASPECT = 1.6;
const MARGIN = 40;
/** Room between the packed parts of a diagram. */
const PART_GAP = 48;

/**
 * Left-to-right layered layout: event sources land on the left, destinations on the right, and
 * crossings are kept low. Each connected part of the diagram is laid out on its own, then the parts
 * (and the nodes connected to nothing) are packed beside each other to fit a screen instead of
 * stacking in one column. Returns top-left positions, as the graph stores them; the same diagram
 * always gets the same positions.
 */
export function autoLayout(graph: Graph, aspect = SCREEN_ASPECT): Map<string, Position> {
  const parts = connectedParts(graph);
  const shapes: ShapeMemo = new Map();
  const laid = parts.map((part) => layPart(part, shapes));
  const order = laid.map((_, i) => i).sort((a, b) => compareParts(laid[a], laid[b], parts[a], parts[b]));
  const spots = packBoxes(
    order.map((i) => laid[i].box),
    aspect,
    PART_GAP,
  );
  const positions = new Map<string, Position>();
  order.forEach((partIndex, k) => {
    const [left, top] = [MARGIN + spots[k].x, MARGIN + spots[k].y];
    for (const [id, at] of laid[partIndex].positions) positions.set(id, { x: Math.round(left + at.x), y: Math.round(top + at.y) });
  });
  return positions;
}

interface Part {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Where the part's first node stands in the diagram: ties keep the diagram's order. */
  first: number;
}

interface LaidPart {
  positions: Map<string, Position>;
  /** The rectangle it covers: other parts never go into the holes of its outline, where they would read as part of its flow. */
  box: Box;
}

/** Bigger parts first (the main flow lands top-left); lone nodes grouped by kind, in diagram order. */
function compareParts(a: LaidPart, b: LaidPart, partA: Part, partB: Part): number {
  if (partA.nodes.length !== partB.nodes.length) return partB.nodes.length - partA.nodes.length;
  if (a.box.height !== b.box.height) return b.box.height - a.box.height;
  if (partA.nodes.length === 1 && partA.nodes[0].kind !== partB.nodes[0].kind) return partA.nodes[0].kind < partB.nodes[0].kind ? -1 : 1;
  return partA.first - partB.first;
}

/** The diagram's connected parts (edges taken both ways), each in diagram order. */
function connectedParts(graph: Graph): Part[] {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const parent = graph.nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const edge of graph.edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined) continue;
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const parts = new Map<number, Part>();
  graph.nodes.forEach((node, i) => {
    const root = find(i);
    let part = parts.get(root);
    if (!part) parts.set(root, (part = { nodes: [], edges: [], first: i }));
    part.nodes.push(node);
  });
  for (const edge of graph.edges) {
    const a = index.get(edge.source);
    if (a !== undefined && index.has(edge.target)) parts.get(find(a))!.edges.push(edge);
  }
  return [...parts.values()];
}

/**
 * Parts laid out so far, by shape: the positions (in the part's node order) of a part with the same
 * nodes count, edges and label widths. Templates repeat a pattern (queue, function) hundreds of
 * times; dagre, given the same input, returns the same layout, so it runs once per shape.
 */
type ShapeMemo = Map<string, Position[]>;

function layPart(part: Part, shapes: ShapeMemo): LaidPart {
  let positions: Map<string, Position>;
  if (part.nodes.length === 1) positions = new Map([[part.nodes[0].id, { x: 0, y: 0 }]]);
  else {
    const { shape, edges } = shapeOf(part);
    let laid = shapes.get(shape);
    if (!laid) {
      try {
        laid = layered(part.nodes.length, edges);
      } catch (error) {
        // dagre recurses along paths: a chain of thousands of nodes overflows the stack. A grid then.
        if (!(error instanceof RangeError)) throw error;
        laid = gridLayout(part.nodes.length);
      }
      shapes.set(shape, laid);
    }
    positions = new Map(part.nodes.map((node, i) => [node.id, laid![i]]));
  }
  const all = [...positions.values()];
  return { positions, box: { width: Math.max(...all.map((p) => p.x)) + NODE_WIDTH, height: Math.max(...all.map((p) => p.y)) + NODE_HEIGHT } };
}

/** An edge between the part's nodes by their index in the part, with its label's room. */
interface ShapeEdge {
  from: number;
  to: number;
  width: number;
}

/** What dagre sees of a part, and a key for it: nodes by index, edges in order with their label widths. */
function shapeOf(part: Part): { shape: string; edges: ShapeEdge[] } {
  const indexOf = new Map(part.nodes.map((n, i) => [n.id, i]));
  const kinds = new Map(part.nodes.map((n) => [n.id, n.kind]));
  const edges = part.edges.map((edge) => ({
    from: indexOf.get(edge.source)!,
    to: indexOf.get(edge.target)!,
    // Room for the edge's label (at its compact, zoomed-out size) between the ranks, so labels never sit on a node.
    width: labelWidth(ruleFor(kinds.get(edge.source)!, kinds.get(edge.target)!)?.label(edge.props) ?? ''),
  }));
  return { shape: `${part.nodes.length}|${edges.map((e) => `${e.from}>${e.to}:${e.width}`).join(',')}`, edges };
}

/** An edge label's width at its compact (zoomed-out) size, in canvas units. */
const labelWidth = (label: string) => (label ? label.length * COMPACT_LABEL_FONT * 0.5 + 8 : 0);
const LABEL_HEIGHT = COMPACT_LABEL_FONT + 8;

/** Rows of nodes in diagram order, as square as the count allows. */
function gridLayout(count: number): Position[] {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return Array.from({ length: count }, (_, i) => ({ x: (i % columns) * (NODE_WIDTH + 80), y: Math.floor(i / columns) * (NODE_HEIGHT + 60) }));
}

/** dagre's layered layout of one part's nodes (by index), moved so that its top-left corner is 0,0. */
function layered(count: number, edges: readonly ShapeEdge[]): Position[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 24, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // Ids that are not array indexes, so graphlib keeps them in insertion order as it does node ids.
  const id = (i: number) => `k${i}`;
  for (let i = 0; i < count; i++) g.setNode(id(i), { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) g.setEdge(id(edge.from), id(edge.to), { width: edge.width, height: edge.width ? LABEL_HEIGHT : 0, labelpos: 'c' });
  dagre.layout(g);
  const positions = Array.from({ length: count }, (_, i) => {
    const laid = g.node(id(i));
    return { x: laid.x - NODE_WIDTH / 2, y: laid.y - NODE_HEIGHT / 2 };
  });
  const left = Math.min(...positions.map((p) => p.x));
  const top = Math.min(...positions.map((p) => p.y));
  return positions.map((p) => ({ x: p.x - left, y: p.y - top }));
}
