import type { PropSpec } from '../../props/spec';

export const sqsProps = [
  { key: 'fifo', label: 'FIFO queue', type: 'boolean', default: false },
  {
    key: 'visibilityTimeoutSeconds',
    label: 'Visibility timeout',
    type: 'integer',
    default: 180,
    min: 0,
    max: 43200,
    unit: 'seconds',
    help: 'At least 6x the timeout of the function that consumes the queue',
  },
  { key: 'retentionSeconds', label: 'Message retention', type: 'integer', default: 345600, min: 60, max: 1209600, unit: 'seconds' },
  { key: 'deadLetterQueue', label: 'Dead-letter queue', type: 'boolean', default: true },
  { key: 'maxReceiveCount', label: 'Receives before dead-letter', type: 'integer', default: 5, min: 1, max: 1000, visibleWhen: (p) => p.deadLetterQueue === true },
] as const satisfies readonly PropSpec[];
