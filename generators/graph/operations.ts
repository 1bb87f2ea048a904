/**
 * Every change a user can make to a diagram, as pure functions from one graph to the next.
 * The store, the file importer and the CLI share them, so a rule is enforced in one place.
 */
import { defaultsOf, propBag, validateValue, type PropSpec, type PropValue, type Props } from '../props/spec';
import { checkConnection } from '../rules/connect';
import { ruleFor } from '../rules/table';
import { serviceOf, type ServiceKind } from '../services/registry';
import { createId } from './ids';
import { checkedNode, type Graph, type GraphEdge, type GraphNode, type Position } from './model';
import { nameProblem, uniqueName } from './names';
import { MAX_NOTE_LENGTH } from './limits';

export type Change<T = undefined> = { ok: true; graph: Graph; value: T } | { ok: false; error: string };

const done = <T>(graph: Graph, value: T): Change<T> => ({ ok: true, graph, value });
const refused = (error: string): { ok: false; error: string } => ({ ok: false, error });

export function addNode(graph: Graph, kind: ServiceKind, position: Position, options: { id?: string; name?: string; props?: Props; note?: string } = {}): Change<GraphNode> {
  const service = serviceOf(kind);
  const name = options.name ?? uniqueName(graph, service.defaultName);
  const problem = nameProblem(graph, name);
  if (problem) return refused(problem);
  const node = checkedNode({
    id: options.id ?? createId('n'),
    kind,
    name,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    props: { ...defaultsOf(service.props), ...options.props },
    ...(options.note ? { note: options.note } : {}),
  });
  return done({ ...graph, nodes: [...graph.nodes, node] }, node);
}

export function renameNode(graph: Graph, id: string, name: string): Change {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return refused('That node no longer exists');
  if (node.name === name) return done(graph, undefined);
  const problem = nameProblem(graph, name, id);
  if (problem) return refused(problem);
  return done(replaceNode(graph, { ...node, name }), undefined);
}

export function setNodeProp(graph: Graph, id: string, key: string, value: PropValue): Change {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) return refused('That node no longer exists');
  const spec = serviceOf(node.kind).props.find((s) => s.key === key);
  if (!spec) return refused(`${serviceOf(node.kind).shortTitle} has no property "${key}"`);
  const problem = validateValue(spec, value);
  if (problem) return refused(problem);
  if (propBag(node)[key] === value) return done(graph, undefined);
  if (node.origin && !node.origin.bound.includes(key)) return refused(`${spec.label} of ${node.name} is set by the imported template, not by this field: edit the template to change it`);
  const next = replaceNode(graph, checkedNode({ ...node, props: { ...propBag(node), [key]: value } }));
  const broken = brokenConnectionOf(next, id);
  if (broken) return refused(broken);
  return done(next, undefined);
}

/** A node's new props may break a connection's condition (a website bucket calling an API). */
function brokenConnectionOf(graph: Graph, nodeId: string): string | null {
  for (const edge of graph.edges) {
    // An imported edge stands for wiring the template already has; props cannot break it.
    if ((edge.source !== nodeId && edge.target !== nodeId) || edge.origin) continue;
    const without = { ...graph, edges: graph.edges.filter((e) => e.id !== edge.id) };
    const check = checkConnection(without, edge.source, edge.target);
    if (!check.ok) return `${check.reason} (remove the connection first)`;
  }
  return null;
}

/** Sets the teaching note of a node or an edge; an empty note removes it. */
export function setNote(graph: Graph, id: string, note: string): Change {
  const text = note.slice(0, MAX_NOTE_LENGTH);
  const strip = <T extends { note?: string }>(element: T): T => {
    const { note: _old, ...rest } = element;
    return (text ? { ...rest, note: text } : rest) as T;
  };
  if (graph.nodes.some((n) => n.id === id)) return done({ ...graph, nodes: graph.nodes.map((n) => (n.id === id ? strip(n) : n)) }, undefined);
  if (graph.edges.some((e) => e.id === id)) return done({ ...graph, edges: graph.edges.map((e) => (e.id === id ? strip(e) : e)) }, undefined);
  return refused('That element no longer exists');
}

