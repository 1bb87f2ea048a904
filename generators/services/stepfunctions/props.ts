import type { PropSpec } from '../../props/spec';

export const stepfunctionsProps = [
  {
    key: 'workflowType',
    label: 'Workflow type',
    type: 'enum',
    default: 'STANDARD',
    options: [
      { value: 'STANDARD', label: 'standard (durable, exactly once)' },
      { value: 'EXPRESS', label: 'express (high volume, short)' },
    ],
  },
] as const satisfies readonly PropSpec[];
