'use client';

import { useEffect } from 'react';
import { actionForKey } from '../actions/actions';
import { useActions } from '../actions/ActionsProvider';
import { looksLikeTemplate, useOpenText } from '../import/useOpenText';
import { useDesignerStore } from './store-context';
import { CANVAS_ID } from '../canvas/useVisibleCenter';

const isEditable = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The focus is on the page or on the canvas itself: not on a node or an edge (arrow keys move a focused node), a control or a dialog. */
const isOnCanvas = (target: EventTarget | null) =>
  target === document.body ||
  (target instanceof HTMLElement && !!target.closest(`#${CANVAS_ID}`) && !target.closest('.react-flow__node, .react-flow__edge, button, a, [role="dialog"], [role="separator"]'));

/** The action registry's keys, except while typing in a field; Ctrl+V imports a template when the clipboard holds one. */
export function KeyboardShortcuts() {
  const store = useDesignerStore();
  const openText = useOpenText();
  const { context, clipboardBusy } = useActions();
  useEffect(() => {
    // Ctrl+V pastes copied nodes, unless the clipboard holds a template: then the browser's paste
    // event (which runs right after the key's default action) imports it instead.
    let templatePasted = false;
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || clipboardBusy()) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!looksLikeTemplate(text)) return;
      event.preventDefault();
      templatePasted = true;
      void openText('pasted template', text);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isEditable(event.target)) return;
      const action = actionForKey(event, store.getState().readOnly, isOnCanvas(event.target));
      if (!action) return;
      if (action.id === 'paste') {
        // The key's default action must run: it is what fires the paste event.
        templatePasted = false;
        setTimeout(() => {
          if (!templatePasted) action.run(context);
        }, 0);
        return;
      }
      event.preventDefault();
      action.run(context);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, openText, context, clipboardBusy]);
  return null;
}
