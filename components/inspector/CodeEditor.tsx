'use client';

import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

interface Props {
  value: string;
  language: 'python' | 'javascript';
  label: string;
  onCommit: (value: string) => void;
}

/** CodeMirror 6 for a function's code. Tab is left to focus moves (no indent-with-Tab), so the keyboard is never trapped. */
export default function CodeEditor({ value, language, label, onCommit }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once per language; value changes are applied below
  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          language === 'python' ? python() : javascript(),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.domEventHandlers({ blur: (_, v) => commit.current(v.state.doc.toString()) }),
          EditorView.theme({ '&': { fontSize: '12px', maxHeight: '360px' }, '.cm-scroller': { overflow: 'auto' } }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
  }, [language, label]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="mt-1 overflow-hidden rounded border border-slate-300" data-testid="code-editor" />;
}