export function connect(graph: Graph, source: string, target: string, options: { id?: string; props?: Props; note?: string } = {}): Change<GraphEdge> {
  const check = checkConnection(graph, source, target);
  if (!check.ok) return refused(check.reason);
  const edge: GraphEdge = {
    id: options.id ?? createId('e'),
    source,
    target,
    props: { ...defaultsOf(check.rule.props), ...nextInSequence(graph, source, check.rule.props), ...options.props },
    ...(options.note ? { note: options.note } : {}),
  };
  return done({ ...graph, edges: [...graph.edges, edge] }, edge);
}

/** A second step drawn from a workflow is step 2, not another step 1. */
function nextInSequence(graph: Graph, source: string, specs: readonly PropSpec[]): Props {
  const props: Props = {};
  for (const spec of specs) {
    if (spec.type !== 'integer' || !spec.sequence) continue;
    const taken = graph.edges.filter((e) => e.source === source && typeof e.props[spec.key] === 'number').map((e) => e.props[spec.key] as number);
    props[spec.key] = Math.min(spec.max, Math.max(spec.default - 1, ...taken) + 1);
  }
  return props;
}

export function setEdgeProp(graph: Graph, id: string, key: string, value: PropValue): Change {
  if (graph.edges.find((e) => e.id === id)?.origin) return refused('This connection was recovered from the imported template, which keeps its settings as written: edit the template to change them');
  const edge = graph.edges.find((e) => e.id === id);
  if (!edge) return refused('That connection no longer exists');
  const rule = edgeRule(graph, edge);
  const spec = rule?.props.find((s) => s.key === key);
  if (!spec) return refused(`This connection has no property "${key}"`);
  const problem = validateValue(spec, value);
  if (problem) return refused(problem);
  if (edge.props[key] === value) return done(graph, undefined);
  const next: GraphEdge = { ...edge, props: { ...edge.props, [key]: value } };
  return done({ ...graph, edges: graph.edges.map((e) => (e.id === id ? next : e)) }, undefined);
}

export function edgeRule(graph: Graph, edge: GraphEdge) {
  const source = graph.nodes.find((n) => n.id === edge.source);
  const target = graph.nodes.find((n) => n.id === edge.target);
  return source && target ? ruleFor(source.kind, target.kind) : undefined;
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(graph: Graph, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): Change {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return done(graph, undefined);
  return done(
    {
      ...graph,
      nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
      edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
    },
    undefined,
  );
}

export function moveNodes(graph: Graph, positions: ReadonlyMap<string, Position>): Change {
  let moved = false;
  const nodes = graph.nodes.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (position.x === n.position.x && position.y === n.position.y) return n;
    moved = true;
    return { ...n, position };
  });
  return done(moved ? { ...graph, nodes } : graph, undefined);
}

export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The selected nodes and the edges between them: what copy puts on the clipboard. */
export function extractFragment(graph: Graph, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds);
  return {
    nodes: graph.nodes.filter((n) => ids.has(n.id)),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/**
 * Pastes a fragment as new nodes (fresh ids, free names, shifted by offset). Edges are re-checked
 * against the rule table in their new surroundings; the ones it refuses are reported, not drawn.
 */
export function pasteFragment(graph: Graph, fragment: Fragment, offset: Position): Change<{ nodeIds: string[]; skipped: string[] }> {
  let next = graph;
  const idMap = new Map<string, string>();
  for (const node of fragment.nodes) {
    const added = addNode(
      next,
      node.kind,
      { x: node.position.x + offset.x, y: node.position.y + offset.y },
      {
        name: uniqueName(next, node.name, true),
        props: node.props,
        ...(node.note ? { note: node.note } : {}),
      },
    );
    if (!added.ok) return added;
    idMap.set(node.id, added.value.id);
    next = added.graph;
  }
  const skipped: string[] = [];
  for (const edge of fragment.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    const linked = connect(next, source, target, { props: edge.props, ...(edge.note ? { note: edge.note } : {}) });
    if (linked.ok) next = linked.graph;
    else skipped.push(linked.error);
  }
  return done(next, { nodeIds: [...idMap.values()], skipped });
}

function replaceNode(graph: Graph, node: GraphNode): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === node.id ? node : n)) };
}

/** Where a new node may go near `wanted` without covering another one exactly (keyboard adds stack otherwise). */
export function freePosition(graph: Graph, wanted: Position, step = 32): Position {
  let position = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  const near = (p: Position) => graph.nodes.some((n) => Math.abs(n.position.x - p.x) < step / 2 && Math.abs(n.position.y - p.y) < step / 2);
  for (let i = 0; i < 200 && near(position); i++) position = { x: position.x + step, y: position.y + step };
  return position;
}
