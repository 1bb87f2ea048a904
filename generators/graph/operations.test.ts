import { describe, expect, it } from 'vitest';
import { emptyGraph, type Graph } from './model';
import { addNode, connect, extractFragment, moveNodes, pasteFragment, removeElements, renameNode, setEdgeProp, setNodeProp } from './operations';
import { autoLayout } from './layout';
import type { Props } from '../props/spec';

function chain(): { graph: Graph; api: string; fn: string; table: string } {
  const api = addNode(emptyGraph(), 'apigateway', { x: 0, y: 0 });
  if (!api.ok) throw new Error();
  const fn = addNode(api.graph, 'lambda', { x: 0, y: 0 });
  if (!fn.ok) throw new Error();
  const table = addNode(fn.graph, 'dynamodb', { x: 0, y: 0 });
  if (!table.ok) throw new Error();
  const e1 = connect(table.graph, api.value.id, fn.value.id);
  if (!e1.ok) throw new Error(e1.error);
  const e2 = connect(e1.graph, fn.value.id, table.value.id);
  if (!e2.ok) throw new Error(e2.error);
  return { graph: e2.graph, api: api.value.id, fn: fn.value.id, table: table.value.id };
}

describe('graph operations', () => {
  it('GIVEN a new node THEN it has a default unique name, rounded position and the kind defaults', () => {
    const first = addNode(emptyGraph(), 'sqs', { x: 10.6, y: 3.2 });
    if (!first.ok) throw new Error();
    const second = addNode(first.graph, 'sqs', { x: 0, y: 0 });
    if (!second.ok) throw new Error();
    expect(first.value).toMatchObject({ name: 'Queue1', position: { x: 11, y: 3 }, props: { visibilityTimeoutSeconds: 180, fifo: false } });
    expect(second.value.name).toBe('Queue2');
  });

  it('GIVEN a chain WHEN the function is deleted THEN both of its edges go with it', () => {
    const { graph, fn } = chain();
    const removed = removeElements(graph, [fn]);
    if (!removed.ok) throw new Error();
    expect(removed.graph.nodes).toHaveLength(2);
    expect(removed.graph.edges).toHaveLength(0);
  });

  it('GIVEN a node WHEN renamed validly or invalidly THEN only the valid rename applies', () => {
    const { graph, fn } = chain();
    const good = renameNode(graph, fn, 'OrderHandler');
    expect(good.ok && good.graph.nodes.find((n) => n.id === fn)?.name).toBe('OrderHandler');
    expect(renameNode(graph, fn, 'Order Handler')).toMatchObject({ ok: false });
    expect(renameNode(graph, fn, 'table1')).toMatchObject({ ok: false, error: expect.stringMatching(/already named Table1/) });
  });

  it('GIVEN a node and an edge WHEN props are set THEN valid values apply and invalid ones are refused with the reason', () => {
    const { graph, fn, table } = chain();
    const memory = setNodeProp(graph, fn, 'memoryMiB', 1024);
    expect(memory.ok && (memory.graph.nodes.find((n) => n.id === fn)?.props as Props | undefined)?.memoryMiB).toBe(1024);
    expect(setNodeProp(graph, fn, 'memoryMiB', 64)).toEqual({ ok: false, error: 'Memory must be between 128 and 10240 MiB' });
    const edge = graph.edges.find((e) => e.target === table)!;
    expect(edge.props.access).toBe('read-write');
    const access = setEdgeProp(graph, edge.id, 'access', 'read');
    expect(access.ok && access.graph.edges.find((e) => e.id === edge.id)?.props.access).toBe('read');
    expect(setEdgeProp(graph, edge.id, 'access', 'admin')).toMatchObject({ ok: false, error: expect.stringMatching(/Access must be one of/) });
  });

  it('GIVEN two connected nodes WHEN copied and pasted THEN the copies get new ids and names and keep their edge', () => {
    const { graph, api, fn } = chain();
    const pasted = pasteFragment(graph, extractFragment(graph, [api, fn]), { x: 40, y: 40 });
    if (!pasted.ok) throw new Error(pasted.error);
    expect(pasted.graph.nodes.map((n) => n.name)).toEqual(['Api1', 'Function1', 'Table1', 'Api2', 'Function2']);
    const [newApi, newFn] = pasted.value.nodeIds;
    expect(pasted.graph.edges.some((e) => e.source === newApi && e.target === newFn)).toBe(true);
    expect(pasted.graph.edges).toHaveLength(3);
  });

  it('GIVEN nodes WHEN moved to the same place THEN the graph object is unchanged', () => {
    const { graph, fn } = chain();
    const same = moveNodes(graph, new Map([[fn, { x: 0, y: 0 }]]));
    expect(same.ok && same.graph).toBe(graph);
    const moved = moveNodes(graph, new Map([[fn, { x: 5, y: 6 }]]));
    expect(moved.ok && moved.graph.nodes.find((n) => n.id === fn)?.position).toEqual({ x: 5, y: 6 });
  });

  it('GIVEN a chain WHEN laid out THEN sources are left of their destinations', () => {
    const { graph, api, fn, table } = chain();
    const positions = autoLayout(graph);
    expect(positions.get(api)!.x).toBeLessThan(positions.get(fn)!.x);
    expect(positions.get(fn)!.x).toBeLessThan(positions.get(table)!.x);
  });
});

describe('sameStructure', () => {
  it('GIVEN a move THEN the structure is the same; GIVEN a rename, a prop change or a new edge THEN it is not', async () => {
    const { sameStructure } = await import('./model');
    const { graph, fn, api } = chain();
    const moved = moveNodes(graph, new Map([[fn, { x: 99, y: 99 }]]));
    const renamed = renameNode(graph, fn, 'Other');
    const propped = setNodeProp(graph, fn, 'memoryMiB', 512);
    const removed = removeElements(graph, [], [graph.edges[0].id]);
    if (!moved.ok || !renamed.ok || !propped.ok || !removed.ok) throw new Error();
    expect(sameStructure(graph, moved.graph)).toBe(true);
    expect(sameStructure(graph, renamed.graph)).toBe(false);
    expect(sameStructure(graph, propped.graph)).toBe(false);
    expect(sameStructure(graph, removed.graph)).toBe(false);
    expect(api).toBeTruthy();
  });
});
