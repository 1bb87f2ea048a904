'use client';

import { useMemo } from 'react';
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

/** The estimate as a table; pass `estimate` when the caller has computed it already. */
export function CostTable({ graph, compact = false, estimate: given }: { graph: Graph; compact?: boolean; estimate?: CostEstimate }) {
  const { load } = useStage();
  const computed = useMemo(() => (given ? undefined : estimateCost(graph, load)), [given, graph, load]);
  const estimate = given ?? computed!;
  return (
    <div className="text-sm">
      <table className="mt-2 w-full" aria-label="Monthly cost by service">
        <tbody>
          {estimate.lines.map((line) => (
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
  const line = useMemo(() => estimateCost(graph, load).lines.find((l) => l.nodeId === nodeId), [graph, load, nodeId]);
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
