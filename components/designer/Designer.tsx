'use client';

// The designer's stylesheet (Tailwind, React Flow) comes with its code, not in the page: the page's
// HTML stays a few kilobytes and the shell (with its own styles) paints before either arrives. The
// code's loader waits for the stylesheet, so the designer never shows unstyled.
import '@/app/globals.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { emptyGraph, isShareFragment, loadShareCodec, readShareFragment, type Graph } from '@/generators';
import { takeLaunchToken } from '../deploy/launch-token';
import { OPERATION_KEY } from '../deploy/useOperation';
import dynamic from 'next/dynamic';
import { restoreAutosave, startAutosave, writeAutosave, type Restored } from '@/store/autosave';
import { createDesignerStore, type DesignerStore } from '@/store/designer';
import { ActionsProvider, type DialogKind } from '../actions/ActionsProvider';
import { AnalysisProvider } from '../analysis/AnalysisContext';
import { Canvas } from '../canvas/Canvas';
import { Dock } from '../dock/Dock';
import { Inspector } from '../inspector/Inspector';
import { NoticeBar } from '../notices/NoticeBar';
import { RecoveryBanner } from '../notices/RecoveryBanner';
import { Palette } from '../palette/Palette';
import { Toolbar } from '../toolbar/Toolbar';
import { CrashBoundary } from './CrashBoundary';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { DesignerStoreProvider, useDesignerStore } from './store-context';
import { StageProvider, useStage } from '../stage/StageContext';
import { FoldedRail, ResizeHandle } from '../panels/PanelControls';
import { PanelsProvider, usePanels } from '../panels/PanelsContext';
import { RAIL } from '../panels/panels';

// Loaded when opened: the designer's first load carries neither the deploy panel nor the blueprints.
const DeployDialog = dynamic(() => import('../deploy/DeployDialog').then((m) => m.DeployDialog), { ssr: false });
const BlueprintGallery = dynamic(() => import('../blueprints/BlueprintGallery').then((m) => m.BlueprintGallery), { ssr: false });
const Presentation = dynamic(() => import('../present/Presentation').then((m) => m.Presentation), { ssr: false });
const ImportDialog = dynamic(() => import('../import/ImportDialog').then((m) => m.ImportDialog), { ssr: false });
const FindDialog = dynamic(() => import('../find/FindDialog').then((m) => m.FindDialog), { ssr: false });

/** What the designer loads before its first render, when the visit needs it: a share link's decompressor. */
export async function prepareDesigner() {
  if (isShareFragment(window.location.hash)) await loadShareCodec();
}

interface Session {
  store: DesignerStore;
  restored: Restored;
  /** The user's own diagram, kept aside while a shared one is being viewed. */
  own?: Graph;
}

function openSession(): Session {
  takeLaunchToken();
  const restored = restoreAutosave(window.localStorage);
  const own = restored.status === 'restored' ? restored.graph : undefined;
  const shared = readShareFragment(window.location.hash);
  if (shared?.ok) {
    const store = createDesignerStore(shared.graph);
    store.getState().setReadOnly(true);
    return { store, restored, own: own ?? emptyGraph() };
  }
  const store = createDesignerStore(own);
  if (shared && !shared.ok) store.getState().notify('error', `${shared.error}. Your own diagram is shown instead.`);
  else if (restored.status === 'restored' && restored.migratedFrom !== undefined)
    store.getState().notify('info', `Your diagram was saved by an older version (format ${restored.migratedFrom}) and has been upgraded`);
  return { store, restored };
}

