'use client';

import { useStore } from '@xyflow/react';
import { COMPACT_BELOW_ZOOM, EDGE_LABELS_HIDDEN_BELOW_ZOOM } from '@/generators';
import { fullDetailForExport } from './export-detail';

/** How edge labels are drawn at a zoom: as they are, larger (compact), or not at all. */
export type EdgeLabelLook = 'normal' | 'compact' | 'hidden';

export function edgeLabelLook(zoom: number, everyLabel = false): EdgeLabelLook {
  if (zoom >= COMPACT_BELOW_ZOOM) return 'normal';
  return everyLabel || zoom >= EDGE_LABELS_HIDDEN_BELOW_ZOOM ? 'compact' : 'hidden';
}

/** The look of edge labels at the canvas's zoom; components re-render only when it changes. */
export function useEdgeLabelLook(): EdgeLabelLook {
  const everyLabel = fullDetailForExport((s) => s.on);
  return useStore((s) => edgeLabelLook(s.transform[2], everyLabel));
}
