/**
 * An event source mapping's settings as a template writes them, by edge prop: read from an
 * AWS::Lambda::EventSourceMapping and from SAM's SQS, Kinesis and DynamoDB events, which take the
 * same property names. Values are left raw: the importer keeps what a prop cannot hold as written.
 */
import type { CfnValue } from '../template/cfn';

type Properties = Record<string, CfnValue>;

export function mappingSettings(p: Properties): Properties {
  const settings: Properties = {};
  const set = (key: string, value: CfnValue | undefined) => {
    if (value !== undefined) settings[key] = value;
  };
  set('batchSize', p.BatchSize);
  set('batchingWindowSeconds', p.MaximumBatchingWindowInSeconds);
  set('maximumRetryAttempts', p.MaximumRetryAttempts);
  set('bisectOnError', p.BisectBatchOnFunctionError);
  const types = p.FunctionResponseTypes;
  set('reportBatchItemFailures', Array.isArray(types) ? types.includes('ReportBatchItemFailures') : types);
  set('filterPatterns', filterPatternsOf(p.FilterCriteria));
  // A stream mapping's on-failure destination (raw: the importer names the queue or topic).
  set('onFailure', fieldOf(fieldOf(p.DestinationConfig, 'OnFailure'), 'Destination'));
  return settings;
}

const fieldOf = (value: CfnValue | undefined, key: string): CfnValue | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Properties)[key] : undefined);

/** What EventBridge does with events it cannot deliver: a retry policy and a dead-letter queue (raw: the importer names the queue). */
function deliveryFailureSettings(retryPolicy: CfnValue | undefined, deadLetterConfig: CfnValue | undefined): Properties {
  const settings: Properties = {};
  const retries = fieldOf(retryPolicy, 'MaximumRetryAttempts');
  const age = fieldOf(retryPolicy, 'MaximumEventAgeInSeconds');
  const queue = fieldOf(deadLetterConfig, 'Arn');
  if (retries !== undefined) settings.retryAttempts = retries;
  if (age !== undefined) settings.maxEventAgeSeconds = age;
  if (queue !== undefined) settings.deadLetterQueue = queue;
  return settings;
}

/** A rule's settings for the edge to one of its targets (the reference at `path`): its pattern, and that target's failure handling. */
export function ruleTargetSettings(rule: Properties, path: readonly (string | number)[]): Properties {
  const settings: Properties = rule.EventPattern !== undefined ? { eventPattern: rule.EventPattern } : {};
  const targets = rule.Targets;
  const target = path[0] === 'Targets' && typeof path[1] === 'number' && Array.isArray(targets) ? targets[path[1]] : undefined;
  return { ...settings, ...deliveryFailureSettings(fieldOf(target, 'RetryPolicy'), fieldOf(target, 'DeadLetterConfig')) };
}

/** FilterCriteria's patterns (each a JSON string) as one JSON array; the raw value when it is not that. */
function filterPatternsOf(criteria: CfnValue | undefined): CfnValue | undefined {
  if (criteria === undefined) return undefined;
  const filters = criteria && typeof criteria === 'object' && !Array.isArray(criteria) ? criteria.Filters : undefined;
  if (!Array.isArray(filters)) return criteria;
  const patterns: unknown[] = [];
  for (const filter of filters) {
    const pattern = filter && typeof filter === 'object' && !Array.isArray(filter) ? filter.Pattern : undefined;
    if (typeof pattern !== 'string') return criteria;
    try {
      patterns.push(JSON.parse(pattern));
    } catch {
      return criteria;
    }
  }
  return JSON.stringify(patterns);
}

/** A SAM function event's settings: a mapping's (SQS, Kinesis, DynamoDB), or a rule's pattern and failure handling (EventBridgeRule, CloudWatchEvent, Schedule). */
export function samEventSettings(p: Properties): Properties {
  return { ...mappingSettings(p), ...ruleEventSettings(p) };
}

/** What a SAM EventBridgeRule or CloudWatchEvent event says of its rule: the pattern and its target's failure handling (a state machine's events say no more). */
export function ruleEventSettings(p: Properties): Properties {
  return { ...(p.Pattern !== undefined ? { eventPattern: p.Pattern } : {}), ...deliveryFailureSettings(p.RetryPolicy, p.DeadLetterConfig) };
}

/** An EventBridge Pipe's settings: its source's batch size and filter, and its enrichment (raw: the importer names the function). */
export function pipeSettings(p: Properties): Properties {
  const settings: Properties = {};
  const source = p.SourceParameters;
  if (source && typeof source === 'object' && !Array.isArray(source)) {
    for (const [key, value] of Object.entries(source))
      if (key.endsWith('Parameters') && value && typeof value === 'object' && !Array.isArray(value) && value.BatchSize !== undefined) settings.batchSize = value.BatchSize;
    const filters = filterPatternsOf(source.FilterCriteria);
    if (filters !== undefined) settings.filterPatterns = filters;
  }
  if (p.Enrichment !== undefined) settings.enrichment = p.Enrichment;
  // A pipe into a function is its trigger's `via: pipe`; the pipe rows have no `via`.
  settings.via = 'pipe';
  return settings;
}
