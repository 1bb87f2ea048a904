/** The events a teacher can send into a node: its module's, and those its connections suggest (what their filters match). */
import { indexGraph } from '../graph/index-graph';
import type { Graph, GraphNode } from '../graph/model';
import { serviceOf } from '../services/registry';
import type { Scenario, ScenarioSeed } from './types';

/** Nodes an event can be sent into: every service the model follows (not a generic resource). */
export const canStartFlow = (node: GraphNode) => serviceOf(node.kind).modelled;

export function scenariosFor(graph: Graph, nodeId: string): Scenario[] {
  const index = indexGraph(graph);
  const node = index.node(nodeId);
  if (!node || !canStartFlow(node)) return [];
  const fromLinks = () => index.out(node).flatMap((link) => link.rule.flow.scenarios?.(link, index) ?? []);
  const list: ScenarioSeed[] = [];
  for (const seed of serviceOf(node.kind).flow.scenarios(node, { index, fromLinks })) if (!list.some((s) => s.label === seed.label)) list.push(seed);
  return list.map((s, i) => ({ ...s, id: `${node.id}:${i}`, sourceId: node.id }));
}
