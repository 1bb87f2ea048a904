/**
 * React Flow (and the d3 modules under it), for the designer's loader to evaluate in a task of its
 * own before the canvas (components/designer/DesignerLoader.tsx). One name the canvas uses, not the
 * library's namespace: importing `@xyflow/react` itself would keep every export of it in the bundle.
 */
export { ReactFlow } from '@xyflow/react';
