/**
 * Every verb of the designer, declared once: its label, its keys, when it is enabled, whether it
 * works on a read-only shared diagram, and what it does. The toolbar, the keyboard shortcuts and
 * the inspector's buttons all render from this list (the way excalidraw's action registry does).
 */
import { emptyGraph, loadShareCodec, serializeGraph, shareFragment } from '@/generators';
import type { DesignerState, DesignerStore } from '@/store/designer';
import { downloadText } from '../designer/download';
import { exportCdkZip, exportSamTemplate } from './exports';
import { fileNameFor } from './file-name';

/** A key chord: `mod` is Ctrl, or Cmd on a Mac. */
export interface Chord {
  key: string;
  mod?: boolean;
  shift?: boolean;
  /** Only while the focus is on the page or the canvas itself, not on a node, a field or a button (arrow keys move a focused node). */
  canvasOnly?: boolean;
}

/** What an action can reach besides the store: the dialogs, the file picker, the canvas view, the clipboard. */
export interface ActionContext {
  store: DesignerStore;
  openDialog(kind: 'deploy' | 'blueprints' | 'import' | 'find'): void;
  present(): void;
  pickFile(): void;
  exportImage(format: 'png' | 'svg', fileStem: string): void;
  fitView(): void;
  /** Zooms the canvas in (1) or out (-1) one step, about its centre. */
  zoom(direction: 1 | -1): void;
  /** Moves the view by a share of the canvas' size, in each direction (-1, 0 or 1). */
  pan(dx: number, dy: number): void;
  /** Dims everything not connected to the selected nodes, or ends that focus. */
  toggleFocus(): void;
  /** Puts text on the system clipboard; resolves when it is there (or could not be). */
  writeClipboard(text: string): Promise<void>;
}

/** What enablement may look at. */
export interface ActionState {
  state: DesignerState;
  canUndo: boolean;
  canRedo: boolean;
}

export interface Action {
  id: string;
  label: string;
  /** Shown as the button's tooltip. */
  hint?: string;
  keys?: readonly Chord[];
  /** Toolbar group, in order; absent for actions reached only by keys or from the inspector. */
  toolbar?: 'file' | 'history' | 'edit' | 'view' | 'diagram' | 'share' | 'export';
  /** Available on a shared diagram opened read-only (it looks, it never changes the diagram). */
  readOnly: boolean;
  enabled(s: ActionState): boolean;
  run(ctx: ActionContext): void;
}

const always = () => true;
const hasSelection = ({ state }: ActionState) => state.selection.nodes.length + state.selection.edges.length > 0;
const hasNodes = ({ state }: ActionState) => state.graph.nodes.length > 0;
const hasSelectedNodes = ({ state }: ActionState) => state.selection.nodes.length > 0;
const panKeys = (key: string): Chord[] => [{ key, canvasOnly: true }];
const stemOf = (ctx: ActionContext) => fileNameFor(ctx.store.getState().graph.name).replace(/\.eventform\.json$/, '');

