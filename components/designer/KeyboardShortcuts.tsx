'use client';

import { useEffect } from 'react';
import { looksLikeTemplate, useOpenText } from '../import/useOpenText';
import { useDesignerStore } from './store-context';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Undo, redo, copy, paste, duplicate and delete from the keyboard, except while typing in a field. */
export function KeyboardShortcuts() {
  const store = useDesignerStore();
  const openText = useOpenText();
  useEffect(() => {
    // Ctrl+V pastes copied nodes, unless the clipboard holds a template: then the browser's paste
    // event (which runs right after the key's default action) imports it instead.
    let templatePasted = false;
    // While our own write to the clipboard is under way, what the clipboard holds is older than the copy.
    let writingClipboard = false;
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || writingClipboard) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!looksLikeTemplate(text)) return;
      event.preventDefault();
      templatePasted = true;
      void openText('pasted template', text);
    };
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
      else if (mod && key === 'c')
        run(() => {
          state.copySelection();
          // The system clipboard then holds the copied names, not an older template that Ctrl+V would import instead.
          const names = store.getState().clipboard?.nodes.map((n) => n.name).join(', ');
          if (names && navigator.clipboard) {
            writingClipboard = true;
            void navigator.clipboard
              .writeText(`Eventform nodes: ${names}`)
              .catch(() => undefined)
              .finally(() => (writingClipboard = false));
          }
        });
      else if (mod && key === 'v') {
        templatePasted = false;
        setTimeout(() => {
          if (!templatePasted) state.paste();
        }, 0);
      }
      else if (mod && key === 'd') run(state.duplicateSelection);
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) run(state.deleteSelection);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, openText]);
  return null;
}
