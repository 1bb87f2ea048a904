'use client';

import { useMemo } from 'react';
import { toYaml, type CfnValue, type Graph, type GraphEdge, type GraphNode, type PropSpec, type PropValue, type Template } from '@/generators';

/** Where an imported node came from: its resources, exactly as the template writes them (read-only). */
export function NodeOrigin({ graph, node }: { graph: Graph; node: GraphNode }) {
  const origin = node.origin!;
  const resources = (graph.template?.Resources ?? {}) as Record<string, { Type?: string }>;
  const yaml = useMemo(() => toYaml(Object.fromEntries(origin.logicalIds.map((id) => [id, resources[id] as unknown as CfnValue])) as unknown as Template), [origin.logicalIds, resources]);
  return (
    <section className="mt-3 rounded border border-slate-200 bg-slate-50 p-2 text-sm" aria-label="From the imported template">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">From the imported template</h3>
      {origin.logicalIds.length === 0 ? (
        <p className="mt-1 text-slate-700">No resource of the template: the template names it (its settings below, as written), and export adds nothing for it.</p>
      ) : (
        <NodeResources origin={origin} resources={resources} yaml={yaml} />
      )}
    </section>
  );
}

function NodeResources({ origin, resources, yaml }: { origin: NonNullable<GraphNode['origin']>; resources: Record<string, { Type?: string }>; yaml: string }) {
  return (
    <>
      <p className="mt-1 text-slate-700">
        {origin.logicalIds[0]} ({resources[origin.logicalIds[0]]?.Type})
        {origin.logicalIds.length > 1 ? ` with ${origin.logicalIds.length - 1} resource${origin.logicalIds.length > 2 ? 's' : ''} of its own: ${origin.logicalIds.slice(1).join(', ')}` : ''}.
      </p>
      <p className="mt-1 text-xs text-slate-600">Export writes these back as they are, changing only the fields above that you edit. Everything else stays as the template has it.</p>
      <details className="mt-1">
        <summary className="cursor-pointer text-xs text-blue-700">Show the resources</summary>
        <pre className="mt-1 max-h-72 overflow-auto whitespace-pre rounded bg-white p-2 font-mono text-[11px] leading-4">{yaml}</pre>
      </details>
    </>
  );
}

/** What an imported edge was recovered from; its settings stay as the template has them. */
export function EdgeOrigin({ edge, specs }: { edge: GraphEdge; specs: readonly PropSpec[] }) {
  const origin = edge.origin!;
  return (
    <section className="mt-3 rounded border border-slate-200 bg-slate-50 p-2 text-sm" aria-label="Recovered from the imported template">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Recovered from the imported template</h3>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs text-slate-700">
        {origin.evidence.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {specs.map((spec) => {
          const written = origin.written?.[spec.key];
          return (
            <div key={spec.key} className="contents">
              <dt className="text-slate-500">{spec.label}</dt>
              <dd className="break-all text-slate-800" data-testid={written ? 'as-written' : undefined}>
                {written ? `${written.value} (as in the template: ${written.why})` : shown(edge.props[spec.key])}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="mt-1 text-xs text-slate-600">
        Its settings are the template&apos;s: edit the template to change them. Deleting the connection removes {origin.logicalIds.length ? origin.logicalIds.join(', ') : 'nothing from the template'}.
      </p>
    </section>
  );
}

const shown = (value: PropValue | undefined) => (value === undefined || value === '' ? 'none' : typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value));
