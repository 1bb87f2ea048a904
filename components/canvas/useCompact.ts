'use client';

import { useStore } from '@xyflow/react';
import { COMPACT_BELOW_ZOOM, PLAIN_NAMES_BELOW_ZOOM } from '@/generators';

/**
 * Whether the canvas is zoomed out past the point where a node's subtitle is readable: nodes then
 * show their icon and a larger name, edge labels grow. Components re-render only when it flips.
 */
export const useCompact = () => useStore((s) => s.transform[2] < COMPACT_BELOW_ZOOM);

/** Whether node names are too small to read, so drawn as plain text (generators/graph/dimensions.ts); re-renders only when it flips. */
export const usePlainNames = () => useStore((s) => s.transform[2] < PLAIN_NAMES_BELOW_ZOOM);
