'use client';

import { useStore } from '@xyflow/react';
import { create } from 'zustand';
import { COMPACT_BELOW_ZOOM, EDGE_LABELS_HIDDEN_BELOW_ZOOM } from '@/generators';

/** How edge labels are drawn at a zoom: as they are, larger (compact), or not at all. */
export type EdgeLabelLook = 'normal' | 'compact' | 'hidden';

/** Set while an image is exported: the image shows every label, names that break between words and the icons' SVGs, whatever the canvas's zoom. */
export const fullDetailForExport = create<{ on: boolean }>(() => ({ on: false }));

export function edgeLabelLook(zoom: number, everyLabel = false): EdgeLabelLook {
  if (zoom >= COMPACT_BELOW_ZOOM) return 'normal';
  return everyLabel || zoom >= EDGE_LABELS_HIDDEN_BELOW_ZOOM ? 'compact' : 'hidden';
}

/** The look of edge labels at the canvas's zoom; components re-render only when it changes. */
export function useEdgeLabelLook(): EdgeLabelLook {
  const everyLabel = fullDetailForExport((s) => s.on);
  return useStore((s) => edgeLabelLook(s.transform[2], everyLabel));
}
