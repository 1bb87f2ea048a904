'use client';

import { useEffect, useState } from 'react';
import type { Graph } from '@/generators';
import { useDesigner } from '../designer/store-context';
import dynamic from 'next/dynamic';
import { CANVAS_HELP } from './help';

const CostEstimatePanel = dynamic(() => import('../cost/CostEstimate').then((m) => m.CostEstimatePanel), { ssr: false });

export function DiagramPanel({ graph }: { graph: Graph }) {
  const renameDiagram = useDesigner((s) => s.renameDiagram);
  const [draft, setDraft] = useState(graph.name);
  useEffect(() => setDraft(graph.name), [graph.name]);
  return (
    <section aria-label="Diagram properties">
      <h2 className="text-base font-semibold">Diagram</h2>
      <label htmlFor="diagram-name" className="mt-2 block text-xs font-medium text-slate-700">
        Diagram name
      </label>
      <input
        id="diagram-name"
        value={draft}
        maxLength={200}
        className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => renameDiagram(draft)}
        onKeyDown={(e) => e.key === 'Enter' && renameDiagram(draft)}
      />
      <p className="mt-3 text-sm text-slate-600">
        {graph.nodes.length} node{graph.nodes.length === 1 ? '' : 's'}, {graph.edges.length} connection{graph.edges.length === 1 ? '' : 's'}.
      </p>
      <p className="mt-3 text-sm text-slate-600">{CANVAS_HELP}</p>
      {graph.nodes.length > 0 && <CostEstimatePanel graph={graph} />}
    </section>
  );
}
