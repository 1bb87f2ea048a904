/** Property specs shared by several rows of the connection table, and the typed props they declare. */
import { jsonObjectCheck, type EnumSpec, type PropSpec, type Props, type PropsFromSpecs } from '../props/spec';
import { serviceOf, type ServiceKind } from '../services/registry';

export const HTTP_METHODS = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** An API's route that its template does not state: its OpenAPI definition may be in a file the template includes. */
const ROUTE_UNSTATED = 'the template names no route for this connection: the API’s definition (an OpenAPI file it includes, or an authorizer) holds it';

export function routeSpecs(defaultMethod: HttpMethod, defaultPath: string) {
  return [
    { key: 'method', label: 'Method', type: 'enum', default: defaultMethod, options: HTTP_METHODS.map((m) => ({ value: m, label: m })), unstated: ROUTE_UNSTATED },
    {
      key: 'path',
      label: 'Path',
      type: 'string',
      default: defaultPath,
      unstated: ROUTE_UNSTATED,
      maxLength: 512,
      pattern: /^\/([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\+?\})?(\/([A-Za-z0-9._~-]+|\{[A-Za-z0-9_]+\+?\}))*$/,
      patternMessage: 'Path must start with / and contain segments such as /orders, /{id} or /{proxy+}',
    },
  ] as const satisfies readonly PropSpec[];
}
export type RouteProps = PropsFromSpecs<ReturnType<typeof routeSpecs>>;

const S3_EVENTS = [
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRestore:Completed',
] as const;

const keyFilter = <K extends 'prefix' | 'suffix'>(key: K, label: string) =>
  ({
    key,
    label,
    type: 'string',
    default: '',
    optional: true,
    maxLength: 1024,
    pattern: /^[^\s*?]*$/,
    patternMessage: `${label} is a literal key ${key === 'prefix' ? 'beginning' : 'ending'} (no spaces or wildcards)`,
  }) as const;

export const s3EventSpecs = [
  { key: 'event', label: 'Event', type: 'enum', default: 's3:ObjectCreated:*', options: S3_EVENTS.map((e) => ({ value: e, label: e })) },
  keyFilter('prefix', 'Key prefix filter'),
  keyFilter('suffix', 'Key suffix filter'),
] as const satisfies readonly PropSpec[];
export type S3EventProps = PropsFromSpecs<typeof s3EventSpecs>;

const filterPatterns = {
  key: 'filterPatterns',
  label: 'Filter patterns (JSON)',
  type: 'string',
  multiline: true,
  default: '',
  optional: true,
  maxLength: 4096,
  help: 'A JSON array of up to 5 event patterns: only records matching one reach the function (empty: every record)',
  check: filterPatternsProblem,
} as const;

/** Whether a function reads its source through Lambda's own event source mapping or through an EventBridge Pipe. */
export const viaSpec = {
  key: 'via',
  label: 'Through',
  type: 'enum',
  default: 'mapping',
  absent: 'mapping',
  options: [
    { value: 'mapping', label: 'an event source mapping (Lambda polls the source)' },
    { value: 'pipe', label: 'an EventBridge Pipe (filters, batches, and may enrich on the way)' },
  ],
} as const satisfies EnumSpec<'via', 'mapping' | 'pipe'>;
const throughMapping = (props: Props) => props.via !== 'pipe';
/** Whether a trigger's props (a queue's, a stream's) send it through an EventBridge Pipe instead of a mapping. */
export const throughPipe = (props: object) => 'via' in props && props.via === 'pipe';

/** What enriches each batch of a pipe on the way: one of the diagram's functions or express workflows, by name. */
const enrichment = {
  key: 'enrichment',
  label: 'Enrichment (optional)',
  type: 'string',
  default: '',
  optional: true,
  maxLength: 80,
  names: ['lambda', 'stepfunctions'],
  help: "The name of one of the diagram's functions or express workflows: the pipe passes each batch through it before delivering",
} as const;

const batchingWindow = { key: 'batchingWindowSeconds', label: 'Batching window', type: 'integer', default: 0, absent: 0, min: 0, max: 300, unit: 'seconds', visibleWhen: throughMapping } as const;

export const streamMappingSpecs = [
  viaSpec,
  { key: 'batchSize', label: 'Batch size', type: 'integer', default: 100, absent: 100, min: 1, max: 10000, unit: 'records' },
  batchingWindow,
  { key: 'maximumRetryAttempts', label: 'Retry attempts', type: 'integer', default: 3, absent: -1, min: -1, max: 10000, help: '-1 retries until the record expires', visibleWhen: throughMapping },
  { key: 'bisectOnError', label: 'Split batch on error', type: 'boolean', default: true, absent: false, visibleWhen: throughMapping },
  { key: 'reportBatchItemFailures', label: 'Report partial batch failures', type: 'boolean', default: false, absent: false, visibleWhen: throughMapping },
  filterPatterns,
  {
    key: 'onFailure',
    label: 'On-failure destination (optional)',
    type: 'string',
    default: '',
    optional: true,
    maxLength: 80,
    names: ['sqs', 'sns'],
    help: "The name of one of the diagram's queues or topics: a record of each batch the mapping gives up on goes there",
    visibleWhen: throughMapping,
  },
  { ...enrichment, visibleWhen: throughPipe },
] as const satisfies readonly PropSpec[];
export type StreamMappingProps = PropsFromSpecs<typeof streamMappingSpecs>;

