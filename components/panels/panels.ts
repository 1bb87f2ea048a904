/**
 * The designer's panels around the canvas: the services palette (left), the inspector (right) and
 * the output dock (below). Each folds away and can be resized; sizes and folds are remembered in
 * local storage, which is read as untrusted (anything out of range falls back to the default).
 */
import type { KeyValueStorage } from '@/store/autosave';

export type PanelId = 'palette' | 'inspector' | 'dock';

export interface PanelState {
  open: boolean;
  /** Width of a side panel, height of the dock, in CSS pixels. */
  size: number;
}

export type Panels = Record<PanelId, PanelState>;

export const PANELS_KEY = 'eventform:panels';

/** Allowed sizes, and the defaults: on a 1440x900 window the canvas gets more than half the screen. */
export const PANEL_LIMITS: Record<PanelId, { min: number; max: number; initial: PanelState }> = {
  palette: { min: 180, max: 420, initial: { open: true, size: 232 } },
  inspector: { min: 260, max: 560, initial: { open: true, size: 320 } },
  dock: { min: 120, max: 720, initial: { open: false, size: 300 } },
};

/** The width of a folded side panel's rail, and the height of the folded dock's tab strip, in CSS pixels. */
export const RAIL = 40;

export const PANEL_IDS = Object.keys(PANEL_LIMITS) as PanelId[];

export const clampSize = (panel: PanelId, size: number) => Math.round(Math.min(PANEL_LIMITS[panel].max, Math.max(PANEL_LIMITS[panel].min, size)));

export function defaultPanels(): Panels {
  return Object.fromEntries(PANEL_IDS.map((id) => [id, { ...PANEL_LIMITS[id].initial }])) as Panels;
}

export function readPanels(storage: KeyValueStorage): Panels {
  const panels = defaultPanels();
  let saved: unknown;
  try {
    saved = JSON.parse(storage.getItem(PANELS_KEY) ?? 'null');
  } catch {
    return panels;
  }
  if (typeof saved !== 'object' || saved === null) return panels;
  for (const id of PANEL_IDS) {
    const entry = (saved as Record<string, unknown>)[id];
    if (typeof entry !== 'object' || entry === null) continue;
    const { open, size } = entry as Record<string, unknown>;
    if (typeof open === 'boolean') panels[id].open = open;
    if (typeof size === 'number' && Number.isFinite(size)) panels[id].size = clampSize(id, size);
  }
  return panels;
}

export function writePanels(storage: KeyValueStorage, panels: Panels): void {
  try {
    storage.setItem(PANELS_KEY, JSON.stringify(panels));
  } catch {
    // Storage full or refused: the panels still work, they are just not remembered.
  }
}

/** Every panel folded, sizes kept: what a freshly opened or imported diagram starts with, so it gets the screen. */
export const folded = (panels: Panels): Panels => Object.fromEntries(PANEL_IDS.map((id) => [id, { ...panels[id], open: false }])) as Panels;
