'use client';

import { createContext, useContext, useDeferredValue, useMemo, type ReactNode } from 'react';
import { analyze, type Analysis, type Diagnostic, type Graph } from '@/generators';
import { useStructuralGraph } from '../designer/store-context';

const AnalysisContext = createContext<Analysis | null>(null);

/**
 * The template and the diagnostics, recomputed when the diagram's structure changes (moving a node
 * changes neither). Deferred, so typing and dragging never wait for it.
 */
export function AnalysisProvider({ children }: { children: ReactNode }) {
  const graph = useDeferredValue(useStructuralGraph());
  const analysis = useMemo(() => analyzeSafely(graph), [graph]);
  return <AnalysisContext.Provider value={analysis}>{children}</AnalysisContext.Provider>;
}

/**
 * The analysis, or, if writing the template fails on some diagram, an empty template and a problem
 * that says so: the designer goes on, and the diagram can still be saved.
 */
function analyzeSafely(graph: Graph): Analysis {
  try {
    return analyze(graph);
  } catch (error) {
    const problem: Diagnostic = {
      severity: 'error',
      code: 'synthesis-failed',
      message: `The template could not be written: ${(error as Error).message}. Save the diagram and report it.`,
      nodeIds: [],
      edgeIds: [],
    };
    return {
      synthesis: { template: { AWSTemplateFormatVersion: '2010-09-09', Description: graph.name, Resources: {} }, provenance: new Map(), problems: [], assets: [] },
      diagnostics: [problem],
      errors: [problem],
      worst: new Map(),
    };
  }
}

export function useAnalysis(): Analysis {
  const analysis = useContext(AnalysisContext);
  if (!analysis) throw new Error('useAnalysis needs an AnalysisProvider');
  return analysis;
}
