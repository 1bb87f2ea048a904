/**
 * The one lookup structure of a diagram: nodes and edges by id, and each node's incoming and
 * outgoing links (an edge with both of its nodes and its row of the rule table), built once per
 * graph object and shared by synthesis, the diagnostics, the estimate, the event flow and the
 * rules. Graphs are immutable snapshots, so the index of a graph never goes stale.
 */
import { ruleFor, type AnyRule } from '../rules/table';
import type { Graph, GraphEdge, GraphNode } from './model';

export interface Link {
  edge: GraphEdge;
  source: GraphNode;
  target: GraphNode;
  rule: AnyRule;
}

export interface GraphIndex {
  graph: Graph;
  node(id: string): GraphNode | undefined;
  edge(id: string): GraphEdge | undefined;
  /** Every edge whose two nodes exist, in the order the edges were drawn. */
  links: readonly Link[];
  link(edgeId: string): Link | undefined;
  out(node: { id: string }): readonly Link[];
  into(node: { id: string }): readonly Link[];
  /** Nodes of one kind, in diagram order. */
  ofKind<K extends GraphNode['kind']>(kind: K): Extract<GraphNode, { kind: K }>[];
  /** The node an edge prop names (a pipe's enrichment, a dead-letter queue), when it is one of these kinds. */
  named<K extends GraphNode['kind']>(name: string, kinds: readonly K[]): Extract<GraphNode, { kind: K }> | undefined;
}

const EMPTY: readonly Link[] = [];
interface Indexed {
  nodes: Graph['nodes'];
  edges: Graph['edges'];
  nodeCount: number;
  edgeCount: number;
  index: GraphIndex;
  /** Indexes one more edge of the graph. */
  add(edge: GraphEdge): void;
}

const cache = new WeakMap<Graph, Indexed>();

function current(graph: Graph): Indexed {
  const cached = cache.get(graph);
  // A graph being built (a file being read) grows in place: its index is rebuilt when it has.
  if (cached && cached.nodes === graph.nodes && cached.edges === graph.edges && cached.nodeCount === graph.nodes.length && cached.edgeCount === graph.edges.length) return cached;
  const built = { nodes: graph.nodes, edges: graph.edges, nodeCount: graph.nodes.length, edgeCount: graph.edges.length, ...buildIndex(graph) };
  cache.set(graph, built);
  return built;
}

export function indexGraph(graph: Graph): GraphIndex {
  return current(graph).index;
}

/**
 * Adds an edge to a graph being built (a file being read, edge after edge, each checked against
 * those before it) and to its index, so the next check does not index the whole graph again.
 */
export function appendEdge(graph: Graph, edge: GraphEdge) {
  const indexed = current(graph);
  graph.edges.push(edge);
  indexed.edgeCount = graph.edges.length;
  indexed.add(edge);
}

function buildIndex(graph: Graph): { index: GraphIndex; add(edge: GraphEdge): void } {
  const nodes = new Map<string, GraphNode>();
  for (const node of graph.nodes) nodes.set(node.id, node);
  const edges = new Map<string, GraphEdge>();
  const links: Link[] = [];
  const byEdge = new Map<string, Link>();
  const outgoing = new Map<string, Link[]>();
  const incoming = new Map<string, Link[]>();
  const byKind = new Map<string, GraphNode[]>();
  const byName = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    if (!byName.has(node.name)) byName.set(node.name, node);
    const list = byKind.get(node.kind);
    if (list) list.push(node);
    else byKind.set(node.kind, [node]);
  }
  const add = (edge: GraphEdge) => {
    edges.set(edge.id, edge);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    const rule = source && target ? ruleFor(source.kind, target.kind) : undefined;
    if (!source || !target || !rule) return;
    const link: Link = { edge, source, target, rule };
    links.push(link);
    byEdge.set(edge.id, link);
    push(outgoing, source.id, link);
    push(incoming, target.id, link);
  };
  for (const edge of graph.edges) add(edge);
  const index: GraphIndex = {
    graph,
    node: (id) => nodes.get(id),
    edge: (id) => edges.get(id),
    links,
    link: (edgeId) => byEdge.get(edgeId),
    out: (node) => outgoing.get(node.id) ?? EMPTY,
    into: (node) => incoming.get(node.id) ?? EMPTY,
    ofKind: (kind) => (byKind.get(kind) ?? []) as never,
    named: (name, kinds) => {
      const node = name ? byName.get(name) : undefined;
      return node && (kinds as readonly string[]).includes(node.kind) ? (node as never) : undefined;
    },
  };
  return { index, add };
}

function push(map: Map<string, Link[]>, key: string, link: Link) {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}
