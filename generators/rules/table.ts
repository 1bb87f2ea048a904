/**
 * The connection-rule table of DESIGN §3: the only place that says which services may connect,
 * what an edge means and which properties it carries. The canvas refuses anything not listed
 * here and the template generator emits the wiring of each row.
 */
import type { Graph, GraphNode } from '../graph/model';
import { jsonObjectCheck as jsonObject, type PropSpec, type Props } from '../props/spec';
import type { ServiceKind } from '../services/registry';
import type { Wiring } from '../template/context';
import { apiToLambda, apiToService, websiteToApi } from './wiring/apigateway';
import { s3ToEventBridge, s3ToLambda, s3ToQueueOrTopic } from './wiring/s3';
import { kinesisToLambda, sqsToLambda, tableStreamToLambda, tableToPipe } from './wiring/streams';
import { firehoseToLambda, firehoseToS3, kinesisToFirehose } from './wiring/firehose';
import { snsToLambda, snsToSqs } from './wiring/sns';
import { ruleToLambda, ruleToQueueOrTopic, ruleWithRole } from './wiring/eventbridge';
import { lambdaUses as lambdaUsesWiring } from './wiring/lambda';
import { workflowStep as workflowStepWiring } from './wiring/stepfunctions';
import { accessSpec, routeSpecs, s3EventSpecs, streamMappingSpecs, queueMappingSpecs, eventPatternSpec, workflowStepSpecs, accessLabel, type AccessMode } from './edge-props';

export interface ConnectionContext {
  graph: Graph;
  source: GraphNode;
  target: GraphNode;
}

export interface ConnectionRule {
  from: ServiceKind;
  to: ServiceKind;
  /** What the edge means, in a sentence fragment ("route invokes function"). */
  meaning: string;
  /** The short label drawn on the edge; may depend on the edge's props. */
  label: (props: Props) => string;
  props: readonly PropSpec[];
  /** Emits the CloudFormation that makes events flow along such an edge. */
  wire: Wiring;
  /** A condition beyond the pair of kinds; returns the refusal (reason and fix) or null. */
  refuse?: (context: ConnectionContext) => string | null;
}

const fixed = (text: string) => () => text;

const outgoingTo = (ctx: ConnectionContext, kind: ServiceKind) =>
  ctx.graph.edges.filter(
    (e) => e.source === ctx.source.id && ctx.graph.nodes.find((n) => n.id === e.target)?.kind === kind,
  ).length;

const incomingFrom = (ctx: ConnectionContext, kind: ServiceKind) =>
  ctx.graph.edges.filter(
    (e) => e.target === ctx.target.id && ctx.graph.nodes.find((n) => n.id === e.source)?.kind === kind,
  ).length;

function apiRoute(to: ServiceKind, meaning: string, verb: string, defaultMethod: string, defaultPath: string): ConnectionRule {
  return {
    from: 'apigateway',
    to,
    meaning,
    label: (p) => `${verb} (${p.method} ${p.path})`,
    props: routeSpecs(defaultMethod, defaultPath),
    wire: to === 'lambda' ? apiToLambda : apiToService,
  };
}

function lambdaUses(to: ServiceKind, modes: readonly AccessMode[]): ConnectionRule {
  return {
    from: 'lambda',
    to,
    meaning: 'function uses the service with least-privilege IAM and its name in the environment',
    label: (p) => accessLabel(p.access as AccessMode),
    props: [accessSpec(modes)],
    wire: lambdaUsesWiring,
    refuse: (ctx) =>
      to === 'lambda' && ctx.source.id === ctx.target.id
        ? 'A function cannot invoke itself: that is an unbounded loop'
        : null,
  };
}

function workflowStep(to: ServiceKind, task: string): ConnectionRule {
  return {
    from: 'stepfunctions',
    to,
    meaning: `a state of the workflow (${task})`,
    label: (p) => (p.condition ? `step ${p.order} if ${p.condition}` : `step ${p.order}`),
    props: workflowStepSpecs,
    wire: workflowStepWiring,
  };
}

function ruleTarget(to: ServiceKind, verb: string): ConnectionRule {
  return {
    from: 'eventbridge',
    to,
    meaning: 'rule sends matching events to the target',
    label: fixed(verb),
    props: [eventPatternSpec],
    wire: to === 'lambda' ? ruleToLambda : to === 'sqs' || to === 'sns' ? ruleToQueueOrTopic : ruleWithRole,
    refuse: (ctx) =>
      ctx.source.id === ctx.target.id ? 'A bus cannot forward events to itself' : null,
  };
}

