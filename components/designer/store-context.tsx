'use client';

import { createContext, useContext, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { sameStructure, type Graph } from '@/generators';
import type { DesignerState, DesignerStore } from '@/store/designer';

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
