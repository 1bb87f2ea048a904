'use client';

import type { Severity } from '@/generators';
import { useAnalysis } from '../analysis/AnalysisContext';
import { useDesigner } from '../designer/store-context';

export const SEVERITY_STYLE: Record<Severity, { label: string; className: string }> = {
  error: { label: 'Error', className: 'bg-red-600 text-white' },
  warning: { label: 'Warning', className: 'bg-amber-400 text-slate-900' },
  info: { label: 'Note', className: 'bg-sky-200 text-slate-900' },
};

/** Every diagnostic of the diagram; choosing one selects what it is about. */
export function ProblemsList() {
  const { diagnostics } = useAnalysis();
  const select = useDesigner((s) => s.select);
  if (diagnostics.length === 0) return <p className="p-3 text-sm text-slate-600">No problems: the template is ready to deploy.</p>;
  return (
    <ul aria-label="Problems" className="min-h-0 overflow-auto p-2 text-sm">
      {diagnostics.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two findings may share code and message; the list is replaced, never reordered
        <li key={`${d.code}-${i}`}>
          <button type="button" className="flex w-full items-start gap-2 rounded px-2 py-1 text-left hover:bg-slate-100" onClick={() => select({ nodes: d.nodeIds, edges: d.edgeIds })}>
            <span className={`mt-0.5 shrink-0 rounded px-1.5 text-xs font-semibold ${SEVERITY_STYLE[d.severity].className}`}>{SEVERITY_STYLE[d.severity].label}</span>
            <span>{d.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
