'use client';

import { useMemo, useState } from 'react';
import type { Graph } from '@/generators';
import { estimateCost, formatUsd, type CostEstimate, type Load } from '@/generators/cost/estimate';
import { PRICE_TABLE } from '@/generators/cost/prices';
import { useStage } from '../stage/StageContext';

const FIELDS: { key: keyof Load; label: string; unit: string; max: number }[] = [
  { key: 'requestsPerMonth', label: 'Requests per month', unit: '', max: 1e12 },
  { key: 'averagePayloadKB', label: 'Average payload', unit: 'KB', max: 1024 * 1024 },
  { key: 'storageGB', label: 'Storage per bucket and table', unit: 'GB', max: 1e7 },
  { key: 'averageDurationMs', label: 'Function run time', unit: 'ms', max: 900_000 },
];

/** The load the estimate is for: shared with presentation mode. */
function LoadFields() {
  const { load, setLoad } = useStage();
  return (
    <fieldset className="mt-2 grid grid-cols-2 gap-2">
      <legend className="sr-only">Load</legend>
      {FIELDS.map((f) => (
        <label key={f.key} className="flex flex-col text-xs text-slate-700">
          {f.label}
          {f.unit ? ` (${f.unit})` : ''}
          <input
            type="number"
            min={0}
            max={f.max}
            step="any"
            value={load[f.key]}
            className="mt-0.5 rounded border border-slate-300 px-1.5 py-0.5 text-sm"
            onChange={(e) => {
              const value = Number(e.target.value);
              // A half-typed or impossible number keeps the last good load instead of showing NaN dollars.
              if (e.target.value !== '' && Number.isFinite(value) && value >= 0 && value <= f.max) setLoad({ ...load, [f.key]: value });
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}

const lastEstimate = new WeakMap<Graph, { load: Load; estimate: CostEstimate }>();

/**
 * The estimate of a diagram at a load, computed once for both the diagram's panel and a node's:
 * selecting a node (as a drag does) then costs nothing in a 2,000-node diagram.
 */
export function useCostEstimate(graph: Graph): CostEstimate {
  const { load } = useStage();
  return useMemo(() => {
    const cached = lastEstimate.get(graph);
    if (cached?.load === load) return cached.estimate;
    const estimate = estimateCost(graph, load);
    lastEstimate.set(graph, { load, estimate });
    return estimate;
  }, [graph, load]);
}

/** Lines shown before "Show all": a long table would make the panel, and every change to it, slow. */
const COST_LINES_SHOWN = 50;

/** The estimate as a table. */
export function CostTable({ graph, compact = false }: { graph: Graph; compact?: boolean }) {
  const estimate = useCostEstimate(graph);
  const [showAll, setShowAll] = useState(false);
  // A long estimate shows its costliest services first, the rest on request; the total is always all of them.
  const lines = useMemo(
    () => (showAll || estimate.lines.length <= COST_LINES_SHOWN ? estimate.lines : [...estimate.lines].sort((a, b) => b.usd - a.usd).slice(0, COST_LINES_SHOWN)),
    [estimate, showAll],
  );
  const hidden = estimate.lines.length - lines.length;
  return (
    <div className="text-sm">
      <table className="mt-2 w-full" aria-label="Monthly cost by service">
        <tbody>
          {lines.map((line) => (
            <tr key={line.nodeId} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                {line.name} <span className="text-xs text-slate-500">{line.service}</span>
                {!compact && line.items.length > 0 && (
                  <ul className="text-xs text-slate-500">
                    {line.items.map((i) => (
                      <li key={i.label}>
                        {i.label}: {Math.round(i.quantity * 100) / 100 >= 1000 ? Math.round(i.quantity).toLocaleString('en-US') : Number(i.quantity.toPrecision(4))} {i.unit} = {formatUsd(i.usd)}
                      </li>
                    ))}
                  </ul>
                )}
                {line.note && <div className="text-xs text-slate-500">{line.note}</div>}
              </th>
              <td className="whitespace-nowrap py-0.5 text-right tabular-nums">{formatUsd(line.usd)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="pt-1 text-left">
              Total per month
            </th>
            <td className="pt-1 text-right font-semibold tabular-nums" data-testid="cost-total">
              {formatUsd(estimate.totalUsd)}
            </td>
          </tr>
        </tfoot>
      </table>
      {hidden > 0 && (
        <p className="mt-1 text-xs text-slate-600">
          The {lines.length} costliest of {estimate.lines.length} services.{' '}
          <button type="button" className="text-blue-700 underline" onClick={() => setShowAll(true)}>
            Show all {estimate.lines.length}
          </button>
        </p>
      )}
      <p className="mt-1 text-xs text-slate-500">
        {PRICE_TABLE.region} list prices ({PRICE_TABLE.asOf}), stored offline in the app. {estimate.assumptions.join(' ')}
      </p>
    </div>
  );
}

/** The inspector's estimate: the load, then the cost of each service and the total. */
export function CostEstimatePanel({ graph }: { graph: Graph }) {
  return (
    <section aria-label="Cost estimate" className="mt-4 border-t border-slate-200 pt-3">
      <h3 className="text-sm font-semibold">Monthly cost estimate</h3>
      <LoadFields />
      <CostTable graph={graph} />
    </section>
  );
}

/** One node's share of the estimate, in its own panel. */
export function NodeCost({ graph, nodeId }: { graph: Graph; nodeId: string }) {
  const { load } = useStage();
  const estimate = useCostEstimate(graph);
  const line = useMemo(() => estimate.lines.find((l) => l.nodeId === nodeId), [estimate, nodeId]);
  if (!line) return null;
  if (line.items.length === 0) return <p className="mt-3 text-xs text-slate-600">Cost: {line.note ?? 'nothing to estimate'}.</p>;
  return (
    <p className="mt-3 text-xs text-slate-600">
      Cost: about <strong>{formatUsd(line.usd)}</strong> a month at {load.requestsPerMonth.toLocaleString('en-US')} requests
      {line.items.length ? ` (${line.items.map((i) => `${i.label.charAt(0).toLowerCase()}${i.label.slice(1)} ${formatUsd(i.usd)}`).join(', ')})` : ''}
      {line.note ? `; ${line.note}` : ''}. The load is set in the diagram panel (click the empty canvas).
    </p>
  );
}
