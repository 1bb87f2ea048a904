'use client';

import { useStore } from '@xyflow/react';
import { COMPACT_BELOW_ZOOM, PLAIN_NAMES_BELOW_ZOOM } from '@/generators';
import { fullDetailForExport } from './export-detail';

/**
 * Whether the canvas is zoomed out past the point where a node's subtitle is readable: nodes then
 * show their icon and a larger name, edge labels grow. Components re-render only when it flips.
 */
export const useCompact = () => useStore((s) => s.transform[2] < COMPACT_BELOW_ZOOM);

/**
 * Whether node names are too small to read, so drawn as plain text and icons as small bitmaps
 * (generators/graph/dimensions.ts); never while an image is exported, which has room for both.
 * Re-renders only when it flips.
 */
export function usePlainNames(): boolean {
  const exporting = fullDetailForExport((s) => s.on);
  return useStore((s) => !exporting && s.transform[2] < PLAIN_NAMES_BELOW_ZOOM);
}
