import { describe, expect, it } from 'vitest';
import { CONNECTION_RULES, propBag, type ServiceKind } from '../generators';
import { createDesignerStore, redo, undo, type DesignerStore } from './designer';

const names = (store: DesignerStore) => store.getState().graph.nodes.map((n) => n.name);

function addPair(store: DesignerStore, from: ServiceKind, to: ServiceKind) {
  const a = store.getState().addNode(from, { x: 0, y: 0 })!;
  const b = store.getState().addNode(to, { x: 300, y: 0 })!;
  return [a, b] as const;
}

describe('designer store', () => {
  it('GIVEN a queue drawn right of its consumer WHEN laid out THEN the source moves left of the target, in one undoable step', async () => {
    const store = createDesignerStore();
    const worker = store.getState().addNode('lambda', { x: 0, y: 0 })!;
    const jobs = store.getState().addNode('sqs', { x: 600, y: 0 })!;
    store.getState().connect(jobs, worker);
    await store.getState().layout();
    const x = (id: string) => store.getState().graph.nodes.find((n) => n.id === id)!.position.x;
    expect(x(jobs)).toBeLessThan(x(worker));
    undo(store);
    expect(x(jobs)).toBe(600);
  });

  it('GIVEN an empty diagram WHEN a node is added THEN it is in the graph and selected', () => {
    const store = createDesignerStore();
    const id = store.getState().addNode('lambda', { x: 100, y: 50 });
    expect(store.getState().graph.nodes).toMatchObject([{ id, kind: 'lambda', name: 'Function1', position: { x: 100, y: 50 } }]);
    expect(store.getState().selection).toEqual({ nodes: [id], edges: [] });
  });

  it('GIVEN a node WHEN renamed validly THEN it changes; WHEN invalidly THEN a notice says why and nothing changes', () => {
    const store = createDesignerStore();
    const id = store.getState().addNode('sqs', { x: 0, y: 0 })!;
    expect(store.getState().renameNode(id, 'Orders').ok).toBe(true);
    expect(store.getState().renameNode(id, 'Orders Queue').ok).toBe(false);
    expect(names(store)).toEqual(['Orders']);
    expect(store.getState().notice).toMatchObject({ tone: 'error', message: expect.stringMatching(/only letters and digits/) });
  });

  // A website bucket and a queue without its own dead-letter queue are set up by their own tests below.
  it.each(CONNECTION_RULES.filter((r) => !(r.from === 's3' && r.to === 'apigateway') && !(r.from === 'sqs' && r.to === 'sqs')).map((r) => [r.from, r.to] as const))(
    'GIVEN a %s and a %s WHEN connected THEN the edge exists and is selected',
    (from, to) => {
      const store = createDesignerStore();
      const [a, b] = addPair(store, from, to);
      expect(store.getState().connect(a, b)).toBe(true);
      const edge = store.getState().graph.edges[0];
      expect(edge).toMatchObject({ source: a, target: b });
      expect(store.getState().selection.edges).toEqual([edge.id]);
    },
  );

  it.each([
    ['sns', 'dynamodb', 'SNS cannot write to a table: put a Lambda between them'],
    ['kinesis', 'dynamodb', 'Kinesis cannot write to a table: put a Lambda between them'],
    ['sqs', 'sqs', 'Queue1 has its own dead-letter queue: turn that off first to send its dead letters to Queue2'],
  ] as const)('GIVEN %s and %s WHEN connected THEN it is refused with a notice', (from, to, message) => {
    const store = createDesignerStore();
    const [a, b] = addPair(store, from, to);
    expect(store.getState().connect(a, b)).toBe(false);
    expect(store.getState().graph.edges).toHaveLength(0);
    expect(store.getState().notice?.message).toBe(message);
  });

  it('GIVEN connected nodes WHEN a node is deleted THEN its edges go too, and undo brings both back', () => {
    const store = createDesignerStore();
    const [queue, fn] = addPair(store, 'sqs', 'lambda');
    store.getState().connect(queue, fn);
    store.getState().select({ nodes: [fn], edges: [] });
    store.getState().deleteSelection();
    expect(store.getState().graph.edges).toHaveLength(0);
    expect(names(store)).toEqual(['Queue1']);
    undo(store);
    expect(names(store)).toEqual(['Queue1', 'Function1']);
    expect(store.getState().graph.edges).toHaveLength(1);
  });

  it('GIVEN a series of changes WHEN undone and redone THEN each step is reverted and reapplied, and selection changes are not steps', () => {
    const store = createDesignerStore();
    const id = store.getState().addNode('sns', { x: 0, y: 0 })!;
    store.getState().renameNode(id, 'Alerts');
    store.getState().select({ nodes: [], edges: [] });
    store.getState().setNodeProp(id, 'fifo', true);
    undo(store);
    expect(propBag(store.getState().graph.nodes[0]).fifo).toBe(false);
    undo(store);
    expect(names(store)).toEqual(['Topic1']);
    undo(store);
    expect(names(store)).toEqual([]);
    redo(store);
    redo(store);
    expect(names(store)).toEqual(['Alerts']);
  });

  it('GIVEN a drag of many moves WHEN undone once THEN the node is back where the drag began', () => {
    const store = createDesignerStore();
    const id = store.getState().addNode('s3', { x: 10, y: 10 })!;
    const past = store.temporal.getState().pastStates.length;
    store.getState().beginDrag();
    for (let i = 1; i <= 20; i++) store.getState().dragNodes(new Map([[id, { x: 10 + i * 5, y: 10 }]]));
    store.getState().endDrag();
    expect(store.getState().graph.nodes[0].position).toEqual({ x: 110, y: 10 });
    expect(store.temporal.getState().pastStates.length).toBe(past + 1);
    undo(store);
    expect(store.getState().graph.nodes[0].position).toEqual({ x: 10, y: 10 });
    redo(store);
    expect(store.getState().graph.nodes[0].position).toEqual({ x: 110, y: 10 });
  });

  it('GIVEN a selected pair WHEN copied and pasted twice THEN each copy is offset and renamed', () => {
    const store = createDesignerStore();
    const [api, fn] = addPair(store, 'apigateway', 'lambda');
    store.getState().connect(api, fn);
    store.getState().select({ nodes: [api, fn], edges: [] });
    store.getState().copySelection();
    store.getState().paste();
    store.getState().paste();
    expect(names(store)).toEqual(['Api1', 'Function1', 'Api2', 'Function2', 'Api3', 'Function3']);
    expect(store.getState().graph.edges).toHaveLength(3);
    const positions = store
      .getState()
      .graph.nodes.filter((n) => n.kind === 'apigateway')
      .map((n) => n.position);
    expect(positions).toEqual([
      { x: 0, y: 0 },
      { x: 40, y: 40 },
      { x: 80, y: 80 },
    ]);
  });

  it('GIVEN a selected node WHEN duplicated THEN a copy is added and selected', () => {
    const store = createDesignerStore();
    const id = store.getState().addNode('dynamodb', { x: 0, y: 0 })!;
    store.getState().setNodeProp(id, 'partitionKey', 'pk');
    store.getState().duplicateSelection();
    const [, copy] = store.getState().graph.nodes;
    expect(copy).toMatchObject({ name: 'Table2', props: { partitionKey: 'pk' } });
    expect(store.getState().selection.nodes).toEqual([copy.id]);
  });

  it('GIVEN a selected node WHEN its addition is undone THEN the selection no longer points at it', () => {
    const store = createDesignerStore();
    store.getState().addNode('sqs', { x: 0, y: 0 });
    undo(store);
    expect(store.getState().selection.nodes).toEqual([]);
  });
});

