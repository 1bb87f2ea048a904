'use client';

import { createContext, useContext, useDeferredValue, useMemo, type ReactNode } from 'react';
import { analyze, type Analysis } from '@/generators';
import { useStructuralGraph } from '../designer/store-context';

const AnalysisContext = createContext<Analysis | null>(null);

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
