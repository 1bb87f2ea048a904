'use client';

import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { downloadUrl } from '../designer/download';
import { fullDetailForExport } from '../canvas/export-detail';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

const PADDING = 40;
const MAX_SIDE = 4096;

/**
 * The whole diagram as an image, whatever part the canvas shows: the viewport is rendered at a zoom
 * that fits every node (html-to-image, as React Flow's own example does), icons included.
 */
export function useExportImage() {
  const { getNodes } = useReactFlow();
  return useCallback(
    async (format: 'png' | 'svg', fileStem: string) => {
      const nodes = getNodes();
      if (nodes.length === 0) return;
      const bounds = getNodesBounds(nodes);
      const scale = Math.min(1.5, MAX_SIDE / (bounds.width + 2 * PADDING), MAX_SIDE / (bounds.height + 2 * PADDING));
      const width = Math.ceil((bounds.width + 2 * PADDING) * scale);
      const height = Math.ceil((bounds.height + 2 * PADDING) * scale);
      const viewport = getViewportForBounds(bounds, width, height, 0.05, 4, 0.05);
      const element = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (!element) return;
      const options = {
        backgroundColor: '#ffffff',
        width,
        height,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
      };
      const { toPng, toSvg } = await import('html-to-image');
      // The canvas leaves out labels too small to read at its zoom, and draws small icons as bitmaps; the image has room for both.
      fullDetailForExport.setState({ on: true });
      try {
        await nextFrame();
        await nextFrame();
        const dataUrl = format === 'png' ? await toPng(element, options) : await toSvg(element, options);
        downloadUrl(`${fileStem}.${format}`, dataUrl);
      } finally {
        fullDetailForExport.setState({ on: false });
      }
    },
    [getNodes],
  );
}