describe('a shared diagram', () => {
  it('GIVEN a read-only store THEN selection works but every change is refused with the reason, and undo has nothing', () => {
    const source = createDesignerStore();
    const [q, f] = addPair(source, 'sqs', 'lambda');
    source.getState().connect(q, f);
    const store = createDesignerStore(source.getState().graph);
    store.getState().setReadOnly(true);
    const before = store.getState().graph;
    store.getState().select({ nodes: [q], edges: [] });
    expect(store.getState().selection.nodes).toEqual([q]);
    expect(store.getState().addNode('sns', { x: 0, y: 0 })).toBeNull();
    expect(store.getState().renameNode(q, 'Jobs').ok).toBe(false);
    store.getState().deleteSelection();
    store.getState().beginDrag();
    store.getState().dragNodes(new Map([[q, { x: 500, y: 500 }]]));
    store.getState().endDrag();
    expect(store.getState().graph).toBe(before);
    expect(store.getState().notice?.message).toBe('This shared diagram is read-only: make a copy to change it');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('notices', () => {
  it('GIVEN an error the user has not dismissed (an autosave that failed) WHEN an info note follows THEN the error stays', () => {
    const store = createDesignerStore();
    store.getState().notify('error', 'Autosave failed');
    store.getState().notify('info', 'Started a new diagram');
    expect(store.getState().notice?.message).toBe('Autosave failed');
    store.getState().dismissNotice();
    store.getState().notify('info', 'Started a new diagram');
    expect(store.getState().notice?.message).toBe('Started a new diagram');
  });
});
