/**
 * One small, valid diagram per row of the connection-rule table: the edge "Source -> Target" of
 * that row plus whatever the diagram needs to be deployable (a delivery stream needs a bucket).
 */
import type { DiagramSpec } from '../graph/build';
import { CONNECTION_RULES } from '../rules/table';
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

export const RULE_FIXTURES = CONNECTION_RULES.map((r) => ({ key: ruleKey(r.from, r.to), rule: r, spec: ruleFixture(r.from, r.to) }));
