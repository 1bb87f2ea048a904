/**
 * Presentation mode's steps: the diagram's teaching notes in the order events travel, from the
 * sources onward. A node's note comes first, then the notes of the connections leaving it. A
 * diagram without notes is still presentable: each service and connection then says what it is.
 */
import { indexGraph, type Link } from '../graph/index-graph';
import type { Graph, GraphNode } from '../graph/model';
import { serviceOf } from '../services/registry';

export interface PresentationStep {
  title: string;
  text: string;
  nodeIds: string[];
  edgeIds: string[];
}

export function presentationSteps(graph: Graph): PresentationStep[] {
  const index = indexGraph(graph);
  const hasNotes = graph.nodes.some((n) => n.note) || index.links.some((l) => l.edge.note);
  const left = (a: GraphNode, b: GraphNode) => a.position.x - b.position.x || a.position.y - b.position.y;
  const incoming = new Set(index.links.map((l) => l.target.id));
  const queue = graph.nodes.filter((n) => !incoming.has(n.id)).sort(left);
  // Cycles with no entry point still get visited, leftmost first.
  const rest = [...graph.nodes].sort(left);
  const visited = new Set<string>();
  const steps: PresentationStep[] = [overview(graph)];

  const nodeStep = (node: GraphNode) => {
    const text = node.note ?? (hasNotes ? undefined : serviceOf(node.kind).description);
    if (text) steps.push({ title: `${node.name} (${serviceOf(node.kind).shortTitle})`, text, nodeIds: [node.id], edgeIds: [] });
  };
  const edgeStep = ({ edge, source, target, rule }: Link) => {
    const text = edge.note ?? (hasNotes ? undefined : rule.meaning);
    if (text) steps.push({ title: `${source.name} → ${target.name}`, text, nodeIds: [source.id, target.id], edgeIds: [edge.id] });
  };

  while (visited.size < graph.nodes.length) {
    const node = queue.shift() ?? rest.find((n) => !visited.has(n.id))!;
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    nodeStep(node);
    // A workflow's steps are told in the order they run, a condition before its default.
    const rank = (link: Link) => link.rule.flow.rank?.(link) ?? 0;
    const leaving = [...index.out(node)].sort((a, b) => rank(a) - rank(b) || left(a.target, b.target));
    for (const link of leaving) {
      edgeStep(link);
      if (!visited.has(link.target.id)) queue.push(link.target);
    }
  }
  return steps;
}

function overview(graph: Graph): PresentationStep {
  const services = [...new Set(graph.nodes.map((n) => serviceOf(n.kind).shortTitle))];
  return {
    title: graph.name,
    text:
      graph.nodes.length === 0
        ? 'An empty diagram.'
        : `${graph.nodes.length} service${graph.nodes.length > 1 ? 's' : ''} (${services.join(', ')}) and ${graph.edges.length} connection${graph.edges.length === 1 ? '' : 's'}. Each step shows one of them, in the order events travel.`,
    nodeIds: graph.nodes.map((n) => n.id),
    edgeIds: graph.edges.map((e) => e.id),
  };
}
