'use client';

import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANEL_LIMITS, type PanelId } from './panels';
import { usePanels } from './PanelsContext';

export const PANEL_NAMES: Record<PanelId, string> = { palette: 'services palette', inspector: 'inspector', dock: 'output' };

/** Which way dragging the handle grows the panel: the palette grows rightwards, the inspector leftwards, the dock upwards. */
const GROWS: Record<PanelId, { axis: 'x' | 'y'; sign: 1 | -1 }> = { palette: { axis: 'x', sign: 1 }, inspector: { axis: 'x', sign: -1 }, dock: { axis: 'y', sign: -1 } };
const KEY_STEP = 16;

/**
 * The drag handle on a panel's inner edge: a separator that a pointer drags and the keyboard moves
 * (arrow keys by 16 px, Home and End to the smallest and largest size).
 */
export function ResizeHandle({ panel }: { panel: PanelId }) {
  const { panels, resize } = usePanels();
  const { axis, sign } = GROWS[panel];
  const { min, max } = PANEL_LIMITS[panel];
  const start = useRef<{ at: number; size: number } | null>(null);
  const size = panels[panel].size;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = { at: axis === 'x' ? event.clientX : event.clientY, size };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const moved = (axis === 'x' ? event.clientX : event.clientY) - start.current.at;
    resize(panel, start.current.size + sign * moved);
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const grow = axis === 'x' ? { ArrowRight: sign, ArrowLeft: -sign } : { ArrowUp: -sign, ArrowDown: sign };
    const step = grow[event.key as keyof typeof grow];
    if (step !== undefined) resize(panel, size + step * KEY_STEP);
    else if (event.key === 'Home') resize(panel, min);
    else if (event.key === 'End') resize(panel, max);
    else return;
    event.preventDefault();
  };
  const edge =
    panel === 'palette' ? 'right-0 top-0 h-full w-1.5 cursor-col-resize' : panel === 'inspector' ? 'left-0 top-0 h-full w-1.5 cursor-col-resize' : 'left-0 top-0 h-1.5 w-full cursor-row-resize';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator (the ARIA window-splitter pattern) has no HTML element; <hr> cannot be focused or dragged
    <div
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={`Resize the ${PANEL_NAMES[panel]}`}
      aria-valuenow={size}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      className={`absolute z-10 touch-none bg-transparent hover:bg-blue-300 focus-visible:bg-blue-400 focus-visible:outline-none ${edge}`}
    />
  );
}

/** The button that folds a panel away or brings it back. */
export function FoldButton({ panel, className = '' }: { panel: PanelId; className?: string }) {
  const { shown, toggle } = usePanels();
  const open = shown(panel);
  const arrow = panel === 'palette' ? (open ? '«' : '»') : panel === 'inspector' ? (open ? '»' : '«') : open ? '▾' : '▴';
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-label={`${open ? 'Hide' : 'Show'} the ${PANEL_NAMES[panel]}`}
      title={`${open ? 'Hide' : 'Show'} the ${PANEL_NAMES[panel]}`}
      onClick={() => toggle(panel)}
      className={`rounded px-1.5 text-slate-600 hover:bg-slate-100 ${className}`}
    >
      <span aria-hidden="true">{arrow}</span>
    </button>
  );
}

/** A folded side panel: a narrow rail with the button that brings it back and the panel's name. */
export function FoldedRail({ panel, label }: { panel: 'palette' | 'inspector'; label: string }) {
  const { toggle } = usePanels();
  return (
    <div className={`flex min-h-0 flex-col items-center gap-2 bg-white py-2 ${panel === 'palette' ? 'border-r' : 'border-l'} border-slate-200`}>
      <FoldButton panel={panel} />
      <button type="button" tabIndex={-1} aria-hidden="true" onClick={() => toggle(panel)} className="text-xs font-semibold uppercase tracking-wide text-slate-500 [writing-mode:vertical-rl]">
        {label}
      </button>
    </div>
  );
}
