'use client';

import { createContext, useContext, useMemo, useRef, type ChangeEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { MAX_FILE_BYTES, type Graph } from '@/generators';
import { useReactFlow } from '@xyflow/react';
import { CANVAS_ID } from '../canvas/useVisibleCenter';
import { useDesignerStore } from '../designer/store-context';
import { useFrame } from '../canvas/useFrame';
import { useExportImage } from '../export/useExportImage';
import { openFile } from '../import/open-file';
import { useOpenText } from '../import/useOpenText';
import { useStage, type Spotlight } from '../stage/StageContext';
import { actionById, type ActionContext, type ActionState } from './actions';

/** The dialogs an action may open, owned by the designer's workspace. */
export type DialogKind = 'deploy' | 'blueprints' | 'import' | 'find';

interface Actions {
  context: ActionContext;
  /** While our own write to the clipboard is under way, what the clipboard holds is older than the copy. */
  clipboardBusy(): boolean;
}

const ActionsContext = createContext<Actions | null>(null);

/** How far one press of an arrow key moves the view, as a share of the canvas. */
const PAN_SHARE = 0.2;

/** The selected nodes, the nodes connected to them and the connections between: what focus keeps in the light. */
function neighbourhood(graph: Graph, selected: readonly string[]): Spotlight {
  const chosen = new Set(selected);
  const nodes = new Set(selected);
  const edges = new Set<string>();
  for (const edge of graph.edges) {
    if (!chosen.has(edge.source) && !chosen.has(edge.target)) continue;
    edges.add(edge.id);
    nodes.add(edge.source);
    nodes.add(edge.target);
  }
  return { nodes, edges };
}

/** Gives the actions what they reach besides the store: dialogs, the file picker, the canvas view, the clipboard. */
export function ActionsProvider({ openDialog, children }: { openDialog: (kind: DialogKind) => void; children: ReactNode }) {
  const store = useDesignerStore();
  const frame = useFrame();
  const { zoomIn, zoomOut, getViewport, setViewport } = useReactFlow();
  const { setSpotlight, spotlight, setPresenting } = useStage();
  const focused = useRef(false);
  focused.current = spotlight !== null;
  const exportImage = useExportImage();
  const openText = useOpenText();
  const fileInput = useRef<HTMLInputElement>(null);
  const writing = useRef(0);

  const value = useMemo<Actions>(
    () => ({
      clipboardBusy: () => writing.current > 0,
      context: {
        store,
        openDialog,
        present: () => setPresenting(true),
        pickFile: () => fileInput.current?.click(),
        exportImage: (format, stem) => void exportImage(format, stem),
        fitView: () => requestAnimationFrame(() => frame({ duration: 200 })),
        // No animation: a key held or pressed quickly again zooms a full step each time.
        zoom: (direction) => void (direction > 0 ? zoomIn : zoomOut)(),
        pan: (dx, dy) => {
          const rect = document.getElementById(CANVAS_ID)?.getBoundingClientRect();
          if (!rect) return;
          const view = getViewport();
          void setViewport({ ...view, x: view.x - dx * rect.width * PAN_SHARE, y: view.y - dy * rect.height * PAN_SHARE });
        },
        toggleFocus: () => setSpotlight(focused.current ? null : neighbourhood(store.getState().graph, store.getState().selection.nodes)),
        writeClipboard: async (text) => {
          if (!navigator.clipboard) return;
          writing.current++;
          await navigator.clipboard.writeText(text).catch(() => undefined);
          writing.current--;
        },
      },
    }),
    [store, openDialog, setPresenting, exportImage, frame, zoomIn, zoomOut, getViewport, setViewport, setSpotlight],
  );

  const onOpenFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      store
        .getState()
        .notify('error', `Could not open ${file.name}: it is ${(file.size / 1048576).toFixed(1)} MiB; a diagram file may be at most ${MAX_FILE_BYTES / 1048576} MiB. The canvas was left as it was.`);
      return;
    }
    await openFile(file, openText, store.getState().notify);
  };

  return (
    <ActionsContext.Provider value={value}>
      <input
        ref={fileInput}
        type="file"
        accept=".json,.yaml,.yml,.template,application/json,application/yaml"
        className="hidden"
        aria-label="Open diagram or template file"
        data-testid="open-file"
        onChange={onOpenFile}
      />
      {children}
    </ActionsContext.Provider>
  );
}

export function useActions(): Actions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions needs an ActionsProvider');
  return actions;
}

/** Whether an action is enabled now, and how to run it. */
export function useAction(id: string) {
  const action = actionById(id);
  const store = useDesignerStore();
  const { context } = useActions();
  const canUndo = useStore(store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (t) => t.futureStates.length > 0);
  const enabled = useStore(store, (state) => action.enabled({ state, canUndo, canRedo } satisfies ActionState) && (!state.readOnly || action.readOnly));
  return { action, enabled, run: () => action.run(context) };
}
