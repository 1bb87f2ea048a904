import { describe, expect, it } from 'vitest';
import { emptyGraph } from './model';
import { addNode } from './operations';
import { compareNames, nameProblem, uniqueName } from './names';

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

describe('comparing names', () => {
  const collator = new Intl.Collator('en');
  const sign = (n: number) => Math.sign(n);
  /** Ten thousand names of one to six characters of the alphabet, the same for the same seed. */
  const randomNames = (alphabet: string, seed: number) => {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    return Array.from({ length: 10_000 }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
  };

  it("GIVEN identifiers that differ in case, digits and underscores WHEN compared THEN the order is the collator's", () => {
    const names = ['api', 'Api', 'API', 'a_b', 'ab', 'aB', 'a1', 'a10', 'a9', 'Z', 'z', '_', 'TABLE_NAME', 'TABLENAME', 'Table', 'table2', 'Table10', '', 'b', 'B_'];
    for (const a of names) for (const b of names) expect(sign(compareNames(a, b)), `${a} vs ${b}`).toBe(sign(collator.compare(a, b)));
  });

  it("GIVEN ten thousand random identifiers WHEN sorted THEN the order is the collator's", () => {
    const names = randomNames('aAbBzZ019_', 7);
    expect([...names].sort(compareNames)).toEqual([...names].sort(collator.compare));
  });

  it('GIVEN text that is not an identifier WHEN compared THEN the collator decides', () => {
    expect(sign(compareNames('stack-b', 'stack-a'))).toBe(1);
    expect(sign(compareNames('émile', 'Zoe'))).toBe(-1);
    // The character that is not an identifier's comes after the first difference: still the collator's order.
    expect(sign(compareNames('ab', 'b-a'))).toBe(sign(collator.compare('ab', 'b-a')));
  });

  it("GIVEN ten thousand random names, identifiers and not WHEN compared one with the next THEN the order is the collator's", () => {
    const names = randomNames('aAbZ09_-. é', 11);
    for (let i = 1; i < names.length; i++) expect(sign(compareNames(names[i - 1], names[i])), `${names[i - 1]} vs ${names[i]}`).toBe(sign(collator.compare(names[i - 1], names[i])));
  });
});
