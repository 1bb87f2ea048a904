'use client';

import { useEffect } from 'react';
import { useDesignerStore } from './store-context';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Undo, redo, copy, paste, duplicate and delete from the keyboard, except while typing in a field. */
export function KeyboardShortcuts() {
  const store = useDesignerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const state = store.getState();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && key === 'z' && !event.shiftKey) run(() => store.temporal.getState().undo());
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) run(() => store.temporal.getState().redo());
      else if (mod && key === 'c') run(state.copySelection);
      else if (mod && key === 'v') run(state.paste);
      else if (mod && key === 'd') run(state.duplicateSelection);
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) run(state.deleteSelection);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
  return null;
}
