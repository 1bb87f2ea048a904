'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { DeployDialog } from '../deploy/DeployDialog';
import { OPERATION_KEY } from '../deploy/useOperation';
import { BlueprintGallery } from '../blueprints/BlueprintGallery';
import { restoreAutosave, startAutosave, type Restored } from '@/store/autosave';
import { createDesignerStore, type DesignerStore } from '@/store/designer';
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
import { DesignerStoreProvider } from './store-context';

function openSession(): { store: DesignerStore; restored: Restored } {
  const restored = restoreAutosave(window.localStorage);
  const store = createDesignerStore(restored.status === 'restored' ? restored.graph : undefined);
  if (restored.status === 'restored' && restored.migratedFrom !== undefined)
    store.getState().notify('info', `Your diagram was saved by an older version (format ${restored.migratedFrom}) and has been upgraded`);
  return { store, restored };
}

export function Designer() {
  const [{ store, restored }] = useState(openSession);
  useEffect(() => startAutosave(store, window.localStorage), [store]);
  // A deployment still running when the page was reloaded is followed again.
  const [dialog, setDialog] = useState<{ kind: 'deploy'; resume?: string | null } | { kind: 'blueprints' } | null>(() => {
    const running = window.sessionStorage.getItem(OPERATION_KEY);
    return running ? { kind: 'deploy', resume: running } : null;
  });

  return (
    <CrashBoundary>
      <DesignerStoreProvider store={store}>
        <ReactFlowProvider>
          <AnalysisProvider>
          <div className="grid h-screen grid-rows-[auto_auto_1fr] overflow-hidden">
            <Toolbar onDeploy={() => setDialog({ kind: 'deploy' })} onBlueprints={() => setDialog({ kind: 'blueprints' })} />
            <div>
              {restored.status === 'recovered' && <RecoveryBanner error={restored.error} brokenCopy={restored.brokenCopy} />}
              <NoticeBar />
            </div>
            <div className="grid min-h-0 grid-cols-[260px_minmax(0,1fr)_340px]">
              <Palette />
              <div className="grid min-h-0 min-w-0 grid-cols-[minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto] overflow-hidden">
                <Canvas />
                <Dock />
              </div>
              <Inspector />
            </div>
          </div>
          <KeyboardShortcuts />
          {dialog?.kind === 'deploy' && <DeployDialog graph={store.getState().graph} resumeOperation={dialog.resume} onClose={() => setDialog(null)} />}
          {dialog?.kind === 'blueprints' && <BlueprintGallery onClose={() => setDialog(null)} onDeploy={() => setDialog({ kind: 'deploy' })} />}
          </AnalysisProvider>
        </ReactFlowProvider>
      </DesignerStoreProvider>
    </CrashBoundary>
  );
}
