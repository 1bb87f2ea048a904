/** A node's size on the canvas, in canvas units: shared by the canvas, the previews and the layout. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 72;
