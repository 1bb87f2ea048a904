import type { ServiceDefinition } from './types';
import { eventbridgeCfn } from './eventbridge.cfn';

export const eventbridge: ServiceDefinition = {
  kind: 'eventbridge',
  title: 'Amazon EventBridge',
  shortTitle: 'EventBridge',
  asTarget: 'put events on a bus',
  description: 'Event bus whose rules route matching events to targets',
  group: 'router',
  defaultName: 'EventBus',
  props: [
    {
      key: 'busType',
      label: 'Bus',
      type: 'enum',
      default: 'custom',
      options: [
        { value: 'custom', label: 'custom bus' },
        { value: 'default', label: 'the account default bus' },
      ],
    },
    {
      key: 'schedule',
      label: 'Schedule (optional)',
      type: 'string',
      default: '',
      optional: true,
      help: 'rate(5 minutes) or cron(0 12 * * ? *): emits an event on that schedule to every target',
      pattern: /^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\([^()]+\))$/,
      patternMessage: 'Schedule must look like rate(5 minutes) or cron(0 12 * * ? *)',
    },
  ],
  cfn: eventbridgeCfn,
  imports: {
    // A rule on a bus the template does not define (the default bus) is drawn as that bus.
    types: ['AWS::Events::EventBus', 'AWS::Events::Rule'],
    bindings: {
      schedule: { paths: [['ScheduleExpression']], absent: '', types: ['AWS::Events::Rule'] },
    },
  },
};
