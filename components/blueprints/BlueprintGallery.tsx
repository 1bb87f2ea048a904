'use client';

import { useEffect, useRef, useState } from 'react';
import { BLUEPRINTS, servicesOf, type Blueprint } from '@/blueprints';
import { serviceOf } from '@/generators';
import { useDesignerStore } from '../designer/store-context';
import { ServiceIcon } from '../icons/ServiceIcon';
import { BlueprintPreview } from './BlueprintPreview';

/** The ready-made architectures: preview, description, services; open one, or open it and deploy it. */
export function BlueprintGallery({ onClose, onDeploy }: { onClose: () => void; onDeploy: () => void }) {
  const store = useDesignerStore();
  const [asking, setAsking] = useState<{ blueprint: Blueprint; then: 'open' | 'deploy' } | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);

  const load = (blueprint: Blueprint, then: 'open' | 'deploy') => {
    store.getState().replaceGraph(structuredClone(blueprint.graph));
    store.getState().notify('info', `Opened the ${blueprint.title} blueprint. Undo (Ctrl+Z) brings your previous diagram back.`);
    if (then === 'deploy') onDeploy();
    else onClose();
  };
  const choose = (blueprint: Blueprint, then: 'open' | 'deploy') => {
    if (store.getState().graph.nodes.length > 0) setAsking({ blueprint, then });
    else load(blueprint, then);
  };

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-auto bg-slate-900/40 p-6">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="gallery-title"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        tabIndex={-1}
        className="w-full max-w-5xl rounded-lg bg-white p-5 shadow-xl"
      >
        <div className="flex items-center justify-between">
          <h2 id="gallery-title" className="text-lg font-semibold">
            Blueprints
          </h2>
          <button type="button" className="rounded border px-2 py-0.5 text-sm" onClick={onClose}>
            Close
          </button>
        </div>
        {asking && (
          <div role="alertdialog" aria-label="Replace the current diagram?" className="mt-3 flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            <span>
              Replace the diagram on the canvas with <strong>{asking.blueprint.title}</strong>? Undo brings it back; Save first to keep a file.
            </span>
            <button type="button" className="rounded bg-blue-600 px-3 py-1 text-white" onClick={() => load(asking.blueprint, asking.then)}>
              Replace it
            </button>
            <button type="button" className="rounded border px-3 py-1" onClick={() => setAsking(null)}>
              Keep my diagram
            </button>
          </div>
        )}
        <ul className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
          {BLUEPRINTS.map((b) => (
            <li key={b.id}>
              <article aria-label={b.title} className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 p-3">
                <h3 className="font-semibold">{b.title}</h3>
                <BlueprintPreview graph={b.graph} title={b.title} />
                <p className="text-sm text-slate-700">{b.description}</p>
                <ul aria-label="Services" className="flex flex-wrap gap-2">
                  {servicesOf(b).map((k) => (
                    <li key={k} className="flex items-center gap-1 text-xs text-slate-600">
                      <ServiceIcon kind={k} size={20} />
                      {serviceOf(k).shortTitle}
                    </li>
                  ))}
                </ul>
                <div className="mt-auto flex gap-2">
                  <button type="button" className="rounded bg-blue-600 px-3 py-1 text-sm text-white" onClick={() => choose(b, 'open')} aria-label={`Open ${b.title}`}>
                    Open
                  </button>
                  <button type="button" className="rounded border px-3 py-1 text-sm" onClick={() => choose(b, 'deploy')} aria-label={`Deploy ${b.title}`}>
                    Deploy
                  </button>
                </div>
              </article>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
