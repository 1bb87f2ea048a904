'use client';

import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { locateContribution, toJson, toYaml, type LineRange } from '@/generators';
import { useAnalysis } from '../analysis/AnalysisContext';
import { downloadText } from '../designer/download';
import { useDesignerStore, useSettledSelection } from '../designer/store-context';
import { withLayout } from '@/generators/import/layout-metadata';
import { AssetsStrip } from './AssetsStrip';

type Format = 'yaml' | 'json';

const inAny = (ranges: LineRange[], line: number) => ranges.some((r) => line >= r.from && line <= r.to);
const LINE_HEIGHT = 20;
const OVERSCAN = 200;

/** The CloudFormation template of the diagram, live; the selected element's contribution is highlighted. */
export function TemplatePane() {
  const { synthesis, diagnostics } = useAnalysis();
  const store = useDesignerStore();
  const [format, setFormat] = useState<Format>('yaml');
  const [copied, setCopied] = useState(false);
  const selection = useSettledSelection();
  // Deferred: finding the lines of a selection never holds up the click or the drag that made it.
  const selectedId = useDeferredValue(selection.nodes.length + selection.edges.length === 1 ? (selection.nodes[0] ?? selection.edges[0]) : undefined);
  const text = useMemo(() => (format === 'yaml' ? toYaml(synthesis.template) : toJson(synthesis.template)), [synthesis, format]);
  const highlights = useMemo(() => locateContribution(text, selectedId ? synthesis.provenance.get(selectedId) : undefined), [text, selectedId, synthesis]);
  const lines = useMemo(() => text.replace(/\n$/, '').split('\n'), [text]);
  const scroller = useRef<HTMLElement>(null);
  const firstLine = Math.min(...[...highlights.created, ...highlights.changed, ...highlights.statements].map((r) => r.from));
  // Scroll the pane itself (scrollIntoView would also scroll the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: selecting another element scrolls to its lines even when they start on the same line
  useEffect(() => {
    const pane = scroller.current;
    if (pane && Number.isFinite(firstLine)) pane.scrollTop = Math.max(0, (firstLine - 2) * LINE_HEIGHT);
  }, [selectedId, firstLine]);
  // Only the lines near the visible part are in the page: a large template is tens of thousands of
  // lines, and that many elements would slow every frame of the canvas next to it.
  const [scrollTop, setScrollTop] = useState(0);
  const from = Math.max(0, Math.floor(scrollTop / LINE_HEIGHT) - OVERSCAN);
  const to = Math.min(lines.length, Math.ceil((scrollTop + (scroller.current?.clientHeight ?? 600)) / LINE_HEIGHT) + OVERSCAN);

  // The download carries the layout; the pane does not, so that moving a node never rewrites it.
  const download = () => {
    const template = withLayout(synthesis.template, store.getState().graph);
    downloadText(`template.${format}`, format === 'yaml' ? toYaml(template) : toJson(template), format === 'yaml' ? 'application/yaml' : 'application/json');
  };
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <section aria-label="CloudFormation template" className="flex min-h-0 min-w-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-3 py-1 text-sm">
        <fieldset className="flex gap-2">
          <legend className="sr-only">Template format</legend>
          {(['yaml', 'json'] as const).map((f) => (
            <label key={f} className="flex items-center gap-1">
              <input type="radio" name="template-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <span className="text-slate-500">
          {Object.keys(synthesis.template.Resources).length} resources
          {errors > 0 && (
            <span className="ml-2 text-red-700">
              · {errors} error{errors > 1 ? 's' : ''}: fix before deploying
            </span>
          )}
        </span>
        <span className="flex-1" />
        {selectedId && (
          <span className="text-xs text-slate-500">
            <span className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-amber-200 align-middle" /> added by the selection
            <span className="ml-2 mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-sky-100 align-middle" /> changed
            <span className="ml-2 mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-emerald-200 align-middle" /> IAM granted
          </span>
        )}
        <button type="button" className="rounded border px-2 py-0.5" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="rounded border px-2 py-0.5" onClick={download} title="With the diagram's layout in its Metadata, so importing it again restores the layout">
          Download template.{format}
        </button>
      </div>
      <AssetsStrip assets={synthesis.assets} />
      <section
        ref={scroller}
        className="relative min-h-0 flex-1 overflow-auto bg-slate-50 font-mono text-xs"
        data-testid="template-text"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus, or keyboard users cannot scroll it
        tabIndex={0}
        aria-label={`Template as ${format.toUpperCase()}`}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: lines.length * LINE_HEIGHT, position: 'relative' }}>
          <div style={{ position: 'absolute', top: from * LINE_HEIGHT, left: 0, right: 0 }}>
            {lines.slice(from, to).map((line, offset) => {
              const n = from + offset + 1;
              const cls = inAny(highlights.statements, n) ? 'bg-emerald-200' : inAny(highlights.created, n) ? 'bg-amber-200' : inAny(highlights.changed, n) ? 'bg-sky-100' : '';
              return (
                <div key={n} style={{ height: LINE_HEIGHT, lineHeight: `${LINE_HEIGHT}px` }} className={`whitespace-pre px-3 ${cls}`} data-highlight={cls ? 'yes' : undefined}>
                  {line || ' '}
                </div>
              );
            })}
          </div>
        </div>
      </section>
    </section>
  );
}
