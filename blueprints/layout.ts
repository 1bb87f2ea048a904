import { autoLayout } from '../generators/graph/layout';
import type { Position } from '../generators/graph/model';
import type { Blueprint } from './types';

/** Where the auto-layout places a blueprint's nodes, by node name (what layouts.generated.ts stores). */
export function blueprintLayout(blueprint: Blueprint): Record<string, Position> {
  const { graph } = blueprint;
  const positions = autoLayout(graph);
  return Object.fromEntries(graph.nodes.map((node) => [node.name, positions.get(node.id)!]));
}
