export const GRAPH_FORMAT = 'eventform/graph';
export const GRAPH_VERSION = 1;
/** Files larger than this are refused before parsing: a diagram is kilobytes, not megabytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_NODES = 5000;
export const MAX_EDGES = 20000;
export const MAX_NOTE_LENGTH = 2000;
/** A diagram file nests a template inside a few levels of its own; nothing legitimate goes deeper. */
export const MAX_FILE_NESTING = 100;
