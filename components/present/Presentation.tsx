'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { presentationSteps, type PresentationStep } from '@/generators/teaching/steps';
import { formatUsd } from '@/generators/cost/estimate';
import { useDesigner } from '../designer/store-context';
import { useStage } from '../stage/StageContext';
import { CostTable, useCostEstimate } from '../cost/CostEstimate';
import { useFrame } from '../canvas/useFrame';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/**
 * Presentation mode: the canvas alone, full screen, stepping through the diagram's teaching notes
 * in the order events travel. Arrow keys, PageUp/PageDown (what presentation clickers send), space
 * and Enter move; Home and End jump; Escape leaves. The last step is the monthly cost estimate.
 */
export function Presentation({ onExit }: { onExit: () => void }) {
  const graph = useDesigner((s) => s.graph);
  const { setSpotlight, load } = useStage();
  const { fitView } = useReactFlow();
  const frame = useFrame();
  const cost = useCostEstimate(graph);
  const steps = useMemo<(PresentationStep & { cost?: boolean })[]>(
    () => [
      ...presentationSteps(graph),
      {
        title: 'What it costs',
        text: `About ${formatUsd(cost.totalUsd)} a month for ${load.requestsPerMonth.toLocaleString('en-US')} requests of ${load.averagePayloadKB} KB.`,
        nodeIds: graph.nodes.map((n) => n.id),
        edgeIds: graph.edges.map((e) => e.id),
        cost: true,
      },
    ],
    [graph, cost, load],
  );
  const [index, setIndex] = useState(0);
  const step = steps[Math.min(index, steps.length - 1)];
  const caption = useRef<HTMLElement>(null);

  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(steps.length - 1, to))), [steps.length]);

  useEffect(() => {
    const whole = step.nodeIds.length === graph.nodes.length;
    setSpotlight(whole ? null : { nodes: new Set(step.nodeIds), edges: new Set(step.edgeIds) });
    // The whole diagram as large as the screen allows; a step's few services with room around them.
    requestAnimationFrame(() => (whole ? frame({ duration: 350 }) : fitView({ nodes: step.nodeIds.map((id) => ({ id })), padding: 0.6, maxZoom: 1.4, duration: 350 })));
  }, [step, graph.nodes.length, setSpotlight, fitView, frame]);

  useEffect(() => {
    caption.current?.focus();
    document.documentElement.requestFullscreen?.().catch(() => {
      // Refused (no user gesture, or not allowed): the page still shows the canvas alone.
    });
    return () => {
      setSpotlight(null);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [setSpotlight]);

  useEffect(() => {
    // Capture phase, before the designer's shortcuts: while presenting, keys steer the talk and
    // never edit the diagram (Backspace goes back instead of deleting).
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      const handled = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      if (event.key === 'Escape') {
        handled();
        onExit();
      } else if (NEXT_KEYS.has(event.key) && !(event.key === ' ' && event.shiftKey)) {
        if (event.key === 'Enter' && target?.tagName === 'BUTTON') return;
        handled();
        go(index + 1);
      } else if (PREVIOUS_KEYS.has(event.key) || (event.key === ' ' && event.shiftKey)) {
        handled();
        go(index - 1);
      } else if (event.key === 'Home') {
        handled();
        go(0);
      } else if (event.key === 'End') {
        handled();
        go(steps.length - 1);
      } else if (event.key !== 'Tab') event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [go, index, steps.length, onExit]);

  return (
    <section
      ref={caption}
      tabIndex={-1}
      aria-roledescription="presentation"
      aria-label={`Presentation of ${graph.name}`}
      className="border-t border-slate-300 bg-white px-6 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] outline-none"
    >
      <div className="mx-auto flex max-w-5xl items-start gap-4">
        <div className="min-w-0 flex-1" aria-live="polite">
          <p className="text-xs text-slate-500">
            Step {Math.min(index, steps.length - 1) + 1} of {steps.length}
          </p>
          <h2 className="text-lg font-semibold" data-testid="presentation-title">
            {step.title}
          </h2>
          <p className="mt-1 text-base text-slate-800" data-testid="presentation-text">
            {step.text}
          </p>
          {step.cost && (
            <div className="mt-1 max-h-[30vh] overflow-auto">
              <CostTable graph={graph} compact />
            </div>
          )}
        </div>
        <div className="flex shrink-0 flex-col items-end gap-2">
          <div className="flex gap-1">
            <button type="button" className="rounded border px-3 py-1 text-sm disabled:opacity-40" disabled={index === 0} onClick={() => go(index - 1)}>
              Previous
            </button>
            <button type="button" className="rounded bg-blue-600 px-3 py-1 text-sm text-white disabled:opacity-40" disabled={index >= steps.length - 1} onClick={() => go(index + 1)}>
              Next
            </button>
          </div>
          <button type="button" className="text-sm text-slate-600 underline" onClick={onExit}>
            Exit presentation (Esc)
          </button>
          <p className="text-xs text-slate-500">≈ {formatUsd(cost.totalUsd)} / month</p>
        </div>
      </div>
    </section>
  );
}
