import { NODE_HEIGHT, NODE_WIDTH, READABLE_ZOOM } from './dimensions';
import type { Position } from './model';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Screen {
  width: number;
  height: number;
}

/** Room left around the diagram when it is framed, in screen pixels; more on the left, where the zoom buttons float. */
const FRAME_PADDING = 24;
const CONTROLS_CLEARANCE = 48;

/**
 * The view that frames every node on a screen of this size: as large as fits, at most `maxZoom`,
 * centred. Padding is a few pixels, not a share of the screen, so a diagram that fits at a readable
 * zoom is never shown smaller than that.
 */
export function framing(positions: readonly Position[], screen: Screen, maxZoom = 1.2): Viewport {
  const corners = cornersOf(positions.map((position) => ({ position })));
  if (!corners) return { x: 0, y: 0, zoom: 1 };
  const { left, top } = corners;
  const [right, bottom] = [corners.right + NODE_WIDTH, corners.bottom + NODE_HEIGHT];
  const padding = Math.min(FRAME_PADDING, screen.width / 10, screen.height / 10);
  const leftPadding = Math.min(CONTROLS_CLEARANCE, screen.width / 8);
  const zoom = Math.min(maxZoom, (screen.width - padding - leftPadding) / (right - left), (screen.height - 2 * padding) / (bottom - top));
  return { zoom, x: leftPadding + (screen.width - padding - leftPadding) / 2 - ((left + right) / 2) * zoom, y: screen.height / 2 - ((top + bottom) / 2) * zoom };
}

/** Whether names are still readable at this zoom. */
export const isReadable = (zoom: number) => zoom >= READABLE_ZOOM - 1e-9;

/** The box of the nodes' top-left corners (each node spans NODE_WIDTH x NODE_HEIGHT from its own); null for no nodes. */
export interface Corners {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function cornersOf(nodes: readonly { position: Position }[]): Corners | null {
  if (nodes.length === 0) return null;
  let [left, top, right, bottom] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const { position: p } of nodes) {
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x);
    bottom = Math.max(bottom, p.y);
  }
  return { left, top, right, bottom };
}

/** Whether a view of a screen this size shows every node whose top-left corners are within these bounds. */
export function showsAll(bounds: Corners | null, view: Viewport, screen: Screen): boolean {
  if (!bounds) return true;
  const [x0, y0] = [bounds.left * view.zoom + view.x, bounds.top * view.zoom + view.y];
  const [x1, y1] = [(bounds.right + NODE_WIDTH) * view.zoom + view.x, (bounds.bottom + NODE_HEIGHT) * view.zoom + view.y];
  return x0 >= 0 && y0 >= 0 && x1 <= screen.width && y1 <= screen.height;
}
