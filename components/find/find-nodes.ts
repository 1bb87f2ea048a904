import { serviceOf, type GraphNode } from '@/generators';

/**
 * The nodes a query finds, best first: by name, then by the template's logical ids, then by
 * service. Within a rank, the diagram's order. Case is ignored; an empty query finds every node.
 */
export function findNodes(nodes: readonly GraphNode[], query: string): GraphNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...nodes];
  const rankOf = (node: GraphNode): number => {
    const name = node.name.toLowerCase();
    if (name === q) return 0;
    if (name.startsWith(q)) return 1;
    if (name.includes(q)) return 2;
    if (node.origin?.logicalIds.some((id) => id.toLowerCase().includes(q))) return 3;
    const service = serviceOf(node.kind);
    if (service.title.toLowerCase().includes(q) || service.shortTitle.toLowerCase().includes(q)) return 4;
    return -1;
  };
  return nodes
    .map((node, index) => ({ node, index, rank: rankOf(node) }))
    .filter((n) => n.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((n) => n.node);
}