export const ACTIONS: readonly Action[] = [
  {
    id: 'new',
    label: 'New',
    toolbar: 'file',
    readOnly: false,
    enabled: always,
    run: ({ store }) => {
      const state = store.getState();
      const hadWork = state.graph.nodes.length > 0;
      state.replaceGraph(emptyGraph());
      if (hadWork) state.notify('info', 'Started a new diagram. Undo (Ctrl+Z) brings the previous one back.');
    },
  },
  { id: 'open', label: 'Open…', toolbar: 'file', readOnly: false, enabled: always, run: (ctx) => ctx.pickFile() },
  { id: 'import', label: 'Import template…', hint: 'Paste a CloudFormation or SAM template', toolbar: 'file', readOnly: false, enabled: always, run: (ctx) => ctx.openDialog('import') },
  {
    id: 'save',
    label: 'Save',
    toolbar: 'file',
    readOnly: true,
    enabled: always,
    run: ({ store }) => {
      const graph = store.getState().graph;
      downloadText(fileNameFor(graph.name), serializeGraph(graph));
    },
  },
  {
    id: 'undo',
    label: 'Undo',
    hint: 'Undo (Ctrl+Z)',
    keys: [{ key: 'z', mod: true }],
    toolbar: 'history',
    readOnly: false,
    enabled: (s) => s.canUndo,
    run: ({ store }) => store.temporal.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    hint: 'Redo (Ctrl+Shift+Z)',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    toolbar: 'history',
    readOnly: false,
    enabled: (s) => s.canRedo,
    run: ({ store }) => store.temporal.getState().redo(),
  },
  {
    id: 'copy',
    label: 'Copy',
    keys: [{ key: 'c', mod: true }],
    readOnly: false,
    enabled: hasSelection,
    run: ({ store, writeClipboard }) => {
      store.getState().copySelection();
      // The system clipboard then holds the copied names, not an older template that Ctrl+V would import instead.
      const names = store
        .getState()
        .clipboard?.nodes.map((n) => n.name)
        .join(', ');
      if (names) void writeClipboard(`Eventform nodes: ${names}`);
    },
  },
  // Ctrl+V: the keyboard shortcuts decide between pasting nodes and importing a template on the clipboard.
  { id: 'paste', label: 'Paste', keys: [{ key: 'v', mod: true }], readOnly: false, enabled: always, run: ({ store }) => store.getState().paste() },
  {
    id: 'duplicate',
    label: 'Duplicate',
    hint: 'Duplicate (Ctrl+D)',
    keys: [{ key: 'd', mod: true }],
    toolbar: 'edit',
    readOnly: false,
    enabled: hasSelection,
    run: ({ store }) => store.getState().duplicateSelection(),
  },
  {
    id: 'delete',
    label: 'Delete',
    hint: 'Delete (Delete key)',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    toolbar: 'edit',
    readOnly: false,
    enabled: hasSelection,
    run: ({ store }) => store.getState().deleteSelection(),
  },
  {
    id: 'find',
    label: 'Find…',
    hint: 'Find a service by name or logical id (Ctrl+K or /)',
    keys: [{ key: 'k', mod: true }, { key: '/' }],
    toolbar: 'view',
    readOnly: true,
    enabled: hasNodes,
    run: (ctx) => ctx.openDialog('find'),
  },
  {
    id: 'focus',
    label: 'Focus',
    hint: 'Dim everything not connected to the selected services (F; again to leave)',
    keys: [{ key: 'f' }],
    readOnly: true,
    enabled: hasSelectedNodes,
    run: (ctx) => ctx.toggleFocus(),
  },
  { id: 'zoom-in', label: 'Zoom in', keys: [{ key: '+' }, { key: '=' }, { key: '+', shift: true }], readOnly: true, enabled: always, run: (ctx) => ctx.zoom(1) },
  { id: 'zoom-out', label: 'Zoom out', keys: [{ key: '-' }], readOnly: true, enabled: always, run: (ctx) => ctx.zoom(-1) },
  { id: 'fit', label: 'Fit to screen', keys: [{ key: '0' }], readOnly: true, enabled: hasNodes, run: (ctx) => ctx.fitView() },
  { id: 'pan-left', label: 'Pan left', keys: panKeys('ArrowLeft'), readOnly: true, enabled: always, run: (ctx) => ctx.pan(-1, 0) },
  { id: 'pan-right', label: 'Pan right', keys: panKeys('ArrowRight'), readOnly: true, enabled: always, run: (ctx) => ctx.pan(1, 0) },
  { id: 'pan-up', label: 'Pan up', keys: panKeys('ArrowUp'), readOnly: true, enabled: always, run: (ctx) => ctx.pan(0, -1) },
  { id: 'pan-down', label: 'Pan down', keys: panKeys('ArrowDown'), readOnly: true, enabled: always, run: (ctx) => ctx.pan(0, 1) },
  { id: 'blueprints', label: 'Blueprints…', toolbar: 'diagram', readOnly: false, enabled: always, run: (ctx) => ctx.openDialog('blueprints') },
  { id: 'deploy', label: 'Deploy…', toolbar: 'diagram', readOnly: false, enabled: hasNodes, run: (ctx) => ctx.openDialog('deploy') },
  {
    id: 'auto-layout',
    label: 'Auto-layout',
    hint: 'Arrange sources left, destinations right',
    toolbar: 'diagram',
    readOnly: false,
    enabled: hasNodes,
    run: (ctx) =>
      void ctx.store
        .getState()
        .layout()
        .then(() => ctx.fitView()),
  },
  { id: 'present', label: 'Present', hint: "Step through the diagram's notes, full screen", toolbar: 'share', readOnly: true, enabled: hasNodes, run: (ctx) => ctx.present() },
  {
    id: 'share',
    label: 'Share link',
    toolbar: 'share',
    readOnly: true,
    enabled: hasNodes,
    run: async ({ store }) => {
      await loadShareCodec();
      const url = `${window.location.origin}${window.location.pathname}#${shareFragment(store.getState().graph)}`;
      try {
        await navigator.clipboard.writeText(url);
        store.getState().notify('info', `Share link copied (${url.length} characters). The diagram is in the link itself: nothing is sent to a server.`);
      } catch {
        window.prompt('Copy this share link', url);
      }
    },
  },
  {
    id: 'export-cdk',
    label: 'Export CDK app',
    hint: 'Download the diagram as an AWS CDK app in TypeScript (a zip)',
    toolbar: 'export',
    readOnly: true,
    enabled: hasNodes,
    run: ({ store }) => void exportCdkZip(store),
  },
  {
    id: 'export-sam',
    label: 'Export SAM template',
    hint: 'Download the diagram as an AWS SAM template',
    toolbar: 'export',
    readOnly: true,
    enabled: hasNodes,
    run: ({ store }) => void exportSamTemplate(store),
  },
  { id: 'export-png', label: 'Export PNG', toolbar: 'export', readOnly: true, enabled: hasNodes, run: (ctx) => ctx.exportImage('png', stemOf(ctx)) },
  { id: 'export-svg', label: 'Export SVG', toolbar: 'export', readOnly: true, enabled: hasNodes, run: (ctx) => ctx.exportImage('svg', stemOf(ctx)) },
];

export const actionById = (id: string): Action => {
  const action = ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`internal: no action ${id}`);
  return action;
};

/**
 * The action a key press asks for, if any (in a read-only diagram, only those that change nothing).
 * `onCanvas`: the focus is on the page or the canvas, not on a node or a control.
 */
export function actionForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, readOnly: boolean, onCanvas = true): Action | undefined {
  if (event.altKey) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return ACTIONS.find(
    (action) => (!readOnly || action.readOnly) && action.keys?.some((chord) => chord.key === key && !!chord.mod === mod && !!chord.shift === event.shiftKey && (!chord.canvasOnly || onCanvas)),
  );
}
