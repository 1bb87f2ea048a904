/** A workflow's steps as its generated definition runs them, shared by the template, the event flow, the estimate and the presentation. */
import type { GraphIndex, Link } from '../../graph/index-graph';
import type { EdgeOf, GraphNode } from '../../graph/model';
import { compareNames } from '../../graph/names';
import type { WorkflowStepProps } from '../../rules/edge-props';
import { inputFor } from './conditions';

/** Every connection leaving a workflow is a step: its props are the step's order and condition. */
export const stepProps = (link: Link) => (link.edge as EdgeOf<WorkflowStepProps>).props;

export interface StepGroup {
  order: number;
  /** Steps that run when their condition holds, checked in this order (a Choice state). */
  conditional: Link[];
  /** The step that runs when no condition holds, or the only step of the group. */
  fallback?: Link;
}

/** Steps in the order they run: by "order", then by the name of what they call. */
export const orderedSteps = (links: readonly Link[]) => [...links].sort((a, b) => stepProps(a).order - stepProps(b).order || compareNames(a.target.name, b.target.name));

/**
 * By "order"; within one order, the conditional steps form a Choice whose default is the
 * unconditional one.
 */
export function workflowGroups(index: GraphIndex, workflow: { id: string }): StepGroup[] {
  const steps = orderedSteps(index.out(workflow));
  const orders = [...new Set(steps.map((l) => stepProps(l).order))];
  return orders.map((order) => {
    const group = steps.filter((l) => stepProps(l).order === order);
    return { order, conditional: group.filter((l) => stepProps(l).condition), fallback: group.find((l) => !stepProps(l).condition) };
  });
}

/** A workflow input choosing each branch in turn, when the workflow has conditions. */
export function workflowInputs(index: GraphIndex, workflow: GraphNode | undefined): [string, Record<string, unknown>][] {
  const conditions = workflow ? workflowGroups(index, workflow).flatMap((g) => g.conditional.map((l) => stepProps(l).condition)) : [];
  if (conditions.length === 0) return [['', { message: 'hello' }]];
  return conditions.flatMap((c): [string, Record<string, unknown>][] => [
    [` where ${c}`, inputFor(c, true)],
    [` where not ${c}`, inputFor(c, false)],
  ]);
}
