/** The diagrams the benchmarks measure: blueprint-like clusters of six services, of any size. */
import type { Graph } from '../generators';
import { diagram, type DiagramSpec } from '../generators/graph/build';

/** Blueprint-like clusters of six services, repeated until the diagram has `size` nodes. */
export function diagramOf(size: number): Graph {
  const nodes: DiagramSpec['nodes'] = {};
  const edges: NonNullable<DiagramSpec['edges']> = [];
  for (let i = 0; Object.keys(nodes).length < size; i++) {
    const cluster: [string, DiagramSpec['nodes'][string]][] = [
      [`Api${i}`, 'apigateway'],
      [`Handler${i}`, 'lambda'],
      [`Orders${i}`, 'dynamodb'],
      [`Events${i}`, 'sns'],
      [`Jobs${i}`, 'sqs'],
      [`Worker${i}`, 'lambda'],
    ];
    for (const [name, kind] of cluster.slice(0, size - Object.keys(nodes).length)) nodes[name] = kind;
    const link = (a: string, b: string) => nodes[a] && nodes[b] && edges.push([a, b]);
    link(`Api${i}`, `Handler${i}`);
    link(`Handler${i}`, `Orders${i}`);
    link(`Handler${i}`, `Events${i}`);
    link(`Events${i}`, `Jobs${i}`);
    link(`Jobs${i}`, `Worker${i}`);
    link(`Orders${i}`, `Worker${i}`);
  }
  return diagram({ name: `Benchmark ${size}`, nodes, edges });
}
