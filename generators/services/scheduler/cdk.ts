import type { CdkEmitter } from '../types';
import type { ScheduleNode } from './cfn';

/** A schedule and its one target are one construct: the target's edge declares it (rules/cdk). */
export const schedulerCdk: CdkEmitter<ScheduleNode, never> = {
  after: (node, w) => w.index.out(node).map((l) => l.target),
  declare(node, w) {
    w.declare(node, w.contributions<string>(node, 'schedule')[0] ?? `    // ${node.name} has no target yet: nothing to deploy`);
  },
  arn: (node, w) => `${w.v(node)}.scheduleArn`,
  address: (node, w) => `${w.v(node)}.scheduleName`,
  grants: {},
};
