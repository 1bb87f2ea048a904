import { perMillion } from '../../cost/types';
import type { GraphIndex, Link } from '../../graph/index-graph';
import type { ServiceModule } from '../types';
import { stepfunctionsCfn } from './cfn';
import { stepfunctionsFlow } from './flow';
import { stepfunctionsProps } from './props';
import { stepProps, workflowGroups } from './workflow';
import { stepfunctionsCdk } from './cdk';
import { stepfunctionsSam } from './sam';
import { ruleEventSettings } from '../../rules/mapping-import';

/** us-east-1 list prices (see cost/prices.ts for the date). */
const STEPFUNCTIONS_PRICES = { standardPer1000Transitions: 0.025, expressPerMillionRequests: 1.0, expressPerGbSecond: 0.00001667 } as const;

/** The branches of a choice share the executions equally (the estimate's stated assumption). */
function shareOf(index: GraphIndex, link: Link): number {
  for (const group of workflowGroups(index, link.source)) {
    const branches = [...group.conditional, ...(group.fallback ? [group.fallback] : [])];
    if (branches.includes(link)) return 1 / branches.length;
  }
  return 0;
}

export const stepfunctions: ServiceModule<'stepfunctions', typeof stepfunctionsProps, 'start-execution'> = {
  kind: 'stepfunctions',
  title: 'AWS Step Functions',
  shortTitle: 'Step Functions',
  asTarget: 'start a workflow',
  description: 'Workflow whose steps call services, with conditions',
  group: 'router',
  defaultName: 'StateMachine',
  modelled: true,
  icon: 'ArchitectureServiceAWSStepFunctions',
  props: stepfunctionsProps,
  subtitle: () => undefined,
  code: null,
  cfn: stepfunctionsCfn,
  cdk: stepfunctionsCdk,
  sam: stepfunctionsSam,
  access: {
    modes: { 'start-execution': { label: 'starts', actions: ['states:StartExecution'], sends: true, reads: false } },
    defaultMode: 'start-execution',
    deliver: 'states:StartExecution',
  },
  imports: {
    types: ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'],
    bindings: { workflowType: { paths: [['StateMachineType']], pathsByType: { 'AWS::Serverless::StateMachine': [['Type']] }, absent: 'STANDARD' } },
    samPolicies: { StepFunctionsExecutionPolicy: 'start-execution' },
    samEventProps: ruleEventSettings,
  },
  flow: stepfunctionsFlow,
  cost: {
    along: (_node, link, count, { index }) => count * shareOf(index, link),
    estimate(node, usage) {
      const count = usage.events(node);
      const groups = workflowGroups(usage.index, node);
      if (node.props.workflowType === 'EXPRESS') {
        const gbSeconds = count * ((groups.length * usage.load.averageDurationMs) / 1000) * (64 / 1024);
        return {
          items: [
            { label: 'Executions', quantity: count, unit: 'requests', usd: perMillion(count, STEPFUNCTIONS_PRICES.expressPerMillionRequests) },
            { label: 'Duration at 64 MB', quantity: gbSeconds, unit: 'GB-seconds', usd: gbSeconds * STEPFUNCTIONS_PRICES.expressPerGbSecond },
          ],
        };
      }
      // The start, one state per group (two with a choice), and the final Succeed.
      const perExecution = groups.reduce((sum, g) => sum + (g.conditional.length ? 2 : 1), 1);
      const transitions = count * perExecution;
      return {
        items: [
          { label: `State transitions (${perExecution} per execution)`, quantity: transitions, unit: 'transitions', usd: (transitions / 1000) * STEPFUNCTIONS_PRICES.standardPer1000Transitions },
        ],
      };
    },
  },
  diagnostics: {
    node(machine, { index, report }) {
      const steps = index.out(machine);
      if (steps.length === 0) report('warning', 'empty-workflow', `${machine.name} has no steps: connect it to the services it calls`, [machine]);
      const byOrder = new Map<number, Link[]>();
      for (const link of steps) if (!stepProps(link).condition) byOrder.set(stepProps(link).order, [...(byOrder.get(stepProps(link).order) ?? []), link]);
      for (const [order, links] of byOrder)
        if (links.length > 1)
          report(
            'error',
            'ambiguous-step',
            `${machine.name} has ${links.length} unconditional steps with order ${order}: give them different orders or conditions`,
            [machine],
            links.map((l) => l.edge),
          );
    },
  },
  tags: { 'AWS::StepFunctions::StateMachine': 'list' },
  handlerRole: 'workflow',
};
