/**
 * One small, valid diagram per row of the connection-rule table: the edge "Source -> Target" of
 * that row plus whatever the diagram needs to be deployable (a delivery stream needs a bucket).
 */
import type { DiagramSpec } from '../graph/build';
import type { Props } from '../props/spec';
import { CONNECTION_RULES, ruleFor } from '../rules/table';
import type { ServiceKind } from '../services/registry';

const NAMES: Record<ServiceKind, string> = {
  apigateway: 'Api',
  s3: 'Bucket',
  dynamodb: 'Table',
  kinesis: 'Stream',
  firehose: 'Delivery',
  eventbridge: 'Bus',
  sns: 'Topic',
  sqs: 'Queue',
  lambda: 'Handler',
  stepfunctions: 'Workflow',
  scheduler: 'Schedule',
  resource: 'Resource',
};

const ruleKey = (from: ServiceKind, to: ServiceKind) => `${from}->${to}`;

function ruleFixture(from: ServiceKind, to: ServiceKind): DiagramSpec & { source: string; target: string } {
  const source = from === to ? `${NAMES[from]}A` : NAMES[from];
  const target = from === to ? `${NAMES[to]}B` : NAMES[to];
  const nodes: DiagramSpec['nodes'] = { [source]: from, [target]: to };
  const edges: NonNullable<DiagramSpec['edges']> = [[source, target]];
  if (from === 's3' && to === 'apigateway') nodes[source] = ['s3', { mode: 'website' }];
  // A redrive needs a queue without a dead-letter queue of its own, into one that keeps messages longer.
  if (from === 'sqs' && to === 'sqs') {
    nodes[source] = ['sqs', { deadLetterQueue: false }];
    nodes[target] = ['sqs', { deadLetterQueue: false, retentionSeconds: 1209600 }];
  }
  for (const [name, kind] of [
    [source, from],
    [target, to],
  ] as const)
    if (kind === 'firehose' && !(from === 'firehose' && to === 's3')) {
      nodes.Archive = 's3';
      edges.push([name, 'Archive']);
    }
  return { name: `Rule ${from} to ${to}`, nodes, edges, source, target };
}

/**
 * Rows whose props change what the edge is (a trigger through a pipe, a failure destination, a
 * rule target's dead-letter queue): one fixture per such variant, besides the row's default one.
 */
const VARIANTS: { from: ServiceKind; to: ServiceKind; variant: string; props: Props; extra?: DiagramSpec['nodes'] }[] = [
  { from: 'sqs', to: 'lambda', variant: 'through a pipe', props: { via: 'pipe', batchSize: 5, filterPatterns: '[{"body":{"status":["PAID"]}}]' } },
  {
    from: 'kinesis',
    to: 'lambda',
    variant: 'through a pipe enriched by an express workflow',
    props: { via: 'pipe', enrichment: 'Enricher' },
    extra: { Enricher: ['stepfunctions', { workflowType: 'EXPRESS' }] },
  },
  { from: 'dynamodb', to: 'lambda', variant: 'through a pipe enriched by a function', props: { via: 'pipe', enrichment: 'Enricher' }, extra: { Enricher: 'lambda' } },
  { from: 'kinesis', to: 'lambda', variant: 'with an on-failure queue', props: { onFailure: 'Failures' }, extra: { Failures: 'sqs' } },
  { from: 'dynamodb', to: 'lambda', variant: 'with an on-failure topic', props: { onFailure: 'Failures' }, extra: { Failures: 'sns' } },
  {
    from: 'sqs',
    to: 'stepfunctions',
    variant: 'through a pipe enriched by an express workflow',
    props: { enrichment: 'Enricher' },
    extra: { Enricher: ['stepfunctions', { workflowType: 'EXPRESS' }] },
  },
  {
    from: 'eventbridge',
    to: 'lambda',
    variant: 'with a dead-letter queue and retries',
    props: { deadLetterQueue: 'Undelivered', retryAttempts: 4, maxEventAgeSeconds: 3600 },
    extra: { Undelivered: 'sqs' },
  },
  { from: 'eventbridge', to: 'sqs', variant: 'with a dead-letter queue', props: { deadLetterQueue: 'Undelivered' }, extra: { Undelivered: 'sqs' } },
  {
    from: 'eventbridge',
    to: 'eventbridge',
    variant: 'with a dead-letter queue and retries',
    props: { deadLetterQueue: 'Undelivered', retryAttempts: 10, maxEventAgeSeconds: 600 },
    extra: { Undelivered: 'sqs' },
  },
];

function variantFixture({ from, to, variant, props, extra }: (typeof VARIANTS)[number]) {
  const spec = ruleFixture(from, to);
  const [, ...rest] = spec.edges ?? [];
  return { ...spec, name: `${spec.name} ${variant}`, nodes: { ...spec.nodes, ...extra }, edges: [[spec.source, spec.target, props], ...rest] as NonNullable<DiagramSpec['edges']> };
}

export const RULE_FIXTURES = [
  ...CONNECTION_RULES.map((r) => ({ key: ruleKey(r.from, r.to), rule: r, spec: ruleFixture(r.from, r.to) })),
  ...VARIANTS.map((v) => ({ key: `${ruleKey(v.from, v.to)} ${v.variant}`, rule: ruleFor(v.from, v.to)!, spec: variantFixture(v) })),
];
