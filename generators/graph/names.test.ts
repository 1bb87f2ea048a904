import { describe, expect, it } from 'vitest';
import { emptyGraph } from './model';
import { addNode } from './operations';
import { nameProblem, uniqueName } from './names';

const graphWithFunction = () => {
  const added = addNode(emptyGraph(), 'lambda', { x: 0, y: 0 }, { name: 'Orders' });
  if (!added.ok) throw new Error(added.error);
  return added;
};

describe('node names', () => {
  it.each(['Orders', 'a', 'Thumbnailer2', 'X'.repeat(64)])('GIVEN "%s" THEN it is a valid name', (name) => {
    expect(nameProblem(emptyGraph(), name)).toBeNull();
  });

  it.each([
    ['', /required/],
    ['2fast', /start with a letter/],
    ['my-function', /not "-"/],
    ['my function', /not space/],
    ['Ordérs', /not "é"/],
    ['X'.repeat(65), /at most 64/],
  ])('GIVEN "%s" THEN it is refused with the reason', (name, reason) => {
    expect(nameProblem(emptyGraph(), name)).toMatch(reason);
  });

  it('GIVEN a node named Orders THEN "orders" clashes but the node may keep its own name', () => {
    const { graph, value } = graphWithFunction() as { graph: ReturnType<typeof emptyGraph>; value: { id: string } };
    expect(nameProblem(graph, 'orders')).toMatch(/already named Orders/);
    expect(nameProblem(graph, 'Orders', value.id)).toBeNull();
  });

  it('GIVEN Function1 exists WHEN a unique name is asked for Function1 THEN Function2 is given', () => {
    const added = addNode(emptyGraph(), 'lambda', { x: 0, y: 0 });
    if (!added.ok) throw new Error(added.error);
    expect(added.value.name).toBe('Function1');
    expect(uniqueName(added.graph, 'Function1', true)).toBe('Function2');
    expect(uniqueName(added.graph, 'Worker', true)).toBe('Worker');
  });
});
