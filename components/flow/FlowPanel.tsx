'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { sameStructure, serviceOf, type Graph } from '@/generators';
import { canStartFlow, scenariosFor } from '@/generators/flow/scenarios';
import { simulate, type FlowHop, type FlowTrace } from '@/generators/flow/simulate';
import { useStructuralGraph } from '../designer/store-context';
import { useStage } from '../stage/StageContext';

const SPEEDS = [0.5, 1, 2, 4] as const;
const TICK_MS = 1200;

const OUTCOME_STYLE: Record<FlowHop['outcome'], string> = {
  arrived: 'bg-emerald-100 text-emerald-900',
  delivered: 'bg-emerald-100 text-emerald-900',
  filtered: 'bg-slate-200 text-slate-700',
  waiting: 'bg-sky-100 text-sky-900',
  retried: 'bg-amber-100 text-amber-900',
  'dead-lettered': 'bg-red-100 text-red-900',
  discarded: 'bg-red-100 text-red-900',
  failed: 'bg-red-100 text-red-900',
  stopped: 'bg-red-100 text-red-900',
};

/**
 * Send an event into the diagram and watch it travel: a teaching model computed from the graph
 * and the rule table (generators/flow), played tick by tick on the canvas.
 */
export function FlowPanel() {
  // Positions play no part in a flow: a node being dragged does not re-render the panel.
  const graph = useStructuralGraph();
  const { setFlow } = useStage();
  const starts = useMemo(() => graph.nodes.filter(canStartFlow), [graph.nodes]);
  const [sourceId, setSourceId] = useState(starts[0]?.id ?? '');
  const source = starts.find((n) => n.id === sourceId) ?? starts[0];
  const scenarios = useMemo(() => (source ? scenariosFor(graph, source.id) : []), [graph, source]);
  const [scenarioId, setScenarioId] = useState('');
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0];
  const functions = graph.nodes.filter((n) => serviceOf(n.kind).flow.failable);
  const [failingId, setFailingId] = useState('');
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);
  const [trace, setTrace] = useState<FlowTrace | null>(null);
  const [position, setPosition] = useState(-1);
  const [playing, setPlaying] = useState(false);

  const ticks = useMemo(() => (trace ? [...new Set(trace.hops.map((h) => h.tick))] : []), [trace]);
  const currentTick = position >= 0 ? ticks[position] : -1;
  const done = trace !== null && position >= ticks.length - 1;

  // A changed diagram makes the trace stale: start over rather than animate what is no longer there.
  // Moving a node changes nothing the trace depends on, so the animation goes on.
  const graphAtRun = useRef<Graph | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a changed diagram resets the run, not a new trace or a new reset function
  useEffect(() => {
    if (trace && graphAtRun.current && !sameStructure(graphAtRun.current, graph)) reset();
  }, [graph]);
  useEffect(() => () => setFlow(null), [setFlow]);

  // Show the canvas as it is at the current tick.
  useEffect(() => {
    if (!trace || position < 0) return;
    const shown = trace.hops.filter((h) => h.tick <= currentTick);
    setFlow({
      reached: new Set(shown.filter((h) => h.outcome === 'delivered' || h.outcome === 'arrived').map((h) => h.to)),
      troubled: new Set(shown.filter((h) => ['failed', 'retried', 'dead-lettered', 'discarded', 'stopped'].includes(h.outcome)).map((h) => h.to)),
      moving: trace.hops
        .map((h, i) => ({ h, i }))
        .filter(({ h }) => h.tick === currentTick && h.edgeId)
        .map(({ h, i }) => ({ key: `${i}`, edgeId: h.edgeId!, count: h.count, stopsHalfway: h.outcome !== 'delivered' })),
      tickStartedAt: performance.now(),
      tickMs: TICK_MS / speed,
    });
  }, [trace, position, currentTick, speed, setFlow]);

  useEffect(() => {
    if (!playing) return;
    if (done) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setPosition((p) => p + 1), position < 0 ? 0 : TICK_MS / speed);
    return () => clearTimeout(timer);
  }, [playing, position, done, speed]);

  const start = () => {
    if (!scenario) return null;
    graphAtRun.current = graph;
    const run = simulate(graph, scenario, { failing: new Set(failingId ? [failingId] : []) });
    setTrace(run);
    return run;
  };
  const play = () => {
    if (!trace || done) {
      start();
      setPosition(-1);
    }
    setPlaying(true);
  };
  const step = () => {
    setPlaying(false);
    if (!trace || done) {
      start();
      setPosition(0);
    } else setPosition((p) => p + 1);
  };
  function reset() {
    setPlaying(false);
    setTrace(null);
    setPosition(-1);
    setFlow(null);
  }

  if (starts.length === 0) return <p className="p-3 text-sm text-slate-600">Add services to the diagram, then send an event into one of them.</p>;
  const shownHops = trace ? trace.hops.filter((h) => h.tick <= currentTick) : [];
  const nameOf = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <section aria-label="Event flow" className="flex min-h-0 flex-1 flex-col gap-2 p-2 text-sm">
      <p className="text-xs text-slate-600">
        A teaching model computed from the diagram and its connection rules, not a second AWS: it shows what each service does with an event (fan-out, filters, batches, branches, retries), in ticks
        rather than seconds.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <Choice
          id="flow-source"
          label="Send into"
          value={source?.id ?? ''}
          options={starts.map((n) => [n.id, n.name])}
          onChange={(v) => {
            setSourceId(v);
            setScenarioId('');
            reset();
          }}
        />
        <Choice
          id="flow-event"
          label="Event"
          value={scenario?.id ?? ''}
          options={scenarios.map((s) => [s.id, s.label])}
          onChange={(v) => {
            setScenarioId(v);
            reset();
          }}
        />
        <Choice
          id="flow-failing"
          label="Make a function fail"
          value={failingId}
          options={[['', 'none'], ...functions.map((n): [string, string] => [n.id, n.name])]}
          onChange={(v) => {
            setFailingId(v);
            reset();
          }}
        />
        <Choice
          id="flow-speed"
          label="Speed"
          value={String(speed)}
          options={SPEEDS.map((s): [string, string] => [String(s), `${s}×`])}
          onChange={(v) => setSpeed(Number(v) as (typeof SPEEDS)[number])}
        />
        <div className="flex gap-1">
          {playing ? (
            <button type="button" className="rounded bg-slate-700 px-2 py-1 text-white" onClick={() => setPlaying(false)}>
              Pause
            </button>
          ) : (
            <button type="button" className="rounded bg-emerald-700 px-2 py-1 text-white disabled:opacity-50" disabled={!scenario} onClick={play}>
              {trace && !done ? 'Resume' : 'Play'}
            </button>
          )}
          <button type="button" className="rounded border px-2 py-1 disabled:opacity-50" disabled={!scenario} onClick={step}>
            Step
          </button>
          <button type="button" className="rounded border px-2 py-1 disabled:opacity-50" disabled={!trace} onClick={reset}>
            Reset
          </button>
        </div>
      </div>
      <ol aria-label="Event flow log" aria-live="polite" className="min-h-0 flex-1 space-y-1 overflow-auto">
        {shownHops.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a trace's hops never reorder, so a hop's place is its identity
          <li key={i} className={`flex gap-2 ${h.tick === currentTick ? 'font-semibold' : ''}`}>
            <span className="w-8 shrink-0 text-right text-xs text-slate-500">t{h.tick}</span>
            <span className={`shrink-0 rounded px-1 text-xs ${OUTCOME_STYLE[h.outcome]}`}>{h.outcome}</span>
            <span>{h.text}</span>
          </li>
        ))}
        {done && trace && (
          <li className="pt-1 text-xs text-slate-600">
            {trace.truncated ? 'Stopped early. ' : 'Done. '}Reached: {trace.reached.map(nameOf).join(' → ')}.
          </li>
        )}
      </ol>
    </section>
  );
}

/** A labelled select (the label outside it, so its accessible name is the label alone). */
function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  return (
    <div className="flex flex-col text-xs">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="max-w-72 rounded border px-1 py-0.5 text-sm" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
