import { describe, expect, it } from 'vitest';
import { defaultPanels, folded, PANEL_LIMITS, PANELS_KEY, readPanels, writePanels } from './panels';

const storage = (initial: Record<string, string> = {}) => {
  const items = new Map(Object.entries(initial));
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
};

describe('remembered panels', () => {
  it('GIVEN a first visit THEN the palette and inspector are open and the output dock folded', () => {
    const panels = readPanels(storage());
    expect([panels.palette.open, panels.inspector.open, panels.dock.open]).toEqual([true, true, false]);
  });

  it('GIVEN panels folded and resized WHEN written and read back THEN they come back as left', () => {
    const store = storage();
    const panels = { ...defaultPanels(), palette: { open: false, size: 300 }, dock: { open: true, size: 400 } };
    writePanels(store, panels);
    expect(readPanels(store)).toEqual(panels);
  });

  it('GIVEN a hostile or broken entry THEN sizes are clamped, wrong types ignored, and nothing throws', () => {
    expect(readPanels(storage({ [PANELS_KEY]: '{not json' }))).toEqual(defaultPanels());
    const read = readPanels(storage({ [PANELS_KEY]: JSON.stringify({ palette: { open: 'yes', size: 1e9 }, inspector: { size: -5 }, dock: null, __proto__: { open: true } }) }));
    expect(read.palette).toEqual({ open: true, size: PANEL_LIMITS.palette.max });
    expect(read.inspector.size).toBe(PANEL_LIMITS.inspector.min);
    expect(read.dock).toEqual(PANEL_LIMITS.dock.initial);
  });

  it('GIVEN a new diagram THEN every panel folds and keeps its size', () => {
    const panels = { ...defaultPanels(), inspector: { open: true, size: 400 } };
    expect(folded(panels).inspector).toEqual({ open: false, size: 400 });
    expect(Object.values(folded(panels)).every((p) => !p.open)).toBe(true);
  });
});
