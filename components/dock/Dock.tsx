'use client';

import { useState } from 'react';
import { FoldButton, ResizeHandle } from '../panels/PanelControls';
import { usePanels } from '../panels/PanelsContext';
import { useAnalysis } from '../analysis/AnalysisContext';
import { ProblemsList } from '../problems/ProblemsList';
import { TemplatePane } from '../template/TemplatePane';
import dynamic from 'next/dynamic';

// Loaded when its tab is opened: most sessions never animate.
const FlowPanel = dynamic(() => import('../flow/FlowPanel').then((m) => m.FlowPanel), { ssr: false });

type Tab = 'template' | 'problems' | 'flow';

/** Below the canvas: the live template, the problems list and the event flow, in tabs; folds to its tab strip to give the canvas room. */
export function Dock() {
  const [tab, setTab] = useState<Tab>('template');
  const { panels, shown, toggle } = usePanels();
  const open = shown('dock');
  const { diagnostics } = useAnalysis();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const tabs: { id: Tab; label: string }[] = [
    { id: 'template', label: 'Template' },
    { id: 'problems', label: `Problems (${diagnostics.length})` },
    { id: 'flow', label: 'Event flow' },
  ];
  return (
    <div className={`relative flex min-h-0 min-w-0 flex-col [contain:layout_paint] border-t border-slate-300 bg-white`} style={open ? { height: `min(${panels.dock.size}px, 70vh)` } : undefined}>
      {open && <ResizeHandle panel="dock" />}
      <div className="flex items-center gap-1 border-b border-slate-200 px-2">
        {/* The tab list owns only its tabs (a fold button inside it breaks the tablist role for screen readers). */}
        <div role="tablist" aria-label="Output" className="flex items-center gap-1">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`dock-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={open && tab === t.id ? `dock-panel-${t.id}` : undefined}
              onClick={() => {
                setTab(t.id);
                if (!open) toggle('dock');
              }}
              className={`px-3 py-1.5 text-sm ${tab === t.id ? 'border-b-2 border-blue-600 font-semibold' : 'text-slate-600'} ${t.id === 'problems' && errors ? 'text-red-700' : ''}`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="flex-1" />
        <FoldButton panel="dock" />
      </div>
      {open && (
        <div role="tabpanel" id={`dock-panel-${tab}`} aria-labelledby={`dock-tab-${tab}`} className="flex min-h-0 flex-1 flex-col">
          {tab === 'template' ? <TemplatePane /> : tab === 'problems' ? <ProblemsList /> : <FlowPanel />}
        </div>
      )}
    </div>
  );
}
