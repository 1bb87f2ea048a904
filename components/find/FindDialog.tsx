'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { serviceOf, type GraphNode } from '@/generators';
import { useCentreOn } from '../canvas/useFrame';
import { useDesignerStore } from '../designer/store-context';
import { findNodes } from './find-nodes';

const MAX_SHOWN = 50;

/**
 * Find a service by name or by its template's logical id (Ctrl+K or /): Enter centres the canvas
 * on it and selects it. A combobox with a listbox, so a screen reader follows the choice.
 */
export function FindDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const centreOn = useCentreOn();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const nodes = store.getState().graph.nodes;
  const found = useMemo(() => findNodes(nodes, query), [nodes, query]);
  const shown = found.slice(0, MAX_SHOWN);

  const choose = (node: GraphNode) => {
    store.getState().select({ nodes: [node.id], edges: [] });
    onClose();
    // After the selection has brought the inspector out: the canvas is then measured at its new width.
    requestAnimationFrame(() => centreOn(node.id));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') setActive((i) => Math.min(shown.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter' && shown[active]) choose(shown[active]);
    else return;
    event.preventDefault();
  };

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/30 p-6 pt-[12vh]">
      <div role="dialog" aria-modal="true" aria-labelledby="find-title" onKeyDown={onKeyDown} className="flex w-full max-w-lg flex-col gap-2 rounded-lg bg-white p-4 shadow-xl">
        <div className="flex items-center justify-between">
          <h2 id="find-title" className="text-base font-semibold">
            Find a service
          </h2>
          <button type="button" className="rounded border px-2 py-0.5 text-sm" onClick={onClose}>
            Close
          </button>
        </div>
        <input
          ref={field}
          type="search"
          role="combobox"
          aria-label="Name or logical id"
          aria-expanded={shown.length > 0}
          aria-controls="find-results"
          aria-activedescendant={shown[active] ? `find-option-${active}` : undefined}
          aria-autocomplete="list"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          placeholder="Name or logical id"
          className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <div id="find-results" role="listbox" aria-label="Matching services" className="max-h-[50vh] overflow-y-auto">
          {shown.map((node, i) => (
            // The focus stays in the field (aria-activedescendant points here); a click picks too.
            <div
              key={node.id}
              tabIndex={-1}
              id={`find-option-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(node)}
              onKeyDown={() => undefined}
              className={`cursor-pointer rounded px-2 py-1 text-sm ${i === active ? 'bg-blue-100' : ''}`}
            >
              <span className="font-semibold">{node.name}</span> <span className="text-slate-500">{serviceOf(node.kind).shortTitle}</span>
              {node.origin && node.origin.logicalIds[0] !== node.name && <span className="ml-1 text-xs text-slate-500">({node.origin.logicalIds[0]})</span>}
            </div>
          ))}
        </div>
        <p role="status" className="text-xs text-slate-500">
          {found.length === 0
            ? 'No service matches.'
            : `${found.length} service${found.length === 1 ? '' : 's'}${found.length > MAX_SHOWN ? `, the first ${MAX_SHOWN} shown` : ''}. Enter goes to the highlighted one.`}
        </p>
      </div>
    </div>
  );
}
