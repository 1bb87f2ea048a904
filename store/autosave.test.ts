import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../generators';
import { AUTOSAVE_KEY, BROKEN_SAVE_KEY, restoreAutosave, setAsideSave, startAutosave, type KeyValueStorage } from './autosave';
import { createDesignerStore } from './designer';

class MemoryStorage implements KeyValueStorage {
  items = new Map<string, string>();
  failWrites = false;
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  };
  removeItem = (key: string) => void this.items.delete(key);
}

function sessionWith(storage: MemoryStorage) {
  const restored = restoreAutosave(storage);
  const store = createDesignerStore(restored.status === 'restored' ? restored.graph : undefined);
  startAutosave(store, storage);
  return { store, restored };
}

describe('autosave', () => {
  it('GIVEN changes in one session WHEN a new session starts THEN the diagram is restored exactly', () => {
    const storage = new MemoryStorage();
    const first = sessionWith(storage).store;
    const [q, f] = [first.getState().addNode('sqs', { x: 5, y: 6 })!, first.getState().addNode('lambda', { x: 300, y: 6 })!];
    first.getState().connect(q, f);
    first.getState().setNodeProp(f, 'timeoutSeconds', 20);
    const second = sessionWith(storage);
    expect(second.restored.status).toBe('restored');
    expect(second.store.getState().graph).toEqual(first.getState().graph);
  });

  it('GIVEN a drag in progress THEN nothing is written until it ends', () => {
    const storage = new MemoryStorage();
    const { store } = sessionWith(storage);
    const id = store.getState().addNode('s3', { x: 0, y: 0 })!;
    const before = storage.getItem(AUTOSAVE_KEY);
    store.getState().beginDrag();
    store.getState().dragNodes(new Map([[id, { x: 50, y: 50 }]]));
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(before);
    store.getState().endDrag();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).nodes[0].position).toEqual({ x: 50, y: 50 });
  });

  it('GIVEN an autosave of an older format version THEN it is migrated on restore', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'eventform/graph', version: 0, title: 'Old', nodes: [{ id: 'a', type: 'sns', label: 'Alerts', x: 0, y: 0, data: {} }], edges: [] }));
    const { restored, store } = sessionWith(storage);
    expect(restored).toMatchObject({ status: 'restored', migratedFrom: 0 });
    expect(store.getState().graph.nodes[0]).toMatchObject({ kind: 'sns', name: 'Alerts' });
  });

  it('GIVEN a corrupt autosave THEN the session starts empty, the broken copy is kept apart and survives new saves', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"format":"eventform/graph","version":1,"nodes":[{');
    const { restored, store } = sessionWith(storage);
    expect(restored).toMatchObject({ status: 'recovered', error: expect.stringMatching(/not valid JSON/), brokenCopy: '{"format":"eventform/graph","version":1,"nodes":[{' });
    expect(store.getState().graph.nodes).toEqual([]);
    store.getState().addNode('sqs', { x: 0, y: 0 });
    expect(storage.getItem(BROKEN_SAVE_KEY)).toBe('{"format":"eventform/graph","version":1,"nodes":[{');
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).nodes).toHaveLength(1);
  });

  it('GIVEN full storage WHEN a change is saved THEN the user is told once and the diagram is kept in memory', () => {
    const storage = new MemoryStorage();
    const { store } = sessionWith(storage);
    storage.failWrites = true;
    store.getState().addNode('sqs', { x: 0, y: 0 });
    expect(store.getState().notice?.message).toMatch(/Autosave failed/);
    expect(store.getState().graph.nodes).toHaveLength(1);
    expect(serializeGraph(store.getState().graph)).toContain('Queue1');
  });
});

describe('a save that breaks the reader', () => {
  it('GIVEN a save nested so deep that reading it would overflow THEN the app starts empty, the save kept aside, and the next start does not read it again', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, `{"format":"eventform/graph","version":1,"name":"x","nodes":[],"edges":[],"template":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const first = restoreAutosave(storage);
    expect(first.status).toBe('recovered');
    if (first.status === 'recovered') expect(first.error).toMatch(/nests more than 100 levels/);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(restoreAutosave(storage).status).toBe('recovered');
  });

  it('GIVEN the crash screen\'s "start with an empty canvas" THEN the save is set aside as the broken copy', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"some":"diagram"}');
    setAsideSave(storage);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(storage.getItem(BROKEN_SAVE_KEY)).toBe('{"some":"diagram"}');
  });
});
