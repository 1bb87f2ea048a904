import type { PropSpec } from '../../props/spec';
import { familyOf, RUNTIME_OPTIONS } from './runtimes';
import { dependenciesProblem, filesProblem } from './sources';

const LOG_RETENTION_DAYS = ['1', '3', '5', '7', '14', '30', '60', '90', '180', '365'] as const;

export const lambdaProps = [
  {
    key: 'runtime',
    label: 'Runtime',
    type: 'enum',
    default: 'python3.13',
    options: RUNTIME_OPTIONS,
    help: 'Eventform writes code for the Python and Node.js runtimes; the others are for imported functions whose code is elsewhere',
  },
  { key: 'memoryMiB', label: 'Memory', type: 'integer', default: 256, min: 128, max: 10240, unit: 'MiB' },
  { key: 'timeoutSeconds', label: 'Timeout', type: 'integer', default: 30, min: 1, max: 900, unit: 'seconds' },
  { key: 'logRetentionDays', label: 'Log retention', type: 'enum', default: '14', options: LOG_RETENTION_DAYS.map((d) => ({ value: d, label: `${d} days` })) },
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
    help: 'The main file (index.py, or index.js for Node.js). Empty: the handler template for what triggers the function.',
  },
  {
    key: 'files',
    label: 'Other files',
    type: 'string',
    default: '',
    optional: true,
    multiline: true,
    maxLength: 1_048_576,
    help: 'More source files beside the main one, as a JSON object of path to content (the code editor writes it)',
    check: filesProblem,
  },
  {
    key: 'dependencies',
    label: 'npm packages',
    type: 'string',
    default: '',
    optional: true,
    maxLength: 2048,
    help: 'Packages at exact versions, comma-separated (sharp@0.35.5, uuid@11.1.0): installed and bundled with the code when the diagram is deployed',
    check: dependenciesProblem,
    visibleWhen: (props) => familyOf(String(props.runtime)) === 'nodejs' || !!props.dependencies,
  },
] as const satisfies readonly PropSpec[];

/** The log retention's enum value as the number of days CloudFormation takes. */
export const retentionDays = (value: (typeof LOG_RETENTION_DAYS)[number]) => Number(value);
