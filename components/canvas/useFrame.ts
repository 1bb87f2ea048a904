'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/generators';
import { framing } from '@/generators/graph/fit';
import { useDesignerStore } from '../designer/store-context';
import { CANVAS_ID } from './useVisibleCenter';

/**
 * Frames the diagram (or some of its nodes) in the canvas as it is now: the largest zoom that
 * shows them all, with a few pixels of margin rather than a share of the screen, so a diagram that
 * fits at a readable size is never shown smaller. The canvas is measured when the view is set,
 * after any panel has folded.
 */
export function useFrame() {
  const store = useDesignerStore();
  const { setViewport } = useReactFlow();
  return useCallback(
    (options: { nodeIds?: readonly string[]; maxZoom?: number; duration?: number } = {}) => {
      const rect = document.getElementById(CANVAS_ID)?.getBoundingClientRect();
      if (!rect || rect.width === 0 || rect.height === 0) return;
      const wanted = options.nodeIds && new Set(options.nodeIds);
      const nodes = store.getState().graph.nodes.filter((n) => !wanted || wanted.has(n.id));
      if (nodes.length === 0) return;
      void setViewport(
        framing(
          nodes.map((n) => n.position),
          rect,
          options.maxZoom,
        ),
        { duration: options.duration ?? 0 },
      );
    },
    [store, setViewport],
  );
}

/**
 * Centres the canvas on a node, at least at zoom 1 (never further out than the view was). The
 * canvas is measured when the view is set: selecting a node may have just brought the inspector out.
 */
export function useCentreOn() {
  const store = useDesignerStore();
  const { setViewport, getZoom } = useReactFlow();
  return useCallback(
    (nodeId: string) => {
      const rect = document.getElementById(CANVAS_ID)?.getBoundingClientRect();
      const node = store.getState().graph.nodes.find((n) => n.id === nodeId);
      if (!rect || !node) return;
      const zoom = Math.max(getZoom(), 1);
      const [cx, cy] = [node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2];
      void setViewport({ zoom, x: rect.width / 2 - cx * zoom, y: rect.height / 2 - cy * zoom }, { duration: 250 });
    },
    [store, setViewport, getZoom],
  );
}
