'use client';

import dynamic from 'next/dynamic';
import { INLINE_CODE_LIMIT } from '@/lambda-templates';
import type { CodeEditing, GraphNode } from '@/generators';
import { useAnalysis } from '../analysis/AnalysisContext';
import { useDesigner } from '../designer/store-context';

// Loaded when a function is selected, so the designer's first load does not carry the editor.
const CodeEditor = dynamic(() => import('./CodeEditor'), { ssr: false, loading: () => <p className="text-xs text-slate-500">Loading the editor…</p> });

/** A function's code: the handler template for its triggers until the user customizes it. */
export function CodeField({ node, editing }: { node: GraphNode; editing: CodeEditing<GraphNode> }) {
  const setNodeProp = useDesigner((s) => s.setNodeProp);
  const { synthesis } = useAnalysis();
  const custom = editing.current(node);
  const generated = (synthesis.template.Resources[node.name]?.Properties?.Code as { ZipFile?: string } | undefined)?.ZipFile ?? '';
  const language = editing.language(node);
  const code = custom || generated;
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
      <CodeEditor
        value={code}
        language={language}
        label={`${node.name} code`}
        onCommit={(text) => {
          if (text === code) return;
          const change = setNodeProp(node.id, editing.prop, text === generated ? '' : text);
          if (!change.ok) setNodeProp(node.id, editing.prop, custom);
        }}
      />
      <p className={`mt-0.5 text-xs ${code.length > INLINE_CODE_LIMIT ? 'text-red-700' : 'text-slate-500'}`}>
        {code.length} / {INLINE_CODE_LIMIT} characters (inline code limit). Handler: index.handler.
      </p>
    </div>
  );
}
