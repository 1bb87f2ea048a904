'use client';

import { MarkerType, type Edge } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import { COMPACT_LABEL_FONT, edgeRule, LABEL_FONT, ruleFor, serviceOf, type Graph, type GraphEdge, type GraphNode } from '@/generators';
import type { Selection } from '@/store/designer';
import type { ServiceFlowNode } from './ServiceNode';
import type { EdgeLabelLook } from './edge-label-look';

type Size = { width: number; height: number };

const EDGE_COLOR = '#94a3b8';

/**
 * Turns the diagram into React Flow's nodes and edges, reusing the previous object whenever nothing
 * it shows has changed: React Flow then skips those elements, which keeps dragging in a large
 * diagram smooth. Measured sizes are carried over so React Flow never has to measure twice.
 * `compact` (zoomed out) is handed to every node here, from the canvas's one subscription to the
 * zoom, rather than each node subscribing: React Flow would otherwise run 2,000 more selectors at
 * every step of a drag in a 2,000-node diagram.
 */
export function useFlowNodes(graph: Graph, selection: Selection, measured: ReadonlyMap<string, Size>, version: number, compact: boolean, plainName = false) {
  const cache = useRef(new Map<string, { source: GraphNode; selected: boolean; compact: boolean; plainName: boolean; size?: Size; flow: ServiceFlowNode }>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when measured sizes (a mutable map) do
  return useMemo(() => {
    const selected = new Set(selection.nodes);
    // Updated in place, not copied: a step of a drag changes one entry of thousands, and a new map
    // per step was most of what the canvas allocated (and the garbage collector then reclaimed) while dragging.
    const entries = cache.current;
    const nodes = graph.nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const hit = entries.get(node.id);
      if (hit && hit.source === node && hit.selected === isSelected && hit.compact === compact && hit.plainName === plainName && hit.size === size) return hit.flow;
      const flow: ServiceFlowNode = {
        id: node.id,
        type: 'service',
        position: node.position,
        data: { kind: node.kind, name: node.name, subtitle: serviceOf(node.kind).subtitle(node), compact, ...(plainName ? { plainName } : {}) },
        selected: isSelected,
        ariaLabel: node.name,
        ...(size ? { measured: size } : {}),
      };
      entries.set(node.id, { source: node, selected: isSelected, compact, plainName, size, flow });
      return flow;
    });
    // The entries of removed nodes go (a drag removes none, so its steps skip this).
    if (entries.size > nodes.length) {
      const present = new Set(graph.nodes.map((n) => n.id));
      for (const id of entries.keys()) if (!present.has(id)) entries.delete(id);
    }
    return nodes;
    // version changes when a size is measured (the map itself is mutated in place)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph.nodes, selection.nodes, measured, version, compact, plainName]);
}

export function edgeLabel(graph: Graph, edge: GraphEdge): string {
  return edgeRule(graph, edge)?.label(edge.props) ?? '';
}

interface CachedEdge {
  source: GraphEdge;
  selected: boolean;
  look: EdgeLabelLook;
  problem: string | undefined;
  from: GraphNode;
  to: GraphNode;
  flow: Edge;
}

/** Whether two node lists differ at most in positions: what an edge shows of its ends is their names and kinds. */
function sameEnds(a: readonly GraphNode[], b: readonly GraphNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x !== y && (x.id !== y.id || x.name !== y.name || x.kind !== y.kind)) return false;
  }
  return true;
}

/** `look`: zoomed out, labels are drawn larger to stay readable, and further out not at all. */
export function useFlowEdges(graph: Graph, selection: Selection, problems: ReadonlyMap<string, { severity: string }>, look: EdgeLabelLook) {
  const cache = useRef(new Map<string, CachedEdge>());
  const last = useRef<Edge[]>([]);
  const inputs = useRef<{ graph: Graph; selected: readonly string[]; problems: typeof problems; look: EdgeLabelLook } | null>(null);
  return useMemo(() => {
    const before = inputs.current;
    inputs.current = { graph, selected: selection.edges, problems, look };
    // A step of a drag moves nodes and nothing else: every edge looks as it did, without a pass over them.
    if (before && before.graph.edges === graph.edges && before.selected === selection.edges && before.problems === problems && before.look === look && sameEnds(before.graph.nodes, graph.nodes))
      return last.current;
    const selected = new Set(selection.edges);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const next = new Map<string, CachedEdge>();
    const edges: Edge[] = [];
    let changed = false;
    for (const edge of graph.edges) {
      const from = byId.get(edge.source);
      const to = byId.get(edge.target);
      if (!from || !to) continue;
      const isSelected = selected.has(edge.id);
      const problem = problems.get(edge.id)?.severity;
      const hit = cache.current.get(edge.id);
      // A moved node is a new object with the same name and kind: the edge looks the same.
      if (
        hit &&
        hit.source === edge &&
        hit.selected === isSelected &&
        hit.look === look &&
        hit.problem === problem &&
        hit.from.name === from.name &&
        hit.to.name === to.name &&
        hit.from.kind === from.kind &&
        hit.to.kind === to.kind
      ) {
        next.set(edge.id, { ...hit, from, to });
        if (last.current[edges.length] !== hit.flow) changed = true;
        edges.push(hit.flow);
        continue;
      }
      changed = true;
      const label = ruleFor(from.kind, to.kind)?.label(edge.props) ?? '';
      const flow: Edge = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        ...(look === 'hidden' ? {} : { label }),
        ariaLabel: `${from.name} ${label} ${to.name}`,
        selected: isSelected,
        ...(problem ? { className: `problem-${problem}` } : {}),
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: EDGE_COLOR },
        labelBgPadding: [4, 2],
        labelBgBorderRadius: 4,
        // Inline colours, not React Flow's CSS variables: exported images are rendered without them.
        style: { stroke: EDGE_COLOR, strokeWidth: 1.5 },
        labelStyle: { fontSize: look === 'normal' ? LABEL_FONT : COMPACT_LABEL_FONT, fill: '#334155' },
        labelBgStyle: { fill: '#ffffff' },
      };
      next.set(edge.id, { source: edge, selected: isSelected, look, problem, from, to, flow });
      edges.push(flow);
    }
    cache.current = next;
    // The same list when every edge looks the same (a node moved): React Flow then keeps its edge
    // lookups instead of rebuilding them for every edge at each step of a drag.
    if (!changed && edges.length === last.current.length) return last.current;
    last.current = edges;
    return edges;
  }, [graph, selection.edges, problems, look]);
}
