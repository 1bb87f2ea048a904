'use client';

import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOAD, type Load } from '@/generators/cost/load';

/** What presentation mode puts in the light: everything else on the canvas is dimmed. */
export interface Spotlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** The event-flow animation's state of the canvas at the current tick. */
export interface FlowView {
  reached: ReadonlySet<string>;
  /** Nodes where a failure, retry or dead letter happened so far. */
  troubled: ReadonlySet<string>;
  /** Hops under way: a token travels along each edge during the tick. */
  moving: readonly { key: string; edgeId: string; count: number; stopsHalfway: boolean }[];
  tickStartedAt: number;
  tickMs: number;
}

interface Stage {
  presenting: boolean;
  setPresenting(on: boolean): void;
  spotlight: Spotlight | null;
  setSpotlight(spotlight: Spotlight | null): void;
  flow: FlowView | null;
  setFlow(flow: FlowView | null): void;
  /** The load the cost estimate is computed for, shared by the inspector and presentation mode. */
  load: Load;
  setLoad(load: Load): void;
}

const StageContext = createContext<Stage | null>(null);

/**
 * The canvas's teaching overlays (presentation spotlight, event-flow tokens) and the cost load:
 * views of the diagram, not part of it, so they live beside the store and never reach undo or a file.
 */
export function StageProvider({ children }: { children: ReactNode }) {
  const [presenting, setPresenting] = useState(false);
  const [spotlight, setSpotlight] = useState<Spotlight | null>(null);
  const [flow, setFlow] = useState<FlowView | null>(null);
  const [load, setLoad] = useState<Load>(DEFAULT_LOAD);
  const value = useMemo(() => ({ presenting, setPresenting, spotlight, setSpotlight, flow, setFlow, load, setLoad }), [presenting, spotlight, flow, load]);
  return <StageContext.Provider value={value}>{children}</StageContext.Provider>;
}

export function useStage(): Stage {
  const stage = useContext(StageContext);
  if (!stage) throw new Error('useStage outside StageProvider');
  return stage;
}
