/** A diagram from a compact description, through the same operations the designer uses (blueprints, tests). */
import { autoLayout } from './layout';
import { emptyGraph, type Graph, type Position } from './model';
import { addNode, connect, moveNodes, setNodeProp } from './operations';
import type { Props } from '../props/spec';
import type { ServiceKind } from '../services/registry';

export interface DiagramSpec {
  name?: string;
  nodes: Record<string, ServiceKind | [ServiceKind, Props]>;
  edges?: ([string, string] | [string, string, Props])[];
  /** Teaching notes by node name or by "Source->Target". */
  notes?: Record<string, string>;
  /** Arrange with the auto-layout instead of a row. */
  layout?: boolean;
  /**
   * Positions by node name, as the auto-layout placed them when they were stored (the blueprints keep
   * theirs in layouts.generated.ts, checked against the layout by a test): no layout work at load.
   */
  positions?: Record<string, Position>;
}

export function diagram(spec: DiagramSpec): Graph & { ids: Record<string, string> } {
  let graph = emptyGraph(spec.name ?? 'Test diagram');
  const ids: Record<string, string> = {};
  let x = 0;
  for (const [name, entry] of Object.entries(spec.nodes)) {
    const [kind, props] = Array.isArray(entry) ? entry : [entry, {}];
    const added = addNode(graph, kind, { x: (x += 250), y: 0 }, { name, id: `n_${name}`, note: spec.notes?.[name] });
    if (!added.ok) throw new Error(added.error);
    graph = added.graph;
    ids[name] = added.value.id;
    for (const [key, value] of Object.entries(props)) {
      const set = setNodeProp(graph, added.value.id, key, value);
      if (!set.ok) throw new Error(`${name}.${key}: ${set.error}`);
      graph = set.graph;
    }
  }
  for (const [from, to, props] of spec.edges ?? []) {
    const linked = connect(graph, ids[from], ids[to], { id: `e_${from}_${to}`, props, note: spec.notes?.[`${from}->${to}`] });
    if (!linked.ok) throw new Error(`${from} -> ${to}: ${linked.error}`);
    graph = linked.graph;
  }
  const placed = spec.positions ? new Map(Object.entries(spec.positions).map(([name, at]) => [ids[name], at])) : spec.layout ? autoLayout(graph) : undefined;
  if (placed) {
    const laid = moveNodes(graph, placed);
    if (laid.ok) graph = laid.graph;
  }
  return Object.assign(graph, { ids });
}
