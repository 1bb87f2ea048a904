/** What the inspector says when nothing is selected (also in the server-rendered shell). */
export const CANVAS_HELP = 'Select a node or a connection to edit it. Connect services by dragging from the right-hand handle of one node to another node, or with “Connect to” in a node’s panel.';
