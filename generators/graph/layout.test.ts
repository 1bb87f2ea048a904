import { describe, expect, it } from 'vitest';
import { autoLayout } from './layout';
import type { Graph } from './model';

const chain = (length: number): Graph => ({
  name: 'chain',
  nodes: Array.from({ length }, (_, i) => ({ id: `n${i}`, kind: 'sqs' as const, name: `Q${i}`, position: { x: 0, y: 0 }, props: {} })) as unknown as Graph['nodes'],
  // sqs -> sqs has no rule, so labels are empty: only the shape matters to the layout.
  edges: Array.from({ length: length - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}`, props: {} })),
});

describe('auto-layout', () => {
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
});
