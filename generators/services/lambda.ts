import type { ServiceDefinition } from './types';
import { lambdaCfn } from './lambda.cfn';

export const lambda: ServiceDefinition = {
  kind: 'lambda',
  title: 'AWS Lambda',
  shortTitle: 'Lambda',
  asTarget: 'invoke a function',
  description: 'Function that runs your code for each event',
  group: 'destination',
  defaultName: 'Function',
  props: [
    {
      key: 'runtime',
      label: 'Runtime',
      type: 'enum',
      default: 'python3.13',
      options: [
        { value: 'python3.13', label: 'Python 3.13' },
        { value: 'python3.12', label: 'Python 3.12' },
        { value: 'nodejs22.x', label: 'Node.js 22' },
      ],
    },
    { key: 'memoryMiB', label: 'Memory', type: 'integer', default: 256, min: 128, max: 10240, unit: 'MiB' },
    { key: 'timeoutSeconds', label: 'Timeout', type: 'integer', default: 30, min: 1, max: 900, unit: 'seconds' },
    { key: 'logRetentionDays', label: 'Log retention', type: 'enum', default: '14',
      options: ['1', '3', '5', '7', '14', '30', '60', '90', '180', '365'].map((d) => ({ value: d, label: `${d} days` })) },
    {
      key: 'layers',
      label: 'Layers (optional)',
      type: 'string',
      default: '',
      optional: true,
      maxLength: 2048,
      help: 'Comma-separated layer version ARNs (at most 5), for libraries such as Pillow',
      pattern: /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]+:\d+(\s*,\s*arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]+:\d+){0,4}$/,
      patternMessage: 'Layers must be up to 5 comma-separated layer version ARNs (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)',
    },
    {
      key: 'code',
      label: 'Code',
      type: 'string',
      default: '',
      optional: true,
      multiline: true,
      maxLength: 65536,
      help: 'Empty: the handler template for what triggers the function. Inline code is limited to 4096 characters.',
    },
  ],
  cfn: lambdaCfn,
  imports: {
    types: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    bindings: {
      runtime: { paths: [['Runtime']] },
      memoryMiB: { paths: [['MemorySize']], absent: 128 },
      timeoutSeconds: { paths: [['Timeout']], absent: 3 },
      code: { paths: [['Code', 'ZipFile'], ['InlineCode']] },
    },
  },
};
