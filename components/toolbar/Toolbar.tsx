'use client';

import { useReactFlow } from '@xyflow/react';
import { useRef, type ChangeEvent, type ReactNode } from 'react';
import { emptyGraph, MAX_FILE_BYTES, serializeGraph, shareFragment } from '@/generators';
import { useOpenText } from '../import/useOpenText';
import { downloadText } from '../designer/download';
import { useExportImage } from '../export/useExportImage';
import { useDesigner, useDesignerStore, useHistory } from '../designer/store-context';

function ToolButton({ onClick, disabled, children, title }: { onClick: () => void; disabled?: boolean; children: ReactNode; title?: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      title={title}
      className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-300"
    >
      {children}
    </button>
  );
}

export const fileNameFor = (diagramName: string) =>
  `${diagramName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'diagram'}.eventform.json`;

export function Toolbar({ onDeploy, onBlueprints, onImport, onPresent }: { onDeploy: () => void; onBlueprints: () => void; onImport: () => void; onPresent: () => void }) {
  const store = useDesignerStore();
  const { canUndo, canRedo, undo, redo } = useHistory();
  const hasSelection = useDesigner((s) => s.selection.nodes.length + s.selection.edges.length > 0);
  const hasNodes = useDesigner((s) => s.graph.nodes.length > 0);
  const name = useDesigner((s) => s.graph.name);
  const fileInput = useRef<HTMLInputElement>(null);
  const readOnly = useDesigner((s) => s.readOnly);
  const exportImage = useExportImage();
  const stem = fileNameFor(name).replace(/\.eventform\.json$/, '');
  const { fitView } = useReactFlow();
  const openText = useOpenText();

  const onNew = () => {
    const state = store.getState();
    const hadWork = state.graph.nodes.length > 0;
    state.replaceGraph(emptyGraph());
    if (hadWork) state.notify('info', 'Started a new diagram. Undo (Ctrl+Z) brings the previous one back.');
  };

  const onOpenFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const state = store.getState();
    if (file.size > MAX_FILE_BYTES) {
      state.notify('error', `Could not open ${file.name}: it is ${(file.size / 1048576).toFixed(1)} MiB; a diagram file may be at most ${MAX_FILE_BYTES / 1048576} MiB. The canvas was left as it was.`);
      return;
    }
    await openText(file.name, await file.text());
  };

  const onShare = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${shareFragment(store.getState().graph)}`;
    try {
      await navigator.clipboard.writeText(url);
      store.getState().notify('info', `Share link copied (${url.length} characters). The diagram is in the link itself: nothing is sent to a server.`);
    } catch {
      window.prompt('Copy this share link', url);
    }
  };

  const onSave = () => {
    const graph = store.getState().graph;
    downloadText(fileNameFor(graph.name), serializeGraph(graph));
  };

  return (
    <header className="flex items-center gap-1 border-b border-slate-200 bg-white px-3 py-1.5">
      <h1 className="mr-3 text-base font-bold text-slate-900">Eventform</h1>
      <span className="mr-2 hidden max-w-56 truncate text-sm text-slate-500 2xl:inline" title={name}>
        {name}
      </span>
      <nav aria-label="Diagram actions" className="flex flex-wrap items-center gap-1">
        {readOnly ? (
          <>
            <ToolButton onClick={onSave}>Save</ToolButton>
            <ToolButton onClick={onPresent} title="Step through the diagram's notes, full screen">Present</ToolButton>
            <ToolButton onClick={onShare}>Share link</ToolButton>
            <ToolButton onClick={() => exportImage('png', stem)}>Export PNG</ToolButton>
            <ToolButton onClick={() => exportImage('svg', stem)}>Export SVG</ToolButton>
          </>
        ) : (
        <>
        <ToolButton onClick={onNew}>New</ToolButton>
        <ToolButton onClick={() => fileInput.current?.click()}>Open…</ToolButton>
        <input ref={fileInput} type="file" accept=".json,.yaml,.yml,.template,application/json,application/yaml" className="hidden" aria-label="Open diagram or template file" data-testid="open-file" onChange={onOpenFile} />
        <ToolButton onClick={onImport} title="Paste a CloudFormation or SAM template">Import template…</ToolButton>
        <ToolButton onClick={onSave}>Save</ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
        <ToolButton onClick={undo} disabled={!canUndo} title="Undo (Ctrl+Z)">
          Undo
        </ToolButton>
        <ToolButton onClick={redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
        <ToolButton onClick={() => store.getState().duplicateSelection()} disabled={!hasSelection} title="Duplicate (Ctrl+D)">
          Duplicate
        </ToolButton>
        <ToolButton onClick={() => store.getState().deleteSelection()} disabled={!hasSelection} title="Delete (Delete key)">
          Delete
        </ToolButton>
        <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
        <ToolButton onClick={onBlueprints}>Blueprints…</ToolButton>
        <ToolButton onClick={onDeploy} disabled={!hasNodes}>
          Deploy…
        </ToolButton>
        <ToolButton onClick={() => {
            void store.getState().layout().then(() => requestAnimationFrame(() => fitView({ padding: 0.2, maxZoom: 1.2, duration: 200 })));
          }} disabled={!hasNodes} title="Arrange sources left, destinations right">
          Auto-layout
        </ToolButton>
        <ToolButton onClick={onPresent} disabled={!hasNodes} title="Step through the diagram's notes, full screen">
          Present
        </ToolButton>
        <ToolButton onClick={onShare} disabled={!hasNodes}>
          Share link
        </ToolButton>
        <ToolButton onClick={() => exportImage('png', stem)} disabled={!hasNodes}>
          Export PNG
        </ToolButton>
        <ToolButton onClick={() => exportImage('svg', stem)} disabled={!hasNodes}>
          Export SVG
        </ToolButton>
        </>
        )}
      </nav>
    </header>
  );
}
