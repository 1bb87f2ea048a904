'use client';

import { createContext, useContext, useDeferredValue, useMemo, type ReactNode } from 'react';
import { diagnose, synthesize, type Diagnostic, type Severity, type Synthesis } from '@/generators';
import { useStructuralGraph } from '../designer/store-context';

export interface Analysis {
  synthesis: Synthesis;
  diagnostics: Diagnostic[];
  /** The worst problem of each node and edge, for badges. */
  worst: Map<string, { severity: Severity; count: number }>;
}

const AnalysisContext = createContext<Analysis | null>(null);
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function analyze(graph: Parameters<typeof synthesize>[0]): Analysis {
  const synthesis = synthesize(graph);
  const diagnostics = diagnose(graph, synthesis.problems);
  const worst = new Map<string, { severity: Severity; count: number }>();
  for (const d of diagnostics)
    for (const id of [...d.nodeIds, ...d.edgeIds]) {
      const current = worst.get(id);
      worst.set(id, { severity: current && RANK[current.severity] < RANK[d.severity] ? current.severity : d.severity, count: (current?.count ?? 0) + 1 });
    }
  return { synthesis, diagnostics, worst };
}

/**
 * The template and the diagnostics, recomputed when the diagram's structure changes (moving a node
 * changes neither). Deferred, so typing and dragging never wait for it.
 */
export function AnalysisProvider({ children }: { children: ReactNode }) {
  const graph = useDeferredValue(useStructuralGraph());
  const analysis = useMemo(() => analyze(graph), [graph]);
  return <AnalysisContext.Provider value={analysis}>{children}</AnalysisContext.Provider>;
}

export function useAnalysis(): Analysis {
  const analysis = useContext(AnalysisContext);
  if (!analysis) throw new Error('useAnalysis needs an AnalysisProvider');
  return analysis;
}
