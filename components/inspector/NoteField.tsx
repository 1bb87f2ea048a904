'use client';

import { useEffect, useState } from 'react';
import { MAX_NOTE_LENGTH } from '@/generators';
import { useDesigner } from '../designer/store-context';

/** The teaching note of a node or a connection: what it does and why it is there. */
export function NoteField({ elementId, note }: { elementId: string; note: string | undefined }) {
  const setNote = useDesigner((s) => s.setNote);
  const [draft, setDraft] = useState(note ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: selecting another element starts a fresh draft, even with the same note
  useEffect(() => setDraft(note ?? ''), [note, elementId]);
  return (
    <div className="mt-3">
      <label htmlFor="element-note" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Teaching note
      </label>
      <textarea
        id="element-note"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={draft}
        placeholder="What it does and why it is there, for presenting the diagram"
        className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== (note ?? '') && setNote(elementId, draft)}
      />
    </div>
  );
}
