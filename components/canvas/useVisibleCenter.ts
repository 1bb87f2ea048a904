'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/generators';

export const CANVAS_ID = 'eventform-canvas';

/** The diagram coordinates of the middle of what the canvas shows, where keyboard-added nodes go. */
export function useVisibleCenter() {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(() => {
    const rect = document.getElementById(CANVAS_ID)?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    const centre = screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    return { x: centre.x - NODE_WIDTH / 2, y: centre.y - NODE_HEIGHT / 2 };
  }, [screenToFlowPosition]);
}
