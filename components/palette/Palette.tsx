'use client';

import { useMemo, useState, type DragEvent } from 'react';
import { FoldButton } from '../panels/PanelControls';
import { freePosition, PALETTE_KINDS, serviceOf, type PaletteGroup, type ServiceKind } from '@/generators';
import { ServiceIcon } from '../icons/ServiceIcon';
import { useDesignerStore } from '../designer/store-context';
import { useVisibleCenter } from '../canvas/useVisibleCenter';

export const PALETTE_MIME = 'application/x-eventform-kind';

const GROUPS: { group: PaletteGroup; title: string }[] = [
  { group: 'source', title: 'Event sources' },
  { group: 'router', title: 'Routers' },
  { group: 'destination', title: 'Destinations and compute' },
];

function matches(kind: ServiceKind, query: string) {
  const s = serviceOf(kind);
  const haystack = `${s.title} ${s.shortTitle} ${s.kind} ${s.description}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function Palette() {
  const [query, setQuery] = useState('');
  const store = useDesignerStore();
  const visibleCenter = useVisibleCenter();
  const visible = useMemo(() => PALETTE_KINDS.filter((k) => matches(k, query)), [query]);

  const onDragStart = (event: DragEvent, kind: ServiceKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <aside aria-label="Services palette" className="flex min-h-0 flex-col border-r border-slate-200 bg-white">
      <div className="border-b border-slate-200 p-3">
        <div className="flex items-center justify-between">
          <label htmlFor="palette-search" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            Services
          </label>
          <FoldButton panel="palette" />
        </div>
        <input
          id="palette-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search services"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <p className="mt-1 text-xs text-slate-500">Drag onto the canvas, or focus and press Enter.</p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {visible.length === 0 && <p className="p-2 text-sm text-slate-500">No service matches “{query}”.</p>}
        {GROUPS.map(({ group, title }) => {
          const kinds = visible.filter((k) => serviceOf(k).group === group);
          if (kinds.length === 0) return null;
          return (
            <section key={group} aria-label={title} className="mb-3">
              <h2 className="px-1 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
              <ul className="space-y-1">
                {kinds.map((kind) => (
                  <li key={kind}>
                    <button
                      type="button"
                      draggable
                      aria-label={serviceOf(kind).title}
                      aria-describedby={`palette-desc-${kind}`}
                      data-kind={kind}
                      onDragStart={(e) => onDragStart(e, kind)}
                      onClick={() => store.getState().addNode(kind, freePosition(store.getState().graph, visibleCenter()))}
                      className="flex w-full cursor-grab items-center gap-2 rounded border border-transparent p-1.5 text-left hover:border-slate-300 hover:bg-slate-50 active:cursor-grabbing"
                    >
                      <ServiceIcon kind={kind} size={32} />
                      <span className="min-w-0">
                        <span className="block text-sm font-medium">{serviceOf(kind).title}</span>
                        {/* Read as the button's description (aria-describedby), not as part of its name: the name stays the title it shows first. */}
                        <span id={`palette-desc-${kind}`} aria-hidden="true" className="block text-xs text-slate-500">
                          {serviceOf(kind).description}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </aside>
  );
}
