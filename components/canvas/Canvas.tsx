'use client';

import { Background, Controls, ReactFlow, type Connection, type EdgeChange, type FinalConnectionState, type NodeChange, useReactFlow } from '@xyflow/react';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { checkConnection, isServiceKind, NODE_HEIGHT, NODE_WIDTH, type Graph, type Position } from '@/generators';
import type { DesignerStore } from '@/store/designer';
import { openFile } from '../import/open-file';
import { useOpenText } from '../import/useOpenText';
import { useDesigner, useDesignerStore } from '../designer/store-context';
import { useAnalysis } from '../analysis/AnalysisContext';
import { PALETTE_MIME } from '../palette/Palette';
import { useFlowEdges, useFlowNodes } from './flow-elements';
import { useEdgeLabelLook } from './edge-label-look';
import { useCompact, usePlainNames } from './useCompact';
import { ServiceNode } from './ServiceNode';
import { CANVAS_ID } from './useVisibleCenter';
import { useFrame } from './useFrame';
import { pressOnNode, useNodePressRelease } from './node-press';
import { useShowsAll } from './useShowsAll';
import { useStage } from '../stage/StageContext';

const nodeTypes = { service: ServiceNode };
// Shown only when part of the diagram is out of view, and while an event flow plays: a first load goes without them.
const Overview = dynamic(() => import('./Overview').then((m) => m.Overview), { ssr: false });
const FlowTokens = dynamic(() => import('../flow/FlowTokens').then((m) => m.FlowTokens), { ssr: false });
// Constants, not literals in the JSX: React Flow copies a changed prop into its store, and a store
// update runs every node's and edge's selector (a new object at each render meant one more pass per drag step).
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const ARIA_LABELS = { 'node.a11yDescription.default': 'Press Enter or Space to select, arrow keys to move.' };

/**
 * The diagram as the canvas's own React state, following the store. A store subscription through
 * useSyncExternalStore renders synchronously inside the pointer event that changed the store; as
 * state, a drag step renders at the pointer's (continuous) priority in a task of its own, the way
 * React Flow's own state hooks do, so the browser acknowledges the pointer and paints in between.
 */
function useCanvasGraph(store: DesignerStore): Graph {
  const [graph, setGraph] = useState(() => store.getState().graph);
  useEffect(() => {
    setGraph(store.getState().graph);
    return store.subscribe((state) => setGraph(state.graph));
  }, [store]);
  return graph;
}

