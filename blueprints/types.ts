import type { Graph, ServiceKind } from '../generators';

export interface Blueprint {
  /** Stable id, used on the command line (`eventform synth website`). */
  id: string;
  title: string;
  /** One paragraph for the gallery. */
  description: string;
  graph: Graph;
}

export const servicesOf = (blueprint: Blueprint): ServiceKind[] => [...new Set(blueprint.graph.nodes.map((n) => n.kind))].sort();
