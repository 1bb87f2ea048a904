/**
 * Every change to the diagram is written to local storage at once (not debounced: a crash a moment
 * later must not lose it), in the same versioned format as a saved file. A save that cannot be read
 * back is set aside, never overwritten, and offered to the user for download.
 */
import { parseGraphFile, serializeGraph, type Graph } from '../generators';
import type { DesignerStore } from './designer';

export const AUTOSAVE_KEY = 'eventform:autosave';
export const BROKEN_SAVE_KEY = 'eventform:autosave-broken';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Restored = { status: 'empty' } | { status: 'restored'; graph: Graph; migratedFrom?: number } | { status: 'recovered'; error: string; brokenCopy: string };

export function restoreAutosave(storage: KeyValueStorage): Restored {
  const raw = storage.getItem(AUTOSAVE_KEY);
  if (raw === null) {
    const broken = storage.getItem(BROKEN_SAVE_KEY);
    return broken === null ? { status: 'empty' } : { status: 'recovered', error: 'An earlier save could not be read', brokenCopy: broken };
  }
  let parsed: ReturnType<typeof parseGraphFile>;
  try {
    parsed = parseGraphFile(raw);
  } catch (error) {
    // Whatever goes wrong reading it, the app starts: the save is kept aside, never read again at every start.
    parsed = { ok: false, error: `the save could not be read (${(error as Error).message})`, problems: [] };
  }
  if (parsed.ok) return parsed.migratedFrom === undefined ? { status: 'restored', graph: parsed.graph } : { status: 'restored', graph: parsed.graph, migratedFrom: parsed.migratedFrom };
  storage.setItem(BROKEN_SAVE_KEY, raw);
  storage.removeItem(AUTOSAVE_KEY);
  return { status: 'recovered', error: parsed.error, brokenCopy: raw };
}

/** Sets the current save aside as a broken copy, so the next start is an empty canvas that offers it for download. */
export function setAsideSave(storage: KeyValueStorage) {
  const raw = storage.getItem(AUTOSAVE_KEY);
  if (raw !== null) storage.setItem(BROKEN_SAVE_KEY, raw);
  storage.removeItem(AUTOSAVE_KEY);
}

export function forgetBrokenSave(storage: KeyValueStorage) {
  storage.removeItem(BROKEN_SAVE_KEY);
}

/** Writes the diagram now (a shared diagram becomes the user's own when copied). */
export function writeAutosave(storage: KeyValueStorage, graph: Graph) {
  storage.setItem(AUTOSAVE_KEY, serializeGraph(graph));
}

/** Writes the diagram whenever it changes (a drag is written when it ends); returns the unsubscribe. */
export function startAutosave(store: DesignerStore, storage: KeyValueStorage): () => void {
  let failed = false;
  const write = (graph: Graph) => {
    try {
      storage.setItem(AUTOSAVE_KEY, serializeGraph(graph));
      failed = false;
    } catch (error) {
      if (!failed) store.getState().notify('error', `Autosave failed (${(error as Error).message}): save the diagram to a file to keep it`);
      failed = true;
    }
  };
  return store.subscribe((state, previous) => {
    if (state.dragging) return;
    if (state.graph !== previous.graph || previous.dragging) write(state.graph);
  });
}