export const queueMappingSpecs = [
  viaSpec,
  { key: 'batchSize', label: 'Batch size', type: 'integer', default: 10, absent: 10, min: 1, max: 10000, unit: 'messages' },
  batchingWindow,
  { key: 'reportBatchItemFailures', label: 'Report partial batch failures', type: 'boolean', default: true, absent: false, visibleWhen: throughMapping },
  filterPatterns,
  { ...enrichment, visibleWhen: throughPipe },
] as const satisfies readonly PropSpec[];
export type QueueMappingProps = PropsFromSpecs<typeof queueMappingSpecs>;

/** Lambda's event filtering: at most 5 patterns, each a JSON object. */
function filterPatternsProblem(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `Filter patterns are not valid JSON: ${(error as Error).message}`;
  }
  if (!Array.isArray(parsed) || parsed.some((p) => p === null || typeof p !== 'object' || Array.isArray(p))) return 'Filter patterns must be a JSON array of pattern objects';
  if (parsed.length === 0 || parsed.length > 5) return 'Give 1 to 5 filter patterns (or none at all)';
  return null;
}

/** The FilterCriteria an event source mapping takes from the patterns text, when there are patterns. */
export function filterCriteriaOf(text: string): { Filters: { Pattern: string }[] } | undefined {
  if (!text) return undefined;
  return { Filters: (JSON.parse(text) as object[]).map((pattern) => ({ Pattern: JSON.stringify(pattern) })) };
}

/** EventBridge's own retry policy for a target: 185 attempts within 24 hours. A rule writes a RetryPolicy only when an edge differs. */
export const DEFAULT_RETRIES = { attempts: 185, ageSeconds: 86400 } as const;
export const retriesAreDefault = (props: { retryAttempts: number; maxEventAgeSeconds: number }) =>
  props.retryAttempts === DEFAULT_RETRIES.attempts && props.maxEventAgeSeconds === DEFAULT_RETRIES.ageSeconds;

export const eventPatternSpecs = [
  {
    key: 'eventPattern',
    label: 'Event pattern (JSON)',
    type: 'string',
    multiline: true,
    default: '{"source": [{"prefix": ""}]}',
    maxLength: 4096,
    help: 'Only events matching this pattern reach the target; the default matches every event',
    check: jsonObjectCheck('Event pattern'),
  },
  {
    key: 'retryAttempts',
    label: 'Delivery retries',
    type: 'integer',
    default: DEFAULT_RETRIES.attempts,
    absent: DEFAULT_RETRIES.attempts,
    min: 0,
    max: 185,
    help: 'How often EventBridge retries an event it could not deliver to the target',
  },
  { key: 'maxEventAgeSeconds', label: 'Retry for at most', type: 'integer', default: DEFAULT_RETRIES.ageSeconds, absent: DEFAULT_RETRIES.ageSeconds, min: 60, max: 86400, unit: 'seconds' },
  {
    key: 'deadLetterQueue',
    label: 'Dead-letter queue (optional)',
    type: 'string',
    default: '',
    optional: true,
    maxLength: 80,
    names: ['sqs'],
    help: "The name of one of the diagram's standard queues: events EventBridge could not deliver after its retries wait there",
  },
] as const satisfies readonly PropSpec[];
export type EventPatternProps = PropsFromSpecs<typeof eventPatternSpecs>;

const CONDITION = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+\s*(==|!=|<=|>=|<|>)\s*(true|false|-?\d+(\.\d+)?|"[^"\\]*")$/;

export const workflowStepSpecs = [
  { key: 'order', label: 'Step order', type: 'integer', default: 1, min: 1, max: 100, sequence: true },
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
] as const satisfies readonly PropSpec[];
export type WorkflowStepProps = PropsFromSpecs<typeof workflowStepSpecs>;

/** The access modes a function may use on a kind, from that kind's module, as an edge prop. */
export function accessSpecs(kind: ServiceKind): readonly [EnumSpec<'access', string>] {
  const access = serviceOf(kind).access;
  const modes = Object.keys(access.modes);
  return [
    {
      key: 'access',
      label: 'Access',
      type: 'enum',
      default: access.defaultMode ?? modes[0],
      options: modes.map((m) => ({ value: m, label: access.modes[m].label })),
    },
  ];
}

/** Where Lambda can send an asynchronous invocation's record: an on-failure or on-success destination. */
export const DESTINATION_KINDS = ['sqs', 'sns', 'eventbridge', 'lambda'] as const;

/** When a function reaches the service: from its code, or as the destination of its asynchronous invocations. */
export const whenSpec = {
  key: 'when',
  label: 'When',
  type: 'enum',
  default: 'code',
  options: [
    { value: 'code', label: 'when its code calls it' },
    { value: 'on-failure', label: 'on failure: the destination of failed asynchronous invocations' },
    { value: 'on-success', label: 'on success: the destination of asynchronous invocation results' },
  ],
} as const satisfies EnumSpec<'when', 'code' | 'on-failure' | 'on-success'>;
export type When = (typeof whenSpec.options)[number]['value'];

/**
 * An EventBridge Pipe's settings: its batch, its filter, and the function (by name) that enriches
 * each batch on the way. `absent` is CloudFormation's batch size for the source when a template
 * leaves it out (10 for a queue, 100 for a stream).
 */
export function pipeSpecs(source: 'dynamodb' | 'sqs' | 'kinesis') {
  return [
    { key: 'batchSize', label: 'Batch size', type: 'integer', default: 1, absent: source === 'sqs' ? 10 : 100, min: 1, max: 10000, unit: 'records' },
    filterPatterns,
    enrichment,
  ] as const satisfies readonly PropSpec[];
}
export type PipeProps = PropsFromSpecs<ReturnType<typeof pipeSpecs>>;
