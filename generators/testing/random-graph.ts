/**
 * Random valid diagrams for property tests: random kinds and property choices, random attempted
 * connections (the rule table refuses what it refuses), then anything the diagnostics call an
 * error is removed, so every graph produced is one a user could deploy.
 */
import fc from 'fast-check';
import { hasErrors, diagnose } from '../diagnostics/check';
import { emptyGraph, type Graph } from '../graph/model';
import { addNode, connect, removeElements, setEdgeProp, setNodeProp } from '../graph/operations';
import type { PropSpec, PropValue } from '../props/spec';
import { edgeRule } from '../graph/operations';
import { PALETTE_KINDS, serviceOf } from '../services/registry';

interface Recipe {
  nodes: { kind: number; variant: number }[];
  edges: { from: number; to: number; variant: number }[];
}

/**
 * A choice among a field's values driven by one number: enums and booleans vary, a field naming a
 * node names one of the diagram's (or none), other text and numbers keep their defaults.
 */
function variantValue(spec: PropSpec, variant: number, graph: Graph): PropValue | undefined {
  if (spec.type === 'string' && spec.names) {
    const named = graph.nodes.filter((n) => spec.names!.includes(n.kind));
    const pick = variant % (named.length + 1);
    return pick === named.length ? '' : named[pick].name;
  }
  if (spec.type === 'enum') {
    const offered = spec.options.filter((o) => !o.hidden);
    return offered[variant % offered.length].value;
  }
  if (spec.type === 'boolean') return variant % 2 === 1;
  if (spec.type === 'string' && spec.key === 'prefix' && spec.optional) return variant % 3 === 0 ? `in${variant % 7}/` : '';
  return undefined;
}

export function graphFromRecipe(recipe: Recipe): Graph {
  let graph = emptyGraph('Random diagram');
  const ids: string[] = [];
  for (const { kind, variant } of recipe.nodes) {
    const k = PALETTE_KINDS[kind % PALETTE_KINDS.length];
    const added = addNode(graph, k, { x: ids.length * 250, y: 0 });
    if (!added.ok) continue;
    graph = added.graph;
    ids.push(added.value.id);
    serviceOf(k).props.forEach((spec, i) => {
      if (spec.key === 'code') return;
      const value = variantValue(spec, variant >> i, graph);
      if (value === undefined) return;
      const set = setNodeProp(graph, added.value.id, spec.key, value);
      if (set.ok) graph = set.graph;
    });
  }
  if (ids.length === 0) return graph;
  for (const { from, to, variant } of recipe.edges) {
    const linked = connect(graph, ids[from % ids.length], ids[to % ids.length]);
    if (!linked.ok) continue;
    graph = linked.graph;
    edgeRule(graph, linked.value)?.props.forEach((spec, i) => {
      const value = variantValue(spec, variant >> i, graph);
      if (value === undefined) return;
      const set = setEdgeProp(graph, linked.value.id, spec.key, value);
      if (set.ok) graph = set.graph;
    });
  }
  // Remove what the diagnostics reject, edges before nodes, until nothing is an error.
  for (let round = 0; round < 50; round++) {
    const errors = diagnose(graph).filter((d) => d.severity === 'error');
    if (errors.length === 0) break;
    const first = errors[0];
    const removed = first.edgeIds.length ? removeElements(graph, [], first.edgeIds) : removeElements(graph, first.nodeIds.slice(-1));
    if (removed.ok) graph = removed.graph;
  }
  if (hasErrors(diagnose(graph))) throw new Error('internal: could not repair a random graph');
  return graph;
}

export const recipeArbitrary = (maxNodes = 10): fc.Arbitrary<Recipe> =>
  fc.record({
    nodes: fc.array(fc.record({ kind: fc.nat(), variant: fc.nat() }), { minLength: 1, maxLength: maxNodes }),
    edges: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), variant: fc.nat() }), { maxLength: maxNodes * 2 }),
  });

export const validGraphArbitrary = (maxNodes = 10) => recipeArbitrary(maxNodes).map(graphFromRecipe);