export function Canvas() {
  const store = useDesignerStore();
  const graph = useCanvasGraph(store);
  const selection = useDesigner((s) => s.selection);
  const readOnly = useDesigner((s) => s.readOnly);
  const { screenToFlowPosition } = useReactFlow();
  const frame = useFrame();
  const measured = useRef(new Map<string, { width: number; height: number }>()).current;
  const [measuredVersion, setMeasuredVersion] = useState(0);
  const nodes = useFlowNodes(graph, selection, measured, measuredVersion, useCompact(), usePlainNames());
  const plainEdges = useFlowEdges(graph, selection, useAnalysis().worst, useEdgeLabelLook());
  const { presenting, spotlight, flow } = useStage();
  // The overview (and whether it is worth showing) follows the nodes as they were when a drag began,
  // and catches up when it ends: redrawing it at each step of a drag doubled the step's work.
  const dragging = useDesigner((s) => s.dragging);
  const settledNodes = useRef(graph.nodes);
  if (!dragging) settledNodes.current = graph.nodes;
  const showsAll = useShowsAll(settledNodes.current);
  const locked = readOnly || presenting;
  // Teaching overlays restyle edges only while they are on: the plain list stays memoized otherwise.
  const edges = useMemo(() => {
    if (!spotlight && !flow) return plainEdges;
    const moving = new Set(flow?.moving.map((m) => m.edgeId));
    return plainEdges.map((e) => {
      const dim = spotlight && !spotlight.edges.has(e.id);
      const lit = spotlight?.edges.has(e.id);
      return {
        ...e,
        animated: lit || moving.has(e.id),
        style: { ...e.style, opacity: dim ? 0.2 : 1, ...(lit ? { stroke: '#d97706', strokeWidth: 3 } : {}) },
        labelStyle: { ...e.labelStyle, opacity: dim ? 0.3 : 1 },
      };
    });
  }, [plainEdges, spotlight, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const state = store.getState();
      const positions = new Map<string, Position>();
      let dragEnded = false;
      let selectionChanged = false;
      const selected = new Set(state.selection.nodes);
      let sized = false;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          positions.set(change.id, change.position);
          if (change.dragging && !store.getState().dragging) state.beginDrag();
          if (change.dragging === false) dragEnded = true;
        } else if (change.type === 'position' && change.dragging === false) {
          dragEnded = true;
        } else if (change.type === 'select') {
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
          selectionChanged = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
          sized = true;
        }
      }
      if (positions.size) (store.getState().dragging ? state.dragNodes : state.moveNodes)(positions);
      if (dragEnded) state.endDrag();
      if (selectionChanged) state.select({ nodes: [...selected], edges: store.getState().selection.edges });
      if (sized) setMeasuredVersion((v) => v + 1);
    },
    [store, measured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const state = store.getState();
      const selected = new Set(state.selection.edges);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
        changed = true;
      }
      if (changed) state.select({ nodes: store.getState().selection.nodes, edges: [...selected] });
    },
    [store],
  );

  const isValidConnection = useCallback((c: Connection | { source: string; target: string }) => checkConnection(store.getState().graph, c.source, c.target).ok, [store]);
  const onConnect = useCallback((c: Connection) => store.getState().connect(c.source, c.target), [store]);
  const onConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      // A drop on a node that the rules refuse: say why, instead of silently doing nothing.
      if (connection.isValid !== false || !connection.fromNode || !connection.toNode) return;
      const [source, target] = connection.fromHandle?.type === 'target' ? [connection.toNode.id, connection.fromNode.id] : [connection.fromNode.id, connection.toNode.id];
      const check = checkConnection(store.getState().graph, source, target);
      if (!check.ok) store.getState().notify('error', check.reason);
    },
    [store],
  );

  useNodePressRelease();
  const openText = useOpenText();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME) && !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (file) {
        // A template or diagram file dropped on the canvas opens the way Open does.
        event.preventDefault();
        void openFile(file, openText, store.getState().notify);
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isServiceKind(kind)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      store.getState().addNode(kind, { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 });
    },
    [screenToFlowPosition, store, openText],
  );

  // Frame the diagram when the designer opens and whenever a whole new one arrives (new, open,
  // a blueprint), never while the user is building: the view must not jump under their hands.
  const generation = useDesigner((s) => s.generation);
  const nodeCount = graph.nodes.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation (a whole new diagram) is exactly what triggers the fit
  useEffect(() => {
    if (store.getState().graph.nodes.length > 0) requestAnimationFrame(() => frame());
  }, [generation, frame, store]);

  return (
    <main id={CANVAS_ID} aria-label="Diagram canvas" className="relative min-h-0 [contain:strict]" onDragOver={onDragOver} onDrop={onDrop} onPointerDownCapture={pressOnNode}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionRadius={40}
        deleteKeyCode={null}
        nodesDraggable={!locked}
        nodesConnectable={!locked}
        elementsSelectable={!presenting}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        minZoom={0.05}
        proOptions={PRO_OPTIONS}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Background gap={20} />
        <Controls />
        {!presenting && !showsAll && <Overview nodes={settledNodes.current} />}
        {flow && <FlowTokens flow={flow} />}
      </ReactFlow>
      {nodeCount === 0 && <p className="pointer-events-none absolute inset-x-0 top-1/3 text-center text-slate-400">Drag a service from the palette, or open a file.</p>}
    </main>
  );
}
