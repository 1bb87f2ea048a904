/** A node's size on the canvas, in canvas units: shared by the canvas, the previews and the layout. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 72;

/** A node name's font size in canvas units: normally, and in the compact look used when zoomed out. */
export const NAME_FONT = 14;
export const COMPACT_NAME_FONT = 18;
/** An edge label's font size in canvas units, normally and when compact. */
export const LABEL_FONT = 11;
export const COMPACT_LABEL_FONT = 16;

/** Smallest on-screen text size, in pixels, that counts as readable. */
export const READABLE_TEXT_PX = 10;

/**
 * Below this zoom a node's subtitle (12 canvas units) renders under 10 px: nodes then drop it and
 * show their icon and a larger name, so names stay legible further out.
 */
export const COMPACT_BELOW_ZOOM = 0.8;

/** The lowest zoom at which node names are still readable (in the compact look). */
export const READABLE_ZOOM = READABLE_TEXT_PX / COMPACT_NAME_FONT;

/**
 * Below this zoom a node's name renders under 6 px: a smudge, not text. Nodes then draw it as plain
 * text, without the break opportunities between its words (a few elements per node) that only
 * matter where it can be read: in the canvas benchmark's 2,000-node diagram, 3,100 fewer elements
 * (22,800 instead of 25,900) for the browser to style, lay out and hit-test at each step of a drag.
 */
export const PLAIN_NAMES_BELOW_ZOOM = 6 / COMPACT_NAME_FONT;

/**
 * Below this zoom an edge label, even in the compact look, is drawn under 6 px: a grey smudge, not
 * text. The canvas then draws edges without their labels (their accessible names keep them), which
 * also spares the browser thousands of unreadable texts in a very large diagram.
 */
export const EDGE_LABELS_HIDDEN_BELOW_ZOOM = 6 / COMPACT_LABEL_FONT;
