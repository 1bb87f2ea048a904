'use client';

import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * Whether a pointer is held down on a node. React Flow selects the node a drag moves in the drag's
 * first step, before the drag itself begins: the panels that follow the selection wait for the
 * press to end (components/designer/store-context.tsx, useSettledSelection).
 */
export const nodePress = create<{ pressed: boolean }>(() => ({ pressed: false }));

/** The canvas's pointer-down capture handler: a press that starts on a node sets nodePress. */
export function pressOnNode(event: { target: EventTarget | null }) {
  if (event.target instanceof Element && event.target.closest('.react-flow__node')) nodePress.setState({ pressed: true });
}

/** Clears nodePress when the pointer is released anywhere (or the window loses it). */
export function useNodePressRelease() {
  useEffect(() => {
    const release = () => {
      if (nodePress.getState().pressed) nodePress.setState({ pressed: false });
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    window.addEventListener('blur', release);
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      window.removeEventListener('blur', release);
    };
  }, []);
}
