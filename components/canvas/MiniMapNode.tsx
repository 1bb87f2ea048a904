'use client';

import { useStore, type MiniMapNodeProps } from '@xyflow/react';
import { memo } from 'react';

/** A node in the minimap, which names the node when the pointer rests on it. */
function MiniMapNodeView({ id, x, y, width, height, borderRadius, className, color, strokeColor, strokeWidth, shapeRendering, style }: MiniMapNodeProps) {
  const name = useStore((s) => (s.nodeLookup.get(id)?.data as { name?: string } | undefined)?.name ?? id);
  return (
    <rect
      className={className}
      x={x}
      y={y}
      rx={borderRadius}
      ry={borderRadius}
      width={width}
      height={height}
      style={{ fill: color, stroke: strokeColor, strokeWidth, ...style }}
      shapeRendering={shapeRendering}
      data-name={name}
    >
      <title>{name}</title>
    </rect>
  );
}

export const MiniMapNode = memo(MiniMapNodeView);
