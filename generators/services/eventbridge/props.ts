import type { PropSpec } from '../../props/spec';

export const eventbridgeProps = [
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
] as const satisfies readonly PropSpec[];