export function Designer() {
  const [{ store, restored, own }] = useState(openSession);
  const readOnly = useStore(store, (s) => s.readOnly);
  // A shared diagram is never autosaved: it would replace the user's own until they make a copy.
  useEffect(() => (readOnly ? undefined : startAutosave(store, window.localStorage)), [store, readOnly]);
  const makeCopy = () => {
    window.history.replaceState(null, '', window.location.pathname);
    writeAutosave(window.localStorage, store.getState().graph);
    store.getState().setReadOnly(false);
    // Undo brings the user's previous diagram back.
    if (own) store.temporal.setState({ pastStates: [{ graph: own }], futureStates: [] });
    store.getState().notify('info', 'This copy is now your diagram. Undo (Ctrl+Z) brings your previous one back.');
  };
  // A deployment still running when the page was reloaded is followed again.
  const [dialog, setDialog] = useState<Dialog>(() => {
    const running = window.sessionStorage.getItem(OPERATION_KEY);
    return running ? { kind: 'deploy', resume: running } : null;
  });
  const openDialog = useCallback((kind: DialogKind) => setDialog({ kind }), []);

  return (
    <CrashBoundary>
      <DesignerStoreProvider store={store}>
        <ReactFlowProvider>
          <AnalysisProvider>
            <StageProvider>
              <PanelsProvider>
                <ActionsProvider openDialog={openDialog}>
                  <Workspace readOnly={readOnly} restored={restored} makeCopy={makeCopy} dialog={dialog} setDialog={setDialog} />
                  <KeyboardShortcuts />
                </ActionsProvider>
              </PanelsProvider>
            </StageProvider>
          </AnalysisProvider>
        </ReactFlowProvider>
      </DesignerStoreProvider>
    </CrashBoundary>
  );
}

type Dialog = { kind: 'deploy'; resume?: string | null } | { kind: 'blueprints' } | { kind: 'import' } | { kind: 'find' } | null;

/** The designer's panels; in presentation mode, the canvas alone with the presentation's caption. */
function Workspace({ readOnly, restored, makeCopy, dialog, setDialog }: { readOnly: boolean; restored: Restored; makeCopy: () => void; dialog: Dialog; setDialog: (d: Dialog) => void }) {
  const store = useDesignerStore();
  const { presenting, setPresenting } = useStage();
  const { panels, shown } = usePanels();
  const side = (id: 'palette' | 'inspector') => (shown(id) ? panels[id].size : RAIL);
  // Slots stay in place (false when hidden) so the canvas is never remounted when presenting starts.
  return (
    <>
      <div className={`grid h-screen overflow-hidden ${presenting ? 'grid-rows-[0_0_minmax(0,1fr)_auto]' : 'grid-rows-[auto_auto_1fr]'}`}>
        {!presenting ? <Toolbar /> : <div />}
        <div>
          {!presenting && restored.status === 'recovered' && <RecoveryBanner error={restored.error} brokenCopy={restored.brokenCopy} />}
          {!presenting && readOnly && (
            <div role="status" className="flex items-center gap-3 border-b border-sky-300 bg-sky-50 px-4 py-2 text-sm text-sky-950">
              <span>You are viewing a shared diagram, read-only. Nothing was sent to a server: it is all in the link.</span>
              <button type="button" className="rounded bg-blue-600 px-2 py-0.5 text-white" onClick={makeCopy}>
                Make a copy
              </button>
            </div>
          )}
          {!presenting && <NoticeBar />}
        </div>
        <div className="grid min-h-0" style={{ gridTemplateColumns: presenting ? '0 minmax(0,1fr) 0' : `${side('palette')}px minmax(0,1fr) ${side('inspector')}px` }}>
          {presenting ? (
            <div />
          ) : !shown('palette') ? (
            <FoldedRail panel="palette" label="Services" />
          ) : (
            <div className="relative grid min-h-0">
              {readOnly ? (
                <aside aria-label="Services palette" className="border-r border-slate-200 bg-white p-3 text-sm text-slate-500">
                  Make a copy to add services.
                </aside>
              ) : (
                <Palette />
              )}
              <ResizeHandle panel="palette" />
            </div>
          )}
          <div className="grid min-h-0 min-w-0 grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto] overflow-hidden">
            <Canvas />
            {presenting ? <div /> : <Dock />}
          </div>
          {presenting ? (
            <div />
          ) : !shown('inspector') ? (
            <FoldedRail panel="inspector" label="Inspector" />
          ) : (
            <div className="relative grid min-h-0">
              <Inspector />
              <ResizeHandle panel="inspector" />
            </div>
          )}
        </div>
        {presenting && <Presentation onExit={() => setPresenting(false)} />}
      </div>
      {dialog?.kind === 'deploy' && <DeployDialog graph={store.getState().graph} resumeOperation={dialog.resume} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'find' && <FindDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'blueprints' && <BlueprintGallery onClose={() => setDialog(null)} onDeploy={() => setDialog({ kind: 'deploy' })} />}
    </>
  );
}
