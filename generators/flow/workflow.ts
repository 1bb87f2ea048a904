import type { Graph, GraphEdge, GraphNode } from '../graph/model';

export interface StepGroup {
  order: number;
  /** Steps that run when their condition holds, checked in this order (a Choice state). */
  conditional: GraphEdge[];
  /** The step that runs when no condition holds, or the only step of the group. */
  fallback?: GraphEdge;
}

/**
 * A workflow's steps as its generated definition runs them (stepfunctions.cfn.ts): by "order";
 * within one order, the conditional steps form a Choice whose default is the unconditional one.
 */
export function workflowGroups(graph: Graph, workflow: GraphNode): StepGroup[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const steps = graph.edges
    .filter((e) => e.source === workflow.id && byId.has(e.target))
    .sort((a, b) => Number(a.props.order) - Number(b.props.order) || byId.get(a.target)!.name.localeCompare(byId.get(b.target)!.name));
  const orders = [...new Set(steps.map((e) => Number(e.props.order)))];
  return orders.map((order) => {
    const group = steps.filter((e) => Number(e.props.order) === order);
    return { order, conditional: group.filter((e) => e.props.condition), fallback: group.find((e) => !e.props.condition) };
  });
}
