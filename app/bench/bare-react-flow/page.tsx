'use client';

import '@xyflow/react/dist/style.css';
import { Background, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import { useEffect, useState } from 'react';

/**
 * The baseline of bench/canvas.ts: a bare React Flow page showing the same nodes and edges as the
 * designer, with React Flow's own state hooks, default nodes and stylesheet. Not linked from the app.
 */
export default function BareReactFlowBench() {
  const [nodes, setNodes, onNodesChange] = useNodesState<Node>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const raw = window.localStorage.getItem('eventform:bench-graph');
    if (raw) {
      const graph = JSON.parse(raw) as { nodes: { id: string; name: string; position: { x: number; y: number } }[]; edges: { id: string; source: string; target: string }[] };
      setNodes(graph.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.name } })));
      setEdges(graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })));
    }
    setReady(true);
  }, [setNodes, setEdges]);
  return (
    <main style={{ width: '100vw', height: '100vh' }} data-ready={ready}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} fitView minZoom={0.05}>
        <Background />
      </ReactFlow>
    </main>
  );
}
