/**
 * A diagram's template and what a reviewer would flag about it, computed together: the page's
 * template pane and problems list, the deployer and the command line all start from this.
 */
import { diagnose } from './diagnostics/check';
import type { Diagnostic, Severity } from './diagnostics/types';
import type { Graph } from './graph/model';
import { synthesize, type Synthesis } from './template/synth';

export interface Analysis {
  synthesis: Synthesis;
  /** Errors first, then warnings, then notes. */
  diagnostics: Diagnostic[];
  /** The errors alone: any of them stops a synth or a deploy. */
  errors: Diagnostic[];
  /** The worst problem of each node and edge, and how many it has, for badges. */
  worst: Map<string, { severity: Severity; count: number }>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const cache = new WeakMap<Graph, Analysis>();

/** Memoized per graph object: graphs are immutable snapshots. */
export function analyze(graph: Graph): Analysis {
  const cached = cache.get(graph);
  if (cached) return cached;
  const synthesis = synthesize(graph);
  const diagnostics = diagnose(graph, synthesis.problems);
  const worst = new Map<string, { severity: Severity; count: number }>();
  for (const d of diagnostics)
    for (const id of [...d.nodeIds, ...d.edgeIds]) {
      const current = worst.get(id);
      worst.set(id, { severity: current && RANK[current.severity] < RANK[d.severity] ? current.severity : d.severity, count: (current?.count ?? 0) + 1 });
    }
  const analysis = { synthesis, diagnostics, errors: diagnostics.filter((d) => d.severity === 'error'), worst };
  cache.set(graph, analysis);
  return analysis;
}
