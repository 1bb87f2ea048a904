'use client';

import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useId, useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, type GraphNode } from '@/generators';
import { cornersOf } from '@/generators/graph/fit';

const WIDTH = 200;
const HEIGHT = 150;
/** Room around the drawing, in minimap pixels. */
const MARGIN = 5;

type Rect = { x: number; y: number; width: number; height: number };
type View = readonly [x: number, y: number, zoom: number, width: number, height: number];

const viewOf = (s: ReactFlowState): View => [s.transform[0], s.transform[1], s.transform[2], s.width, s.height];
const sameView = (a: View, b: View) => a.every((value, i) => value === b[i]);

function boundsOf(nodes: readonly GraphNode[]): Rect | null {
  const corners = cornersOf(nodes);
  return corners && { x: corners.left, y: corners.top, width: corners.right + NODE_WIDTH - corners.left, height: corners.bottom + NODE_HEIGHT - corners.top };
}

function union(a: Rect | null, b: Rect): Rect {
  if (!a) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The nodes as small rectangles, each named on hover. */
const OverviewNodes = memo(function OverviewNodes({ nodes }: { nodes: readonly GraphNode[] }) {
  return nodes.map((node) => (
    <rect
      key={node.id}
      className="react-flow__minimap-node"
      x={node.position.x}
      y={node.position.y}
      width={NODE_WIDTH}
      height={NODE_HEIGHT}
      rx={5}
      ry={5}
      shapeRendering="crispEdges"
      data-name={node.name}
    >
      <title>{node.name}</title>
    </rect>
  ));
});

/**
 * The minimap: the diagram's nodes and the part of it on screen; drag in it to pan, scroll to zoom.
 * It draws the nodes it is given, from the diagram, with one subscription to the viewport: React
 * Flow's own minimap runs a selector per node (and measures every node's bounds) at each store
 * update, which doubled the work of each step of a drag in a 2,000-node diagram. The canvas hands
 * it the nodes as they were when a drag began, and the moved ones when it ends.
 */
export const Overview = memo(function Overview({ nodes }: { nodes: readonly GraphNode[] }) {
  const titleId = useId();
  const [tx, ty, zoom, width, height] = useStore(viewOf, sameView);
  const { getViewport, setViewport, zoomTo } = useReactFlow();
  const bounds = useMemo(() => boundsOf(nodes), [nodes]);
  const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
  const box = union(bounds, view);
  // Flow units per minimap pixel: the whole box fits, centred.
  const scale = Math.max(box.width / WIDTH, box.height / HEIGHT);
  const margin = MARGIN * scale;
  const x = box.x - (WIDTH * scale - box.width) / 2 - margin;
  const y = box.y - (HEIGHT * scale - box.height) / 2 - margin;
  const w = WIDTH * scale + margin * 2;
  const h = HEIGHT * scale + margin * 2;
  const panFrom = useRef<{ x: number; y: number } | null>(null);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    panFrom.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const from = panFrom.current;
    if (!from) return;
    panFrom.current = { x: event.clientX, y: event.clientY };
    const current = getViewport();
    const step = scale * current.zoom;
    void setViewport({ x: current.x - (event.clientX - from.x) * step, y: current.y - (event.clientY - from.y) * step, zoom: current.zoom });
  };
  const endPan = () => {
    panFrom.current = null;
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => void zoomTo(getViewport().zoom * 2 ** (-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)));

  return (
    <Panel position="bottom-right" className="react-flow__minimap nopan nowheel" data-testid="rf__minimap">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${x} ${y} ${w} ${h}`}
        className="react-flow__minimap-svg cursor-grab touch-none"
        role="img"
        aria-labelledby={titleId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endPan}
        onPointerCancel={endPan}
        onWheel={onWheel}
      >
        <title id={titleId}>Diagram overview</title>
        <OverviewNodes nodes={nodes} />
        <path
          className="react-flow__minimap-mask"
          d={`M${x - margin},${y - margin}h${w + margin * 2}v${h + margin * 2}h${-w - margin * 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
});
