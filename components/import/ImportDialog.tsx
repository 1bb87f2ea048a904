'use client';

import { useEffect, useRef, useState } from 'react';
import { useOpenText } from './useOpenText';

/** Paste a CloudFormation or SAM template (YAML or JSON) to draw it; files go through Open or a drop. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const openText = useOpenText();
  useEffect(() => field.current?.focus(), []);

  const submit = async () => {
    setBusy(true);
    const opened = await openText('pasted template', text);
    setBusy(false);
    // On failure the dialog stays, with the text, so it can be fixed where the notice says.
    if (opened) onClose();
  };

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-auto bg-slate-900/40 p-6">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        className="flex w-full max-w-3xl flex-col gap-3 rounded-lg bg-white p-5 shadow-xl"
      >
        <div className="flex items-center justify-between">
          <h2 id="import-title" className="text-lg font-semibold">
            Import a CloudFormation or SAM template
          </h2>
          <button type="button" className="rounded border px-2 py-0.5 text-sm" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="text-sm text-slate-600">
          Paste a template below, or drop a template file on the canvas, or choose one with Open. Everything it holds is kept: Parameters, Conditions, Outputs and every resource Eventform does not
          draw as a service. Only what you edit changes.
        </p>
        <textarea
          ref={field}
          aria-label="Template text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          rows={18}
          className="w-full rounded border border-slate-300 p-2 font-mono text-xs"
          placeholder={'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  ...'}
        />
        <div className="flex justify-end gap-2">
          <button type="button" className="rounded bg-blue-600 px-3 py-1 text-sm text-white disabled:opacity-50" disabled={!text.trim() || busy} onClick={submit}>
            Import
          </button>
        </div>
      </div>
    </div>
  );
}
