/**
 * The designer's state: the diagram, the selection, the clipboard and the last notice, with undo
 * history over the diagram only. Framework-free (zustand's vanilla store), so it is tested
 * headless; every change goes through the pure operations of generators/.
 */
import { createStore } from 'zustand/vanilla';
import { temporal } from 'zundo';
import {
  addNode,
  connect,
  emptyGraph,
  extractFragment,
  moveNodes,
  pasteFragment,
  removeElements,
  renameNode,
  setEdgeProp,
  setNodeProp,
  setNote,
  type Change,
  type Fragment,
  type Graph,
  type Position,
  type PropValue,
  type ServiceKind,
} from '../generators';

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface Notice {
  id: number;
  /** Info fades; warnings and errors stay until dismissed. */
  tone: 'error' | 'warning' | 'info';
  message: string;
}

export interface DesignerState {
  graph: Graph;
  selection: Selection;
  clipboard: Fragment | null;
  notice: Notice | null;
  /** Set while a drag is under way: positions change without history or autosave until it ends. */
  dragging: boolean;
  /** Counts whole-diagram replacements (new, open, a blueprint): the canvas frames each new diagram once. */
  generation: number;
  /** A shared diagram opened from a link: looked at, selected, never changed until copied. */
  readOnly: boolean;
  setReadOnly(readOnly: boolean): void;

  addNode(kind: ServiceKind, position: Position): string | null;
  renameNode(id: string, name: string): Change;
  setNodeProp(id: string, key: string, value: PropValue): Change;
  setEdgeProp(id: string, key: string, value: PropValue): Change;
  setNote(id: string, note: string): Change;
  renameDiagram(name: string): void;
  connect(source: string, target: string): boolean;
  select(selection: Selection): void;
  deleteSelection(): void;
  deleteElements(nodeIds: string[], edgeIds: string[]): void;
  beginDrag(): void;
  dragNodes(positions: ReadonlyMap<string, Position>): void;
  endDrag(): void;
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  copySelection(): void;
  paste(): void;
  duplicateSelection(): void;
  /** Arranges the diagram; resolves once the new positions are applied. */
  layout(): Promise<void>;
  replaceGraph(graph: Graph): void;
  notify(tone: Notice['tone'], message: string): void;
  dismissNotice(): void;
}

const PASTE_OFFSET = { x: 40, y: 40 };
let noticeCounter = 0;

