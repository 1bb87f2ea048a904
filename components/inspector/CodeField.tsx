'use client';

import dynamic from 'next/dynamic';
import { useState, type KeyboardEvent } from 'react';
import { INLINE_CODE_LIMIT } from '@/lambda-templates';
import type { CodeEditing, GraphNode } from '@/generators';
import { filesProblem, parseFiles } from '@/generators/services/lambda/sources';
import { useAnalysis } from '../analysis/AnalysisContext';
import { useDesigner } from '../designer/store-context';

// Loaded when a function is selected, so the designer's first load does not carry the editor.
const CodeEditor = dynamic(() => import('./CodeEditor'), { ssr: false, loading: () => <p className="text-xs text-slate-500">Loading the editor…</p> });

const languageOfPath = (path: string, main: 'python' | 'javascript') => (path.endsWith('.py') ? 'python' : /\.(c|m)?(j|t)sx?$/.test(path) ? 'javascript' : main);

/**
 * A function's code: its main file (the handler template for its triggers until the user changes
 * it) and, when the service has them, other files beside it, one tab each. A function whose code
 * fits inline stays inline; otherwise it is built into a zip when deployed.
 */
export function CodeField({ node, editing }: { node: GraphNode; editing: CodeEditing<GraphNode> }) {
  const setNodeProp = useDesigner((s) => s.setNodeProp);
  const notify = useDesigner((s) => s.notify);
  const { synthesis } = useAnalysis();
  const custom = editing.current(node);
  const language = editing.language(node);
  const main = editing.mainFile(node);
  const asset = synthesis.assets.find((a) => a.nodeId === node.id);
  const generated = asset ? '' : ((synthesis.template.Resources[node.name]?.Properties?.Code as { ZipFile?: string } | undefined)?.ZipFile ?? '');
  const code = custom || asset?.files[main] || generated;
  const filesText = editing.files ? editing.files.current(node) : '';
  const others = parseFiles(filesText) ?? {};
  const paths = [main, ...Object.keys(others).sort()];
  const [open, setOpen] = useState(main);
  const active = paths.includes(open) ? open : main;
  const [adding, setAdding] = useState<string | null>(null);

  const writeFiles = (next: Record<string, string>) => {
    const change = setNodeProp(node.id, editing.files!.prop, Object.keys(next).length ? JSON.stringify(next) : '');
    if (!change.ok) notify('error', change.error);
    return change.ok;
  };
  const commitMain = (text: string) => {
    if (text === code) return;
    const change = setNodeProp(node.id, editing.prop, text === (generated || asset?.files[main]) && !custom ? '' : text);
    if (!change.ok) notify('error', change.error);
  };
  const addFile = (path: string) => {
    const problem = filesProblem(JSON.stringify({ ...others, [path]: '' }));
    if (problem) return notify('error', problem);
    if (path in others) return notify('error', `${node.name} already has ${path}`);
    if (writeFiles({ ...others, [path]: '' })) {
      setAdding(null);
      setOpen(path);
    }
  };
  const onAddKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') addFile(event.currentTarget.value.trim());
    if (event.key === 'Escape') setAdding(null);
  };

  return (
    <div className="mt-3">
      <div className="flex items-center justify-between">
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">Code</span>
        {custom ? (
          <button type="button" className="text-xs text-blue-700 underline" onClick={() => setNodeProp(node.id, editing.prop, '')}>
            Back to the template
          </button>
        ) : (
          <span className="text-xs text-slate-500">from the template for its triggers</span>
        )}
      </div>
      {editing.files && (
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <div role="tablist" aria-label={`${node.name} files`} className="flex flex-wrap items-center gap-1">
            {paths.map((path) => (
              <button
                key={path}
                type="button"
                role="tab"
                aria-selected={path === active}
                onClick={() => setOpen(path)}
                className={`rounded-t border px-2 py-0.5 font-mono text-xs ${path === active ? 'border-b-white bg-white font-semibold' : 'bg-slate-100 text-slate-600'}`}
              >
                {path}
              </button>
            ))}
          </div>
          {adding === null ? (
            <button type="button" className="px-1 text-xs text-blue-700 underline" onClick={() => setAdding('')}>
              Add a file
            </button>
          ) : (
            // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to name a new file
            <input autoFocus aria-label="New file path" placeholder="lib/helper.js" className="w-36 rounded border px-1 font-mono text-xs" onKeyDown={onAddKey} onBlur={() => setAdding(null)} />
          )}
        </div>
      )}
      {active === main ? (
        <CodeEditor key={main} value={code} language={language} label={`${node.name} code`} onCommit={commitMain} />
      ) : (
        <>
          <CodeEditor
            key={active}
            value={others[active] ?? ''}
            language={languageOfPath(active, language)}
            label={`${node.name} ${active}`}
            onCommit={(text) => text !== others[active] && writeFiles({ ...others, [active]: text })}
          />
          <button
            type="button"
            className="mt-0.5 text-xs text-red-700 underline"
            onClick={() => {
              const { [active]: _removed, ...rest } = others;
              if (writeFiles(rest)) setOpen(main);
            }}
          >
            Remove {active}
          </button>
        </>
      )}
      <p className="mt-0.5 text-xs text-slate-500" data-testid="code-packaging">
        {asset
          ? `Built into a zip when deployed (${paths.length} file${paths.length === 1 ? '' : 's'}${Object.keys(asset.dependencies).length ? `, npm packages bundled` : ''}). Handler: index.handler.`
          : `${code.length} / ${INLINE_CODE_LIMIT} characters: inline in the template. Longer code, more files or npm packages are built into a zip when deployed. Handler: index.handler.`}
      </p>
    </div>
  );
}