export const CONNECTION_RULES: readonly ConnectionRule[] = [
  apiRoute('lambda', 'route invokes function', 'invokes', 'ANY', '/{proxy+}'),
  apiRoute('stepfunctions', 'route starts execution', 'starts', 'POST', '/'),
  apiRoute('sqs', 'route sends message', 'sends message', 'POST', '/'),
  apiRoute('eventbridge', 'route puts event', 'puts event', 'POST', '/'),
  apiRoute('kinesis', 'route puts record', 'puts record', 'POST', '/'),

  { from: 's3', to: 'lambda', meaning: 'object event invokes function', label: fixed('triggers'), props: s3EventSpecs, wire: s3ToLambda },
  { from: 's3', to: 'sqs', meaning: 'object event is queued', label: fixed('queues events'), props: s3EventSpecs, wire: s3ToQueueOrTopic },
  { from: 's3', to: 'sns', meaning: 'object event is published', label: fixed('publishes events'), props: s3EventSpecs, wire: s3ToQueueOrTopic },
  {
    from: 's3',
    to: 'eventbridge',
    meaning: 'object events go on the bus',
    label: fixed('sends events'),
    props: [],
    wire: s3ToEventBridge,
    refuse: (ctx) => (outgoingTo(ctx, 'eventbridge') > 0 ? 'A bucket sends its events to EventBridge once: connect that bus to others with rules' : null),
  },
  {
    from: 's3',
    to: 'apigateway',
    meaning: 'website page calls the API',
    label: fixed('page calls API'),
    props: [],
    wire: websiteToApi,
    refuse: (ctx) =>
      ctx.source.props.mode === 'website'
        ? null
        : 'Only a website bucket serves pages that call an API: set the bucket\'s mode to website first',
  },

  { from: 'dynamodb', to: 'lambda', meaning: 'stream triggers function', label: fixed('streams to'), props: streamMappingSpecs, wire: tableStreamToLambda },
  { from: 'dynamodb', to: 'eventbridge', meaning: 'table change becomes an event (EventBridge Pipe)', label: fixed('changes become events'), props: [], wire: tableToPipe },
  { from: 'dynamodb', to: 'sqs', meaning: 'table change is queued (EventBridge Pipe)', label: fixed('changes queued'), props: [], wire: tableToPipe },
  { from: 'dynamodb', to: 'sns', meaning: 'table change is published (EventBridge Pipe)', label: fixed('changes published'), props: [], wire: tableToPipe },
  { from: 'dynamodb', to: 'stepfunctions', meaning: 'table change starts a workflow (EventBridge Pipe)', label: fixed('changes start workflow'), props: [], wire: tableToPipe },

  { from: 'kinesis', to: 'lambda', meaning: 'records trigger function', label: fixed('streams to'), props: streamMappingSpecs, wire: kinesisToLambda },
  {
    from: 'kinesis',
    to: 'firehose',
    meaning: 'stream feeds delivery',
    label: fixed('feeds'),
    props: [],
    wire: kinesisToFirehose,
    refuse: (ctx) =>
      incomingFrom(ctx, 'kinesis') > 0 ? 'A delivery stream reads from one Kinesis stream only: it already has one' : null,
  },

  {
    from: 'firehose',
    to: 's3',
    meaning: 'delivery writes objects',
    label: fixed('delivers to'),
    wire: firehoseToS3,
    props: [
      { key: 'prefix', label: 'Object prefix', type: 'string', default: 'raw/', optional: true, maxLength: 512, pattern: /^[^\s]*$/, patternMessage: 'Object prefix may not contain spaces' },
      { key: 'errorPrefix', label: 'Error prefix', type: 'string', default: 'errors/', optional: true, maxLength: 512, pattern: /^[^\s]*$/, patternMessage: 'Error prefix may not contain spaces' },
    ],
    refuse: (ctx) => (outgoingTo(ctx, 's3') > 0 ? 'A delivery stream delivers to one bucket only: it already has one' : null),
  },
  {
    from: 'firehose',
    to: 'lambda',
    meaning: 'records are transformed by the function',
    label: fixed('transforms with'),
    props: [],
    wire: firehoseToLambda,
    refuse: (ctx) => (outgoingTo(ctx, 'lambda') > 0 ? 'A delivery stream has one transforming function only: it already has one' : null),
  },

  { from: 'sqs', to: 'lambda', meaning: 'queue triggers function', label: fixed('triggers'), props: queueMappingSpecs, wire: sqsToLambda },

  {
    from: 'sns',
    to: 'lambda',
    meaning: 'topic invokes function',
    label: fixed('subscribes'),
    wire: snsToLambda,
    props: [
      { key: 'filterPolicy', label: 'Filter policy (optional JSON)', type: 'string', default: '', optional: true, multiline: true, maxLength: 256 * 1024, check: (v) => (v === '' ? null : jsonObject('Filter policy')(v)) },
    ],
  },
  {
    from: 'sns',
    to: 'sqs',
    meaning: 'fan-out to queue',
    label: fixed('fans out to'),
    wire: snsToSqs,
    props: [{ key: 'rawMessageDelivery', label: 'Raw message delivery', type: 'boolean', default: false }],
  },

  ruleTarget('lambda', 'rule invokes'),
  ruleTarget('sqs', 'rule queues'),
  ruleTarget('sns', 'rule publishes'),
  ruleTarget('stepfunctions', 'rule starts'),
  ruleTarget('kinesis', 'rule puts records'),
  ruleTarget('eventbridge', 'rule forwards'),

  lambdaUses('dynamodb', ['read', 'write', 'read-write']),
  lambdaUses('s3', ['read', 'write', 'read-write']),
  lambdaUses('sns', ['publish']),
  lambdaUses('sqs', ['send', 'consume']),
  lambdaUses('eventbridge', ['put-events']),
  lambdaUses('kinesis', ['write', 'read']),
  lambdaUses('firehose', ['write']),
  lambdaUses('stepfunctions', ['start-execution']),
  lambdaUses('lambda', ['invoke']),

  workflowStep('lambda', 'lambda:invoke'),
  workflowStep('dynamodb', 'dynamodb:putItem'),
  workflowStep('sns', 'sns:publish'),
  workflowStep('sqs', 'sqs:sendMessage'),
  workflowStep('eventbridge', 'events:putEvents'),
];

const RULE_INDEX = new Map(CONNECTION_RULES.map((rule) => [`${rule.from}->${rule.to}`, rule]));

export function ruleFor(from: ServiceKind, to: ServiceKind): ConnectionRule | undefined {
  return RULE_INDEX.get(`${from}->${to}`);
}
