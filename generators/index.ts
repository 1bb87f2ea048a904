export * from './props/spec';
export * from './services/types';
export * from './services/registry';
export * from './graph/model';
export * from './graph/index-graph';
export * from './graph/names';
export * from './graph/operations';
export * from './graph/file';
export * from './graph/limits';
// The layout (dagre) and the diagram builder are imported from their modules, so the designer's
// first load does without them: ./graph/layout, ./graph/build.
export {
  COMPACT_BELOW_ZOOM,
  COMPACT_LABEL_FONT,
  EDGE_LABELS_HIDDEN_BELOW_ZOOM,
  COMPACT_NAME_FONT,
  LABEL_FONT,
  NAME_FONT,
  NODE_HEIGHT,
  NODE_WIDTH,
  PLAIN_NAMES_BELOW_ZOOM,
  READABLE_ZOOM,
} from './graph/dimensions';
export * from './rules/table';
export * from './rules/connect';
export * from './rules/edge-props';
export * from './template';
export * from './diagnostics/check';
export * from './analyze';
export * from './diagnostics/types';
export * from './graph/share';
