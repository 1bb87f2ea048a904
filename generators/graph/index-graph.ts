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
const cache = new WeakMap<Graph, { nodes: Graph['nodes']; edges: Graph['edges']; nodeCount: number; edgeCount: number; index: GraphIndex }>();

export function indexGraph(graph: Graph): GraphIndex {
  const cached = cache.get(graph);
  // A graph being built (a file being read) grows in place: its index is rebuilt when it has.
  if (cached && cached.nodes === graph.nodes && cached.edges === graph.edges && cached.nodeCount === graph.nodes.length && cached.edgeCount === graph.edges.length) return cached.index;
  const index = buildIndex(graph);
  cache.set(graph, { nodes: graph.nodes, edges: graph.edges, nodeCount: graph.nodes.length, edgeCount: graph.edges.length, index });
  return index;
}

function buildIndex(graph: Graph): GraphIndex {
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
  for (const edge of graph.edges) {
    edges.set(edge.id, edge);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    const rule = source && target ? ruleFor(source.kind, target.kind) : undefined;
    if (!source || !target || !rule) continue;
    const link: Link = { edge, source, target, rule };
    links.push(link);
    byEdge.set(edge.id, link);
    push(outgoing, source.id, link);
    push(incoming, target.id, link);
  }
  return {
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
}

function push(map: Map<string, Link[]>, key: string, link: Link) {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}
