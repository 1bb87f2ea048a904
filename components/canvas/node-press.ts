'use client';

import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * Whether a pointer is held down on a node. React Flow selects the node a drag moves in the drag's
 * first step, before the drag itself begins: the panels that follow the selection wait for the
 * press to end (components/designer/store-context.tsx, useSettledSelection).
 */
export const nodePress = create<{ pressed: boolean }>(() => ({ pressed: false }));

/** Sets nodePress while a pointer is held down on a node of the canvas; returns the canvas's capture handler. */
export function useNodePressTracking(): (event: { target: EventTarget | null }) => void {
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
  return (event) => {
    if (event.target instanceof Element && event.target.closest('.react-flow__node')) nodePress.setState({ pressed: true });
  };
}
