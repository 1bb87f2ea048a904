/** The action registry, headless: which key runs which verb, what a read-only diagram allows, and that a verb does what it says. */
import { describe, expect, it } from 'vitest';
import { createDesignerStore } from '@/store/designer';
import { ACTIONS, actionById, actionForKey, type ActionContext } from './actions';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

function contextFor(store = createDesignerStore()): ActionContext & { opened: string[] } {
  const opened: string[] = [];
  return {
    store,
    opened,
    openDialog: (kind) => opened.push(kind),
    present: () => opened.push('present'),
    pickFile: () => opened.push('file'),
    exportImage: (f) => opened.push(f),
    fitView: () => opened.push('fit'),
    zoom: (direction) => opened.push(`zoom ${direction}`),
    pan: (dx, dy) => opened.push(`pan ${dx},${dy}`),
    toggleFocus: () => opened.push('focus'),
    writeClipboard: async () => undefined,
  };
}

describe('the action registry', () => {
  it('GIVEN the keys people use THEN each runs its verb (Ctrl or Cmd, Shift where it matters)', () => {
    expect(actionForKey(key('z', { ctrl: true }), false)?.id).toBe('undo');
    expect(actionForKey(key('Z', { ctrl: true, shift: true }), false)?.id).toBe('redo');
    expect(actionForKey(key('y', { meta: true }), false)?.id).toBe('redo');
    expect(actionForKey(key('d', { ctrl: true }), false)?.id).toBe('duplicate');
    expect(actionForKey(key('Backspace'), false)?.id).toBe('delete');
    expect(actionForKey(key('Delete'), false)?.id).toBe('delete');
    expect(actionForKey(key('d'), false)).toBeUndefined();
  });

  it('GIVEN a read-only shared diagram THEN no key and no toolbar verb can change it', () => {
    expect(actionForKey(key('Delete'), true)).toBeUndefined();
    expect(actionForKey(key('z', { ctrl: true }), true)).toBeUndefined();
    expect(ACTIONS.filter((a) => a.toolbar && a.readOnly).map((a) => a.id)).toEqual(['save', 'find', 'present', 'share', 'export-cdk', 'export-sam', 'export-png', 'export-svg']);
  });

  it('GIVEN the view keys THEN Ctrl+K and / find, F focuses, + - and 0 zoom and fit, arrows pan only when no node or control has the focus', () => {
    const ids = (...args: Parameters<typeof actionForKey>) => actionForKey(...args)?.id;
    expect(ids(key('k', { ctrl: true }), true)).toBe('find');
    expect(ids(key('/'), true)).toBe('find');
    expect(ids(key('f'), true)).toBe('focus');
    expect([ids(key('+', { shift: true }), true), ids(key('='), true), ids(key('-'), true), ids(key('0'), true)]).toEqual(['zoom-in', 'zoom-in', 'zoom-out', 'fit']);
    expect(ids(key('ArrowLeft'), false, true)).toBe('pan-left');
    expect(ids(key('ArrowLeft'), false, false)).toBeUndefined();
    // Alt+Left is the browser's Back: never taken.
    expect(ids(key('ArrowLeft', { alt: true }), false, true)).toBeUndefined();
  });

  it('GIVEN a selected node WHEN focus runs THEN the context is asked to focus; without a selection it is disabled', () => {
    const ctx = contextFor();
    const state = () => ({ state: ctx.store.getState(), canUndo: false, canRedo: false });
    expect(actionById('focus').enabled(state())).toBe(false);
    const id = ctx.store.getState().addNode('sqs', { x: 0, y: 0 })!;
    ctx.store.getState().select({ nodes: [id], edges: [] });
    expect(actionById('focus').enabled(state())).toBe(true);
    actionById('focus').run(ctx);
    actionById('pan-down').run(ctx);
    expect(ctx.opened).toEqual(['focus', 'pan 0,1']);
  });

  it('GIVEN a selected node WHEN delete, then undo, run THEN the node goes and comes back', () => {
    const ctx = contextFor();
    const id = ctx.store.getState().addNode('sqs', { x: 0, y: 0 })!;
    ctx.store.getState().select({ nodes: [id], edges: [] });
    const state = () => ({ state: ctx.store.getState(), canUndo: ctx.store.temporal.getState().pastStates.length > 0, canRedo: false });
    expect(actionById('delete').enabled(state())).toBe(true);
    actionById('delete').run(ctx);
    expect(ctx.store.getState().graph.nodes).toHaveLength(0);
    expect(actionById('delete').enabled(state())).toBe(false);
    actionById('undo').run(ctx);
    expect(ctx.store.getState().graph.nodes.map((n) => n.id)).toEqual([id]);
  });

  it('GIVEN an empty diagram THEN deploying, presenting and exporting are disabled, and the dialogs open through the context', () => {
    const ctx = contextFor();
    const state = { state: ctx.store.getState(), canUndo: false, canRedo: false };
    for (const id of ['deploy', 'present', 'share', 'export-png', 'auto-layout']) expect(actionById(id).enabled(state), id).toBe(false);
    actionById('blueprints').run(ctx);
    actionById('import').run(ctx);
    expect(ctx.opened).toEqual(['blueprints', 'import']);
  });
});
