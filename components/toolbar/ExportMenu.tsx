'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { Action } from '../actions/actions';
import { ActionButton } from '../actions/ActionButton';

/**
 * The exports (CDK app, SAM template, PNG, SVG) behind one toolbar button, so the toolbar keeps to
 * one row and the canvas its room: a disclosure (the button says whether it is open; Escape or a
 * click elsewhere closes it and gives the focus back).
 */
export function ExportMenu({ actions }: { actions: Action[] }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the open list closes it; the controls inside are buttons
    <div
      ref={box}
      className="relative"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)} className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={listId} className="absolute right-0 z-30 mt-1 flex w-48 flex-col rounded border border-slate-200 bg-white p-1 shadow-lg">
          {actions.map((action) => (
            <ActionButton
              key={action.id}
              id={action.id}
              onDone={() => setOpen(false)}
              className="rounded px-2 py-1 text-left text-sm text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-300"
            />
          ))}
        </div>
      )}
    </div>
  );
}
