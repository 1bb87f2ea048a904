'use client';

import { useStore } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { cornersOf, showsAll } from '@/generators/graph/fit';
import type { GraphNode } from '@/generators';

/**
 * Whether the canvas shows every node right now. The minimap is only worth its corner when it does
 * not: it then gets out of the way instead of covering nodes. Re-renders only when the answer flips.
 */
export function useShowsAll(nodes: readonly GraphNode[]): boolean {
  const bounds = useMemo(() => cornersOf(nodes), [nodes]);
  return useStore(useCallback((s) => showsAll(bounds, { x: s.transform[0], y: s.transform[1], zoom: s.transform[2] }, { width: s.width, height: s.height }), [bounds]));
}
