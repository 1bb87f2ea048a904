/** Property specs shared by several rows of the connection table. */
import { jsonObjectCheck, type EnumSpec, type PropSpec } from '../props/spec';

export const HTTP_METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export function routeSpecs(defaultMethod: string, defaultPath: string): PropSpec[] {
  return [
    {
      key: 'method',
      label: 'Method',
      type: 'enum',
      default: defaultMethod,
      options: HTTP_METHODS.map((m) => ({ value: m, label: m })),
    },
    {
      key: 'path',
      label: 'Path',
      type: 'string',
      default: defaultPath,
      maxLength: 512,
      pattern: /^\/([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\+?\})?(\/([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\+?\}))*$/,
      patternMessage: 'Path must start with / and contain segments such as /orders, /{id} or /{proxy+}',
    },
  ];
}

export const S3_EVENTS = [
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRestore:Completed',
] as const;

const keyFilter = (key: string, label: string): PropSpec => ({
  key,
  label,
  type: 'string',
  default: '',
  optional: true,
  maxLength: 1024,
  pattern: /^[^\s*?]*$/,
  patternMessage: `${label} is a literal key ${key === 'prefix' ? 'beginning' : 'ending'} (no spaces or wildcards)`,
});

export const s3EventSpecs: readonly PropSpec[] = [
  { key: 'event', label: 'Event', type: 'enum', default: 's3:ObjectCreated:*', options: S3_EVENTS.map((e) => ({ value: e, label: e })) },
  keyFilter('prefix', 'Key prefix filter'),
  keyFilter('suffix', 'Key suffix filter'),
];

export const streamMappingSpecs: readonly PropSpec[] = [
  { key: 'batchSize', label: 'Batch size', type: 'integer', default: 100, min: 1, max: 10000, unit: 'records' },
  { key: 'maximumRetryAttempts', label: 'Retry attempts', type: 'integer', default: 3, min: 0, max: 10000 },
  { key: 'bisectOnError', label: 'Split batch on error', type: 'boolean', default: true },
];

export const queueMappingSpecs: readonly PropSpec[] = [
  { key: 'batchSize', label: 'Batch size', type: 'integer', default: 10, min: 1, max: 10000, unit: 'messages' },
  { key: 'batchingWindowSeconds', label: 'Batching window', type: 'integer', default: 0, min: 0, max: 300, unit: 'seconds' },
  { key: 'reportBatchItemFailures', label: 'Report partial batch failures', type: 'boolean', default: true },
];

export const eventPatternSpec: PropSpec = {
  key: 'eventPattern',
  label: 'Event pattern (JSON)',
  type: 'string',
  multiline: true,
  default: '{"source": [{"prefix": ""}]}',
  maxLength: 4096,
  help: 'Only events matching this pattern reach the target; the default matches every event',
  check: jsonObjectCheck('Event pattern'),
};

const CONDITION = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+\s*(==|!=|<=|>=|<|>)\s*(true|false|-?\d+(\.\d+)?|"[^"\\]*")$/;

export const workflowStepSpecs: readonly PropSpec[] = [
  { key: 'order', label: 'Step order', type: 'integer', default: 1, min: 1, max: 100 },
  {
    key: 'condition',
    label: 'Condition (optional)',
    type: 'string',
    default: '',
    optional: true,
    maxLength: 256,
    pattern: CONDITION,
    patternMessage: 'Condition must compare a field of the input, such as $.amount > 1000 or $.valid == true',
  },
];

export type AccessMode =
  | 'read'
  | 'write'
  | 'read-write'
  | 'publish'
  | 'send'
  | 'consume'
  | 'put-events'
  | 'start-execution'
  | 'invoke';

/** Modes in which a function passes something on: what it writes arrives downstream as events. */
export const SENDING_ACCESS: ReadonlySet<string> = new Set<AccessMode>(['write', 'read-write', 'publish', 'send', 'put-events', 'start-execution', 'invoke']);
/** Modes in which a function reads from a service. */
export const READING_ACCESS: ReadonlySet<string> = new Set<AccessMode>(['read', 'read-write']);

const ACCESS_LABELS: Record<AccessMode, string> = {
  read: 'reads',
  write: 'writes',
  'read-write': 'reads/writes',
  publish: 'publishes to',
  send: 'sends to',
  consume: 'consumes from',
  'put-events': 'puts events',
  'start-execution': 'starts',
  invoke: 'invokes',
};

export const accessLabel = (mode: AccessMode): string => ACCESS_LABELS[mode] ?? String(mode);

export function accessSpec(modes: readonly AccessMode[]): EnumSpec {
  return {
    key: 'access',
    label: 'Access',
    type: 'enum',
    default: modes.includes('read-write') ? 'read-write' : modes[0],
    options: modes.map((m) => ({ value: m, label: accessLabel(m) })),
  };
}
