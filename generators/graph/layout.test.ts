import { describe, expect, it } from 'vitest';
import { importTemplate } from '../import';
import { readRealTemplates } from '../testing/real-templates';
import { NODE_HEIGHT, NODE_WIDTH, READABLE_ZOOM } from './dimensions';
import { cornersOf, framing, showsAll } from './fit';
import { autoLayout } from './layout';
import type { Graph, Position } from './model';

const chain = (length: number): Graph => ({
  name: 'chain',
  nodes: Array.from({ length }, (_, i) => ({ id: `n${i}`, kind: 'sqs' as const, name: `Q${i}`, position: { x: 0, y: 0 }, props: {} })) as unknown as Graph['nodes'],
  // sqs -> sqs has no rule, so labels are empty: only the shape matters to the layout.
  edges: Array.from({ length: length - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}`, props: {} })),
});

/** The canvas of a 1440x900 window once the panels are folded away (the e2e test measures the real one). */
const LAPTOP_CANVAS = { width: 1300, height: 760 };

const overlapping = (positions: readonly Position[], gap: number) => {
  const pairs: [Position, Position][] = [];
  positions.forEach((a, i) => {
    for (const b of positions.slice(i + 1)) if (Math.abs(a.x - b.x) < NODE_WIDTH + gap && Math.abs(a.y - b.y) < NODE_HEIGHT + gap) pairs.push([a, b]);
  });
  return pairs;
};

describe('auto-layout', () => {
  it('GIVEN many parts of the same shape (laid out once and reused) THEN each is laid out as that part alone is', () => {
    // GIVEN forty copies of a fan-out (one queue into two) beside one copy alone
    const fan = (copies: number): Graph => ({
      name: 'fans',
      nodes: Array.from({ length: copies * 3 }, (_, i) => ({ id: `n${i}`, kind: 'sqs' as const, name: `Q${i}`, position: { x: 0, y: 0 }, props: {} })) as unknown as Graph['nodes'],
      edges: Array.from({ length: copies }, (_, c) => [
        { id: `a${c}`, source: `n${c * 3}`, target: `n${c * 3 + 1}`, props: {} },
        { id: `b${c}`, source: `n${c * 3}`, target: `n${c * 3 + 2}`, props: {} },
      ]).flat(),
    });
    const alone = autoLayout(fan(1));
    const relative = (positions: Map<string, Position>, first: number) =>
      [1, 2].map((k) => ({ x: positions.get(`n${first + k}`)!.x - positions.get(`n${first}`)!.x, y: positions.get(`n${first + k}`)!.y - positions.get(`n${first}`)!.y }));
    // WHEN laid out together
    const together = autoLayout(fan(40));
    // THEN every copy has the shape of the one alone, and none overlaps another
    for (let c = 0; c < 40; c++) expect(relative(together, c * 3)).toEqual(relative(alone, 0));
    expect(overlapping([...together.values()], 0)).toEqual([]);
  });

  it('GIVEN a short chain THEN it is laid out left to right', () => {
    const positions = autoLayout(chain(3));
    expect(positions.get('n0')!.x).toBeLessThan(positions.get('n1')!.x);
    expect(positions.get('n1')!.x).toBeLessThan(positions.get('n2')!.x);
  });

  it('GIVEN a chain of thousands of nodes (deeper than the layered layout can recurse) THEN every node still gets a distinct place', () => {
    const positions = autoLayout(chain(6000));
    expect(positions.size).toBe(6000);
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(6000);
  });

  it('GIVEN twelve nodes connected to nothing WHEN laid out THEN they form a grid about as wide as a screen, not one column', () => {
    const lone: Graph = { ...chain(12), edges: [] };
    const positions = [...autoLayout(lone).values()];
    const columns = new Set(positions.map((p) => p.x)).size;
    const rows = new Set(positions.map((p) => p.y)).size;
    expect(columns).toBeGreaterThanOrEqual(3);
    expect(rows).toBeGreaterThanOrEqual(2);
    expect(columns * rows).toBeLessThan(24);
  });

  it('GIVEN a flow and lone nodes WHEN laid out THEN the lone nodes stand beside the flow, never inside its rectangle', () => {
    const graph: Graph = { ...chain(8), edges: chain(4).edges };
    const positions = autoLayout(graph);
    const flow = ['n0', 'n1', 'n2', 'n3'].map((id) => positions.get(id)!);
    const [right, bottom] = [Math.max(...flow.map((p) => p.x + NODE_WIDTH)), Math.max(...flow.map((p) => p.y + NODE_HEIGHT))];
    const [left, top] = [Math.min(...flow.map((p) => p.x)), Math.min(...flow.map((p) => p.y))];
    for (const id of ['n4', 'n5', 'n6', 'n7']) {
      const p = positions.get(id)!;
      const inside = p.x < right && p.x + NODE_WIDTH > left && p.y < bottom && p.y + NODE_HEIGHT > top;
      expect(inside, id).toBe(false);
    }
  });

  describe.each(readRealTemplates())('GIVEN the real template $file ($repository) imported without a saved layout', ({ file, text, framedAt }) => {
    const imported = importTemplate(text, { name: file });
    if (!imported.ok) throw new Error(imported.error);
    const positions = imported.graph.nodes.map((n) => n.position);

    it('THEN no two nodes overlap, and each keeps a clear gap around it', () => {
      expect(overlapping(positions, 24)).toEqual([]);
    });

    it('THEN the whole diagram fits a laptop screen at a zoom where names are readable (or, for a flow deeper than a screen, nearly so)', () => {
      expect(framing(positions, LAPTOP_CANVAS).zoom).toBeGreaterThanOrEqual(READABLE_ZOOM * framedAt);
    });

    it('THEN laying it out again gives the same positions', () => {
      expect(autoLayout(imported.graph)).toEqual(autoLayout(structuredClone(imported.graph)));
    });
  });
});

describe('framing', () => {
  it('GIVEN a diagram that fits at a readable zoom WHEN framed THEN the zoom is the largest that shows it all, centred', () => {
    const positions = [
      { x: 0, y: 0 },
      { x: 1600, y: 900 },
    ];
    const view = framing(positions, { width: 1000, height: 600 });
    // 1800 x 972 canvas units in 1000 x 600 pixels less 24 px padding (48 on the left, clear of the zoom buttons).
    expect(view.zoom).toBeCloseTo(Math.min(928 / 1800, 552 / 972), 5);
    expect(view.x + (1800 / 2) * view.zoom).toBeCloseTo(48 + 928 / 2, 5);
    expect(view.y + (972 / 2) * view.zoom).toBeCloseTo(300, 5);
    expect(showsAll({ left: 0, top: 0, right: 1600, bottom: 900 }, view, { width: 1000, height: 600 })).toBe(true);
    expect(showsAll({ left: 0, top: 0, right: 1600, bottom: 900 }, { ...view, zoom: view.zoom * 1.1 }, { width: 1000, height: 600 })).toBe(false);
  });

  it('GIVEN nodes THEN the box of their top-left corners spans them; no nodes, no box', () => {
    const at = (x: number, y: number) => ({ position: { x, y } });
    expect(cornersOf([at(40, -10), at(-5, 300), at(900, 20)])).toEqual({ left: -5, top: -10, right: 900, bottom: 300 });
    expect(cornersOf([])).toBeNull();
  });

  it('GIVEN a single node THEN it is not blown up beyond the largest zoom', () => {
    expect(framing([{ x: 10, y: 10 }], { width: 1000, height: 600 }).zoom).toBe(1.2);
  });
});
