'use client';

import { useState } from 'react';
import { useAnalysis } from '../analysis/AnalysisContext';
import { ProblemsList } from '../problems/ProblemsList';
import { TemplatePane } from '../template/TemplatePane';
import dynamic from 'next/dynamic';

// Loaded when its tab is opened: most sessions never animate.
const FlowPanel = dynamic(() => import('../flow/FlowPanel').then((m) => m.FlowPanel), { ssr: false });

type Tab = 'template' | 'problems' | 'flow';

/** Below the canvas: the live template and the problems list, in tabs; collapsible to give the canvas room. */
export function Dock() {
  const [tab, setTab] = useState<Tab>('template');
  const [open, setOpen] = useState(true);
  const { diagnostics } = useAnalysis();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const tabs: { id: Tab; label: string }[] = [
    { id: 'template', label: 'Template' },
    { id: 'problems', label: `Problems (${diagnostics.length})` },
    { id: 'flow', label: 'Event flow' },
  ];
  return (
    <div className={`flex min-h-0 min-w-0 flex-col [contain:layout_paint] border-t border-slate-300 bg-white ${open ? 'h-[40vh]' : ''}`}>
      <div role="tablist" aria-label="Output" className="flex items-center gap-1 border-b border-slate-200 px-2">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`dock-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`dock-panel-${t.id}`}
            onClick={() => {
              setTab(t.id);
              setOpen(true);
            }}
            className={`px-3 py-1.5 text-sm ${tab === t.id ? 'border-b-2 border-blue-600 font-semibold' : 'text-slate-600'} ${t.id === 'problems' && errors ? 'text-red-700' : ''}`}
          >
            {t.label}
          </button>
        ))}
        <span className="flex-1" />
        <button type="button" className="px-2 text-sm text-slate-600" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'} output
        </button>
      </div>
      {open && (
        <div role="tabpanel" id={`dock-panel-${tab}`} aria-labelledby={`dock-tab-${tab}`} className="flex min-h-0 flex-1 flex-col">
          {tab === 'template' ? <TemplatePane /> : tab === 'problems' ? <ProblemsList /> : <FlowPanel />}
        </div>
      )}
    </div>
  );
}
