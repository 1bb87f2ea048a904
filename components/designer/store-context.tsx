'use client';

import { createContext, useCallback, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { sameStructure, type Graph } from '@/generators';
import type { DesignerState, DesignerStore, Selection } from '@/store/designer';
import { nodePress } from '../canvas/node-press';

const StoreContext = createContext<DesignerStore | null>(null);

export function DesignerStoreProvider({ store, children }: { store: DesignerStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useDesignerStore(): DesignerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useDesignerStore needs a DesignerStoreProvider');
  return store;
}

export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStore(), selector);
}

/** The diagram, but unchanged while only positions move: for views that do not show positions. */
export function useStructuralGraph(): Graph {
  const last = useRef<Graph | null>(null);
  return useDesigner((s) => {
    if (last.current && sameStructure(last.current, s.graph)) return last.current;
    last.current = s.graph;
    return s.graph;
  });
}

/**
 * The selection, held while a node is pressed or dragged: for the panels beside the canvas. A drag
 * selects the node it moves in its first step; switching the inspector, the template's highlight
 * and the inspector's fold then cost that step the new panel's whole render (in a 2,000-node
 * diagram, a "Connect to" list of every other node), so they follow when the pointer is released.
 */
export function useSettledSelection(): Selection {
  const store = useDesignerStore();
  const settled = useRef<Selection | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      const fromStore = store.subscribe(notify);
      const fromPress = nodePress.subscribe(notify);
      return () => {
        fromStore();
        fromPress();
      };
    },
    [store],
  );
  const snapshot = () => {
    const state = store.getState();
    if (!settled.current || !(state.dragging || nodePress.getState().pressed)) settled.current = state.selection;
    return settled.current;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
