'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDesignerStore, useSettledSelection } from '../designer/store-context';
import { clampSize, folded, readPanels, writePanels, type PanelId, type Panels } from './panels';

interface PanelsApi {
  panels: Panels;
  /** Whether a panel shows now: the inspector also shows, folded or not, while something is selected (until it is folded again). */
  shown(id: PanelId): boolean;
  toggle(id: PanelId): void;
  resize(id: PanelId, size: number): void;
}

const PanelsContext = createContext<PanelsApi | null>(null);

/** The panels' folds and sizes, remembered across visits; a whole new diagram folds them all, to give it the screen. */
export function PanelsProvider({ children }: { children: ReactNode }) {
  const store = useDesignerStore();
  const [panels, setPanels] = useState<Panels>(() => readPanels(window.localStorage));
  useEffect(() => writePanels(window.localStorage, panels), [panels]);
  // Subscribed, not an effect: the panels fold in the same render as the new diagram arrives, so it is framed in the room it will have.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.generation !== previous.generation && state.graph.nodes.length > 0) setPanels(folded);
      }),
    [store],
  );

  // Selecting something while the inspector is folded shows it, until the selection is cleared or
  // the user folds it for that selection. Derived in the same render as the selection, so whatever
  // is measured right after a selection (centring on a found node) sees the canvas it will have.
  const settled = useSettledSelection();
  const selection = [...settled.nodes, '|', ...settled.edges].join(' ');
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const peeking = selection !== '|' && selection !== dismissedFor;

  const shown = useCallback((id: PanelId) => panels[id].open || (id === 'inspector' && peeking), [panels, peeking]);
  const toggle = useCallback(
    (id: PanelId) => {
      const hide = shown(id);
      if (id === 'inspector') setDismissedFor(hide ? selection : null);
      setPanels((p) => ({ ...p, [id]: { ...p[id], open: !hide } }));
    },
    [shown, selection],
  );
  const resize = useCallback((id: PanelId, size: number) => setPanels((p) => ({ ...p, [id]: { ...p[id], size: clampSize(id, size) } })), []);
  const value = useMemo(() => ({ panels, shown, toggle, resize }), [panels, shown, toggle, resize]);
  return <PanelsContext.Provider value={value}>{children}</PanelsContext.Provider>;
}

export function usePanels(): PanelsApi {
  const panels = useContext(PanelsContext);
  if (!panels) throw new Error('usePanels outside PanelsProvider');
  return panels;
}