export function createDesignerStore(initial: Graph = emptyGraph()) {
  let graphBeforeDrag: Graph | null = null;

  const store = createStore<DesignerState>()(
    temporal(
      (set, get) => {
        /** Applies a change to the diagram, or turns its refusal into a notice. */
        const apply = <T>(change: Change<T>, extra: Partial<DesignerState> = {}): Change<T> => {
          if (change.ok && get().readOnly && change.graph !== get().graph) {
            const refusal = 'This shared diagram is read-only: make a copy to change it';
            get().notify('error', refusal);
            return { ok: false, error: refusal };
          }
          if (change.ok) {
            if (change.graph !== get().graph || Object.keys(extra).length) set({ graph: change.graph, ...extra });
          } else get().notify('error', change.error);
          return change;
        };
        const pruneSelection = (graph: Graph, selection: Selection): Selection => ({
          nodes: selection.nodes.filter((id) => graph.nodes.some((n) => n.id === id)),
          edges: selection.edges.filter((id) => graph.edges.some((e) => e.id === id)),
        });

        return {
          graph: initial,
          selection: { nodes: [], edges: [] },
          clipboard: null,
          notice: null,
          dragging: false,
          generation: 0,
          readOnly: false,
          setReadOnly(readOnly) {
            set({ readOnly });
          },

          addNode(kind, position) {
            const change = apply(addNode(get().graph, kind, position));
            if (!change.ok) return null;
            set({ selection: { nodes: [change.value.id], edges: [] } });
            return change.value.id;
          },
          renameNode: (id, name) => apply(renameNode(get().graph, id, name)),
          setNodeProp: (id, key, value) => apply(setNodeProp(get().graph, id, key, value)),
          setEdgeProp: (id, key, value) => apply(setEdgeProp(get().graph, id, key, value)),
          setNote: (id, note) => apply(setNote(get().graph, id, note)),
          renameDiagram(name) {
            if (get().readOnly) return;
            const trimmed = name.trim().slice(0, 200) || 'Untitled diagram';
            if (trimmed !== get().graph.name) set({ graph: { ...get().graph, name: trimmed } });
          },
          connect(source, target) {
            const change = apply(connect(get().graph, source, target));
            if (change.ok) set({ selection: { nodes: [], edges: [change.value.id] } });
            return change.ok;
          },
          select(selection) {
            set({ selection: pruneSelection(get().graph, selection) });
          },
          deleteSelection() {
            const { nodes, edges } = get().selection;
            get().deleteElements(nodes, edges);
          },
          deleteElements(nodeIds, edgeIds) {
            const change = removeElements(get().graph, nodeIds, edgeIds);
            if (change.ok) apply(change, get().readOnly ? {} : { selection: pruneSelection(change.graph, get().selection) });
          },
          beginDrag() {
            if (get().dragging || get().readOnly) return;
            graphBeforeDrag = get().graph;
            store.temporal.getState().pause();
            set({ dragging: true });
          },
          dragNodes(positions) {
            apply(moveNodes(get().graph, positions));
          },
          endDrag() {
            if (!get().dragging) return;
            set({ dragging: false });
            const temporalState = store.temporal.getState();
            temporalState.resume();
            // The whole drag becomes one undo step: the graph as it was when the drag began.
            if (graphBeforeDrag && graphBeforeDrag !== get().graph) store.temporal.setState({ pastStates: [...temporalState.pastStates, { graph: graphBeforeDrag }], futureStates: [] });
            graphBeforeDrag = null;
          },
          moveNodes(positions) {
            apply(moveNodes(get().graph, positions));
          },
          copySelection() {
            const fragment = extractFragment(get().graph, get().selection.nodes);
            if (fragment.nodes.length === 0) return;
            set({ clipboard: fragment });
            get().notify('info', `Copied ${fragment.nodes.length} node${fragment.nodes.length > 1 ? 's' : ''}`);
          },
          paste() {
            const { clipboard } = get();
            if (!clipboard) return;
            const change = apply(pasteFragment(get().graph, clipboard, PASTE_OFFSET));
            if (!change.ok) return;
            set({
              selection: { nodes: change.value.nodeIds, edges: [] },
              // Pasting again offsets once more instead of stacking copies on one spot.
              clipboard: extractFragment(change.graph, change.value.nodeIds),
            });
            if (change.value.skipped.length) get().notify('info', `Some connections were not copied: ${change.value.skipped[0]}`);
          },
          duplicateSelection() {
            const fragment = extractFragment(get().graph, get().selection.nodes);
            if (fragment.nodes.length === 0) return;
            const change = apply(pasteFragment(get().graph, fragment, PASTE_OFFSET));
            if (change.ok) set({ selection: { nodes: change.value.nodeIds, edges: [] } });
          },
          async layout() {
            // dagre is loaded when first asked for: most sessions never press Auto-layout.
            const { autoLayout } = await import('../generators/graph/layout');
            apply(moveNodes(get().graph, autoLayout(get().graph)));
          },
          replaceGraph(graph) {
            set({ graph, selection: { nodes: [], edges: [] }, generation: get().generation + 1 });
          },
          notify(tone, message) {
            // A passing note never hides a problem the user has not seen off (an autosave that failed).
            const current = get().notice;
            if (tone === 'info' && current && current.tone !== 'info') return;
            set({ notice: { id: ++noticeCounter, tone, message } });
          },
          dismissNotice() {
            set({ notice: null });
          },
        };
      },
      {
        partialize: (state) => ({ graph: state.graph }),
        equality: (past, current) => past.graph === current.graph,
        limit: 200,
      },
    ),
  );

  // Undo and redo may remove what is selected; keep the selection pointing at real elements.
  store.subscribe((state, previous) => {
    // A drag only moves: it never removes what is selected (and runs this at every step).
    if (state.graph === previous.graph || state.dragging) return;
    const nodeIds = new Set(state.graph.nodes.map((n) => n.id));
    const edgeIds = new Set(state.graph.edges.map((e) => e.id));
    const nodes = state.selection.nodes.filter((id) => nodeIds.has(id));
    const edges = state.selection.edges.filter((id) => edgeIds.has(id));
    if (nodes.length !== state.selection.nodes.length || edges.length !== state.selection.edges.length) store.setState({ selection: { nodes, edges } });
  });

  return store;
}

export type DesignerStore = ReturnType<typeof createDesignerStore>;

export function undo(store: DesignerStore) {
  store.temporal.getState().undo();
}

export function redo(store: DesignerStore) {
  store.temporal.getState().redo();
}
