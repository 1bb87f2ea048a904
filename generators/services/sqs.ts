import type { ServiceDefinition } from './types';
import { sqsCfn } from './sqs.cfn';

export const sqs: ServiceDefinition = {
  kind: 'sqs',
  title: 'Amazon SQS',
  shortTitle: 'SQS',
  asTarget: 'send to a queue',
  description: 'Queue that buffers messages until a consumer takes them',
  group: 'destination',
  defaultName: 'Queue',
  props: [
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
    {
      key: 'retentionSeconds',
      label: 'Message retention',
      type: 'integer',
      default: 345600,
      min: 60,
      max: 1209600,
      unit: 'seconds',
    },
    { key: 'deadLetterQueue', label: 'Dead-letter queue', type: 'boolean', default: true },
    {
      key: 'maxReceiveCount',
      label: 'Receives before dead-letter',
      type: 'integer',
      default: 5,
      min: 1,
      max: 1000,
      visibleWhen: (p) => p.deadLetterQueue === true,
    },
  ],
  cfn: sqsCfn,
  imports: {
    types: ['AWS::SQS::Queue'],
    bindings: {
      fifo: { paths: [['FifoQueue']], absent: false },
      visibilityTimeoutSeconds: { paths: [['VisibilityTimeout']], absent: 30 },
      retentionSeconds: { paths: [['MessageRetentionPeriod']], absent: 345600 },
      deadLetterQueue: { paths: [['RedrivePolicy']], absent: false, readOnly: true, read: () => true },
      maxReceiveCount: {
        paths: [['RedrivePolicy', 'maxReceiveCount']],
        readOnly: true,
        read: (raw) => (typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw)) ? Number(raw) : undefined),
      },
    },
  },
};
