'use client';

import { useState } from 'react';
import { forgetBrokenSave } from '@/store/autosave';
import { downloadText } from '../designer/download';

/** Shown when the saved diagram could not be read: the broken copy is kept until the user lets it go. */
export function RecoveryBanner({ error, brokenCopy }: { error: string; brokenCopy: string }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
      <span>Your saved diagram could not be restored ({error}). A copy of it has been kept; you are starting from an empty canvas.</span>
      <button type="button" className="rounded border border-amber-400 bg-white px-2 py-0.5" onClick={() => downloadText('broken-autosave.eventform.json', brokenCopy)}>
        Download broken copy
      </button>
      <button
        type="button"
        className="underline"
        onClick={() => {
          forgetBrokenSave(window.localStorage);
          setOpen(false);
        }}
      >
        Discard it
      </button>
    </div>
  );
}
