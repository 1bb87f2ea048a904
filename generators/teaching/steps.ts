/**
 * Presentation mode's steps: the diagram's teaching notes in the order events travel, from the
 * sources onward. A node's note comes first, then the notes of the connections leaving it. A
 * diagram without notes is still presentable: each service and connection then says what it is.
 */
import type { Graph, GraphEdge, GraphNode } from '../graph/model';
import { ruleFor } from '../rules/table';
import { SERVICES } from '../services/registry';

export interface PresentationStep {
  title: string;
  text: string;
  nodeIds: string[];
  edgeIds: string[];
}

export function presentationSteps(graph: Graph): PresentationStep[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  const hasNotes = graph.nodes.some((n) => n.note) || edges.some((e) => e.note);
  const left = (a: GraphNode, b: GraphNode) => a.position.x - b.position.x || a.position.y - b.position.y;
  const incoming = new Set(edges.map((e) => e.target));
  const queue = graph.nodes.filter((n) => !incoming.has(n.id)).sort(left);
  // Cycles with no entry point still get visited, leftmost first.
  const rest = [...graph.nodes].sort(left);
  const visited = new Set<string>();
  const steps: PresentationStep[] = [overview(graph)];

  const nodeStep = (node: GraphNode) => {
    const text = node.note ?? (hasNotes ? undefined : SERVICES[node.kind].description);
    if (text) steps.push({ title: `${node.name} (${SERVICES[node.kind].shortTitle})`, text, nodeIds: [node.id], edgeIds: [] });
  };
  const edgeStep = (edge: GraphEdge) => {
    const source = byId.get(edge.source)!;
    const target = byId.get(edge.target)!;
    const rule = ruleFor(source.kind, target.kind);
    const text = edge.note ?? (hasNotes ? undefined : rule?.meaning);
    if (text) steps.push({ title: `${source.name} → ${target.name}`, text, nodeIds: [source.id, target.id], edgeIds: [edge.id] });
  };

  while (visited.size < graph.nodes.length) {
    const node = queue.shift() ?? rest.find((n) => !visited.has(n.id))!;
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    nodeStep(node);
    // A workflow's steps are told in the order they run, a condition before its default.
    const stepRank = (e: GraphEdge) => (node.kind === 'stepfunctions' ? Number(e.props.order) * 2 + (e.props.condition ? 0 : 1) : 0);
    const leaving = edges.filter((e) => e.source === node.id).sort((a, b) => stepRank(a) - stepRank(b) || left(byId.get(a.target)!, byId.get(b.target)!));
    for (const edge of leaving) {
      edgeStep(edge);
      if (!visited.has(edge.target)) queue.push(byId.get(edge.target)!);
    }
  }
  return steps;
}

function overview(graph: Graph): PresentationStep {
  const services = [...new Set(graph.nodes.map((n) => SERVICES[n.kind].shortTitle))];
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
