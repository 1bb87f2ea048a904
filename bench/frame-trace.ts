/**
 * Where a page's main thread spends its time, from a Chromium performance trace: each trace event's
 * own time (its duration less its children's), grouped as DevTools' summary groups them.
 */
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const GROUPS: Record<string, string> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  EventDispatch: 'scripting',
  TimerFire: 'scripting',
  FireAnimationFrame: 'scripting',
  RunMicrotasks: 'scripting',
  V8GCCompleted: 'scripting',
  MajorGC: 'scripting',
  MinorGC: 'scripting',
  'V8.GC_SCAVENGER': 'scripting',
  UpdateLayoutTree: 'style and layout',
  ScheduleStyleRecalculation: 'style and layout',
  Layout: 'style and layout',
  HitTest: 'style and layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
};

export type FrameSplit = Record<string, number>;

/** Runs `work` with tracing on and returns the renderer main thread's own time per group, in ms. */
export async function traceMainThread(browser: Browser, page: Page, work: () => Promise<void>): Promise<FrameSplit> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  await work();
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const spans = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const split: FrameSplit = {};
  // Own time: a span's duration less the spans nested in it (the trace nests them on one thread).
  const open: { end: number; group: string; own: number }[] = [];
  const close = (until: number) => {
    while (open.length && open[open.length - 1].end <= until) {
      const done = open.pop()!;
      split[done.group] = (split[done.group] ?? 0) + done.own / 1000;
    }
  };
  for (const span of spans) {
    close(span.ts);
    const parent = open[open.length - 1];
    if (parent) parent.own -= span.dur!;
    open.push({ end: span.ts + span.dur!, group: GROUPS[span.name] ?? (parent?.group || 'other'), own: span.dur! });
  }
  close(Number.POSITIVE_INFINITY);
  return split;
}
