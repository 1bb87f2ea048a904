import type { Graph, ServiceKind } from '../generators';

export interface Blueprint {
  /** Stable id, used on the command line (`eventform synth website`). */
  id: string;
  title: string;
  /** One paragraph for the gallery. */
  description: string;
  graph: Graph;
}

/**
 * A blueprint whose diagram is built (and laid out) when it is first asked for: the command line
 * deploys one blueprint and the gallery shows them on demand, so nobody pays for all four at start.
 */
export function blueprint(spec: Omit<Blueprint, 'graph'> & { graph: () => Graph }): Blueprint {
  const { graph: build, ...about } = spec;
  let built: Graph | undefined;
  return {
    ...about,
    get graph() {
      built ??= build();
      return built;
    },
  };
}

export const servicesOf = (blueprint: Blueprint): ServiceKind[] => [...new Set(blueprint.graph.nodes.map((n) => n.kind))].sort();
