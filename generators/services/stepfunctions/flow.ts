import { plural } from '../../flow/types';
import type { ServiceFlow } from '../types';
import type { WorkflowNode } from './cfn';
import { conditionHolds } from './conditions';
import { stepProps, workflowGroups, workflowInputs } from './workflow';

export const stepfunctionsFlow: ServiceFlow<WorkflowNode> = {
  failable: false,
  receive({ node, tick, count, data }, sim) {
    let at = tick;
    let steps = 0;
    let failed = false;
    for (const group of workflowGroups(sim.index, node)) {
      const chosen = group.conditional.find((l) => conditionHolds(stepProps(l).condition, data)) ?? group.fallback;
      const skipped = () =>
        [...group.conditional, ...(group.fallback ? [group.fallback] : [])]
          .filter((l) => l !== chosen)
          .forEach((link) =>
            sim.hop({
              tick: at + 1,
              from: node.id,
              to: link.target.id,
              edgeId: link.edge.id,
              count,
              outcome: 'filtered',
              text: stepProps(link).condition
                ? `Step ${group.order}: ${stepProps(link).condition} is false, so ${link.target.name} is not run`
                : `Step ${group.order}: a condition held, so the default ${link.target.name} is not run`,
            }),
          );
      if (!chosen) {
        skipped();
        sim.hop({ tick: at + 1, to: node.id, count, outcome: 'failed', text: `Step ${group.order}: no condition holds and there is no default step: the execution fails (States.NoChoiceMatched)` });
        failed = true;
        break;
      }
      const target = chosen.target;
      const verb = chosen.rule.flow.stepVerb ?? 'calls';
      steps++;
      if (sim.failing.has(target.id)) {
        sim.hop({ tick: at + 1, from: node.id, to: target.id, edgeId: chosen.edge.id, count, outcome: 'delivered', text: `Step ${group.order}: ${node.name} ${verb} ${target.name}` });
        skipped();
        sim.hop({ tick: at + 2, to: target.id, count, outcome: 'failed', text: `${target.name} fails: the Task fails, and so does the execution of ${node.name}` });
        failed = true;
        break;
      }
      const condition = stepProps(chosen).condition ? ` (${stepProps(chosen).condition})` : '';
      sim.hop({ tick: at + 1, from: node.id, to: target.id, edgeId: chosen.edge.id, count, outcome: 'delivered', text: `Step ${group.order}${condition}: ${node.name} ${verb} ${target.name}` });
      skipped();
      sim.enqueue({ node: target, tick: at + 1, count, data, via: 'workflow', from: node, link: chosen });
      at += 2;
    }
    if (!failed && steps > 0) sim.hop({ tick: at, to: node.id, count, outcome: 'arrived', text: `${node.name} succeeds after ${plural(steps, 'step')}` });
  },
  scenarios: (node, { index }) => workflowInputs(index, node).map(([suffix, input]) => ({ label: `start an execution${suffix}`, data: input, count: 1 })),
  fromCode: (writer, node, count, data) => ({ text: `${writer.name} starts ${plural(count, 'execution')} of ${node.name}`, data }),
};
