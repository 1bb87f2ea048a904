import { NODE_HEIGHT, NODE_WIDTH, type Graph } from '@/generators';

/** A small drawing of a diagram: boxes and arrows at the blueprint's own layout. */
export function BlueprintPreview({ graph, title }: { graph: Graph; title: string }) {
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const minX = Math.min(...xs) - 20;
  const minY = Math.min(...ys) - 20;
  const width = Math.max(...xs) + NODE_WIDTH + 20 - minX;
  const height = Math.max(...ys) + NODE_HEIGHT + 20 - minY;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return (
    <svg role="img" aria-label={`Preview of ${title}`} viewBox={`${minX} ${minY} ${width} ${height}`} className="h-32 w-full rounded border border-slate-200 bg-slate-50">
      {graph.edges.map((e) => {
        const a = byId.get(e.source)!;
        const b = byId.get(e.target)!;
        return <line key={e.id} x1={a.position.x + NODE_WIDTH} y1={a.position.y + NODE_HEIGHT / 2} x2={b.position.x} y2={b.position.y + NODE_HEIGHT / 2} stroke="#94a3b8" strokeWidth={4} />;
      })}
      {graph.nodes.map((n) => (
        <g key={n.id}>
          <rect x={n.position.x} y={n.position.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={10} fill="white" stroke="#64748b" strokeWidth={3} />
          <text x={n.position.x + 12} y={n.position.y + NODE_HEIGHT / 2 + 8} fontSize={24} fill="#0f172a">
            {n.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
