import { perMillion } from '../../cost/types';
import { plural } from '../../flow/types';
import type { CfnValue } from '../../template/cfn';
import { readable } from '../../template/readable';
import type { ServiceModule } from '../types';
import { schedulerCfn } from './cfn';
import { schedulerProps } from './props';
import { runsPerMonth } from './runs';
import { schedulerCdk } from './cdk';
import { schedulerSam } from './sam';

/** us-east-1 list price (see cost/prices.ts for the date): per million scheduled invocations, no free tier counted. */
const SCHEDULER_PRICES = { perMillionInvocations: 1.0 } as const;

export const scheduler: ServiceModule<'scheduler', typeof schedulerProps> = {
  kind: 'scheduler',
  title: 'Amazon EventBridge Scheduler',
  shortTitle: 'Scheduler',
  asTarget: 'start a schedule',
  description: 'Schedule that delivers to one target at a rate, a cron time or once',
  group: 'source',
  defaultName: 'Schedule',
  modelled: true,
  icon: 'ResourceAmazonEventBridgeScheduler',
  props: schedulerProps,
  subtitle: (node) => node.props.scheduleExpression + (node.props.timezone ? ` (${node.props.timezone})` : ''),
  code: null,
  cfn: schedulerCfn,
  cdk: schedulerCdk,
  sam: schedulerSam,
  access: { modes: {} },
  imports: {
    types: ['AWS::Scheduler::Schedule'],
    bindings: {
      scheduleExpression: { paths: [['ScheduleExpression']] },
      timezone: { paths: [['ScheduleExpressionTimezone']], absent: '' },
      flexibleWindowMinutes: { paths: [['FlexibleTimeWindow', 'MaximumWindowInMinutes']], absent: 0 },
      payload: { paths: [['Target', 'Input']], absent: '' },
    },
    // SAM's ScheduleV2 event: a schedule the template does not declare as a resource.
    impliedSource: (type, event) =>
      type === 'ScheduleV2' && typeof event.ScheduleExpression === 'string'
        ? {
            key: `schedule-v2:${event.ScheduleExpression}:${JSON.stringify(event.ScheduleExpressionTimezone ?? '')}`,
            drawn: {
              name: 'Schedule',
              props: { scheduleExpression: event.ScheduleExpression, timezone: typeof event.ScheduleExpressionTimezone === 'string' ? event.ScheduleExpressionTimezone : '' },
              note: `A schedule, ${readable(event.ScheduleExpression as CfnValue)}, that SAM makes from the function's ScheduleV2 event: drawn so it shows; the event stays in the template, and export adds nothing for it.`,
            },
          }
        : undefined,
  },
  flow: {
    failable: false,
    receive({ node }, sim) {
      for (const link of sim.out) sim.carry(link);
      if (sim.out.length === 0) sim.note('waiting', `${node.name} fires, but has no target: nothing is delivered`);
    },
    scenarios: (node) => [{ label: `the schedule fires (${node.props.scheduleExpression})`, data: node.props.payload ? (JSON.parse(node.props.payload) as Record<string, unknown>) : {}, count: 1 }],
    fromCode: (writer, node, count) => ({ text: `${writer.name} runs ${node.name} ${plural(count, 'time')}`, data: {} }),
  },
  cost: {
    estimate(node) {
      const runs = runsPerMonth(node.props.scheduleExpression);
      return {
        items: [{ label: 'Scheduled invocations', quantity: runs, unit: 'invocations', usd: perMillion(runs, SCHEDULER_PRICES.perMillionInvocations) }],
        note: 'runs counted from the schedule, not from the stated load',
      };
    },
    // Whatever the load, a schedule sends as many events as it fires.
    along: (node) => runsPerMonth(node.props.scheduleExpression),
  },
  diagnostics: {
    node(schedule, { index, report }) {
      if (!index.out(schedule).length) report('warning', 'schedule-without-target', `${schedule.name} has no target: nothing is deployed for it until it is connected to one`, [schedule]);
    },
  },
  // Schedules take no tags.
  tags: {},
  handlerRole: 'generic',
};
