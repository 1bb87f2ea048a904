'use client';

import { ViewportPortal } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { FlowView } from '../stage/StageContext';

interface Placed {
  key: string;
  x: number;
  y: number;
  count: number;
  fading: boolean;
}

/**
 * The event-flow animation's tokens: one dot per hop under way, moved along the edge's own SVG
 * path, in canvas coordinates (so they follow pan and zoom). A filtered hop stops halfway and fades.
 */
export function FlowTokens({ flow }: { flow: FlowView }) {
  const [placed, setPlaced] = useState<Placed[]>([]);
  useEffect(() => {
    let frame = 0;
    const place = () => {
      const progress = Math.min(1, (performance.now() - flow.tickStartedAt) / flow.tickMs);
      const next: Placed[] = [];
      for (const hop of flow.moving) {
        const path = document.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(hop.edgeId)}"] path.react-flow__edge-path`);
        if (!path) continue;
        const along = hop.stopsHalfway ? Math.min(progress, 0.5) : progress;
        const point = path.getPointAtLength(path.getTotalLength() * along);
        next.push({ key: hop.key, x: point.x, y: point.y, count: hop.count, fading: hop.stopsHalfway && progress > 0.5 });
      }
      setPlaced(next);
      if (progress < 1) frame = requestAnimationFrame(place);
    };
    frame = requestAnimationFrame(place);
    return () => cancelAnimationFrame(frame);
  }, [flow]);
  return (
    <ViewportPortal>
      {placed.map((t) => (
        <div
          key={t.key}
          data-testid="flow-token"
          aria-hidden="true"
          className={`pointer-events-none absolute flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-[10px] font-bold text-white shadow transition-opacity ${t.fading ? 'bg-red-500 opacity-30' : 'bg-emerald-600'}`}
          style={{ transform: `translate(${t.x}px, ${t.y}px) translate(-50%, -50%)`, zIndex: 1000 }}
        >
          {t.count > 1 ? t.count : ''}
        </div>
      ))}
    </ViewportPortal>
  );
}
