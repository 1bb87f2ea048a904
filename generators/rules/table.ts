/**
 * The connection-rule table of DESIGN §3: the only place that says which services may connect,
 * what an edge means and which properties it carries. The canvas refuses anything not listed
 * here; the generator emits each row's wiring, the event flow follows its behaviour, the estimate
 * and the diagnostics ask it about the pair.
 */
import { chunks, perMillion, type CostUsage } from '../cost/types';
import type { CdkWriter } from '../export/cdk/writer';
import type { SamWriter } from '../export/sam/writer';
import type { Link } from '../graph/index-graph';
import { jsonObjectCheck as jsonObject, type PropSpec } from '../props/spec';
import { serviceOf, type ServiceKind } from '../services/registry';
import {
  checkDestinations,
  checkRuleDeadLetters,
  checkNotificationTarget,
  checkPipe,
  checkRedrive,
  checkQueueTrigger,
  checkStepIntoTable,
  checkTopicToFunction,
  checkTopicToQueue,
  checkWriteBack,
} from './checks';
import {
  accessSpecs,
  DESTINATION_KINDS,
  throughPipe,
  eventPatternSpecs,
  pipeSpecs,
  whenSpec,
  queueMappingSpecs,
  routeSpecs,
  s3EventSpecs,
  streamMappingSpecs,
  workflowStepSpecs,
  type HttpMethod,
} from './edge-props';
import {
  bucketEventsFlow,
  deliveryFlow,
  functionUsesFlow,
  kinesisTriggerFlow,
  notificationFlow,
  pageCallsApiFlow,
  queueTriggerFlow,
  routeFlow,
  ruleTargetFlow,
  streamReaderFlow,
  subscriptionFlow,
  pipeFlow,
  scheduleFlow,
  redriveFlow,
  tableToKinesisFlow,
  tableTriggerFlow,
  transformFlow,
  workflowStepFlow,
} from './flow';
import { defineRule, type AnyRule, type ConnectionContext, type RuleFlow } from './types';
import { apiToLambda, apiToService, websiteToApi } from './wiring/apigateway';
import { ruleToLambda, ruleToQueueOrTopic, ruleWithRole } from './wiring/eventbridge';
import { firehoseToLambda, firehoseToS3, kinesisToFirehose } from './wiring/firehose';
import { lambdaUses as lambdaUsesWiring } from './wiring/lambda';
import { s3ToEventBridge, s3ToLambda, s3ToQueueOrTopic } from './wiring/s3';
import { snsToLambda, snsToSqs } from './wiring/sns';
import { workflowStep as workflowStepWiring } from './wiring/stepfunctions';
import { kinesisToLambda, redriveToQueue, sqsToLambda, tableStreamToLambda, tableToKinesis } from './wiring/streams';
import { pipeToTarget, type PipeLink, type PipeSource, type PipeTarget } from './wiring/pipes';
import { scheduleToTarget, type ScheduleTarget } from './wiring/scheduler';

import { routeCdk } from './cdk/apigateway';
import { bucketEvent, keepAsCloudFormation, mappingEvent, routeEvent, ruleEvent, topicEvent } from './sam/events';
import { declaredWith, deliveryPartCdk, tableToKinesisCdk } from './cdk/declared';
import { ruleTargetCdk } from './cdk/eventbridge';
import { lambdaUsesCdk } from './cdk/lambda';
import { mappingCdk } from './cdk/mappings';
import { pipeCdk } from './cdk/pipes';
import { bucketEventsCdk, notificationCdk, websiteOriginCdk } from './cdk/s3';
import { scheduleCdk } from './cdk/scheduler';
import { workflowStepCdk } from './cdk/stepfunctions';
import { topicToFunctionCdk, topicToQueueCdk } from './cdk/subscriptions';

export type { AnyRule, ConnectionContext, ConnectionRule } from './types';

/** EventBridge Pipes: us-east-1 list price (see cost/prices.ts for the date), metered in 64 KB chunks. */
const PIPES_PRICES = { perMillionRequests: 0.4, chunkKB: 64 } as const;

/** Kinesis Data Streams for DynamoDB: us-east-1 list price per million change data capture units of 1 KB. */
const DYNAMODB_CDC_PRICES = { perMillionUnits: 0.1, unitKB: 1 } as const;

const pipeCost = {
  sourceItems: (link: { target: { name: string } }, count: number, usage: CostUsage) => {
    const requests = count * chunks(usage.load.averagePayloadKB, PIPES_PRICES.chunkKB);
    return [{ label: `EventBridge Pipe to ${link.target.name}`, quantity: requests, unit: 'requests', usd: perMillion(requests, PIPES_PRICES.perMillionRequests) }];
  },
};

const fixed = (text: string) => () => text;
const NO_PROPS = [] as const satisfies readonly PropSpec[];

const outgoingTo = (ctx: ConnectionContext, kind: ServiceKind) => ctx.index.out(ctx.source).filter((l) => l.target.kind === kind).length;
/** Whether the chain of dead-letter queues from one queue reaches another. */
function redrivesInto(ctx: ConnectionContext, from: string, to: string): boolean {
  const seen = new Set<string>();
  for (let at = from; !seen.has(at); ) {
    seen.add(at);
    const next = ctx.graph.edges.find((e) => e.source === at && ctx.index.node(e.target)?.kind === 'sqs' && ctx.index.node(at)?.kind === 'sqs');
    if (!next) return false;
    if (next.target === to) return true;
    at = next.target;
  }
  return false;
}
const incomingFrom = (ctx: ConnectionContext, kind: ServiceKind) => ctx.index.into(ctx.target).filter((l) => l.source.kind === kind).length;

function apiRoute(to: 'lambda' | 'stepfunctions' | 'sqs' | 'eventbridge' | 'kinesis', meaning: string, verb: string, defaultMethod: HttpMethod, defaultPath: string) {
  return defineRule({
    from: 'apigateway',
    to,
    meaning,
    label: (p) => `${verb} (${p.method} ${p.path})`,
    props: routeSpecs(defaultMethod, defaultPath),
    ...(to === 'lambda' ? { principal: 'apigateway.amazonaws.com' } : {}),
    wire: (link, ctx) => (link.target.kind === 'lambda' ? apiToLambda({ ...link, target: link.target }, ctx) : apiToService({ ...link, target: link.target }, ctx)),
    cdk: routeCdk,
    sam: (link, s) => (to === 'lambda' ? routeEvent(link, s) : keepAsCloudFormation(link, s)),
    flow: routeFlow(to),
  });
}

function notification(to: 'lambda' | 'sqs' | 'sns', meaning: string, label: string) {
  return defineRule({
    from: 's3',
    to,
    meaning,
    label: fixed(label),
    props: s3EventSpecs,
    principal: 's3.amazonaws.com',
    wire: (link, ctx) => (link.target.kind === 'lambda' ? s3ToLambda({ ...link, target: link.target }, ctx) : s3ToQueueOrTopic({ ...link, target: link.target }, ctx)),
    cdk: notificationCdk,
    sam: (link, s) => (to === 'lambda' ? bucketEvent(link, s) : keepAsCloudFormation(link, s)),
    flow: notificationFlow,
    diagnose: (link, ctx) => (link.target.kind === 'lambda' ? undefined : checkNotificationTarget({ ...link, target: link.target }, ctx)),
  });
}

function pipe(from: PipeSource, to: PipeTarget, meaning: string, label: string) {
  return defineRule({
    from,
    to,
    meaning: `${meaning} (EventBridge Pipe)`,
    label: (p) => (p.enrichment ? `${label}, enriched` : label),
    props: pipeSpecs(from),
    wire: pipeToTarget,
    cdk: pipeCdk,
    sam: keepAsCloudFormation,
    flow: pipeFlow,
    diagnose: checkPipe,
    cost: pipeCost,
  });
}

function scheduleTarget(to: ScheduleTarget, verb: string) {
  return defineRule({
    from: 'scheduler',
    to,
    meaning: 'the schedule delivers to its target at each run (EventBridge Scheduler)',
    label: fixed(verb),
    props: NO_PROPS,
    wire: scheduleToTarget,
    cdk: scheduleCdk,
    sam: keepAsCloudFormation,
    refuse: (ctx) => (ctx.index.out(ctx.source).length > 0 ? `${ctx.source.name} already has its target: a schedule has one. Add another schedule for another target` : null),
    flow: scheduleFlow,
  });
}

/** A function's trigger read through Lambda's event source mapping, or (`via: pipe`) through an EventBridge Pipe. */
const pipedTrigger = (link: { edge: { props: object } }) => throughPipe(link.edge.props);
const triggerCdk = (link: Link, w: CdkWriter) => (pipedTrigger(link) ? pipeCdk(link, w) : mappingCdk(link, w));
const triggerSam = (link: Link, s: SamWriter) => (pipedTrigger(link) ? keepAsCloudFormation(link, s) : mappingEvent(link, s));
/** The mapping's own flow, or the pipe's when the trigger goes through one; a failing function is retried the same way. */
function triggerFlow<L extends { edge: { props: object } }>(mapping: RuleFlow<L>): RuleFlow<L> {
  return { ...mapping, carry: (arrival, link, sim) => (pipedTrigger(link) ? pipeFlow.carry!(arrival, link as unknown as PipeLink, sim) : mapping.carry!(arrival, link, sim)) };
}
const triggerCost = { sourceItems: (link: Link, count: number, usage: CostUsage) => (pipedTrigger(link) ? pipeCost.sourceItems(link, count, usage) : []) };

const triggerLabel = (p: { via: string; enrichment: string }, mapping: string) => (!throughPipe(p) ? mapping : p.enrichment ? 'pipes to, enriched' : 'pipes to');

const isDestination = (props: object) => 'when' in props && (props.when === 'on-failure' || props.when === 'on-success');

function lambdaUses(to: Exclude<ServiceKind, 'apigateway' | 'resource'>) {
  const modeOf = (access: string) => serviceOf(to).access.modes[access];
  const destination = (DESTINATION_KINDS as readonly string[]).includes(to);
  // The rows share one props type, `access` plus an optional `when` (only destination kinds have it).
  const props: readonly PropSpec[] = destination ? [...accessSpecs(to), whenSpec] : accessSpecs(to);
  return defineRule({
    from: 'lambda',
    to,
    meaning: destination
      ? 'function uses the service with least-privilege IAM and its name in the environment, or sends it the record of its asynchronous invocations (a destination)'
      : 'function uses the service with least-privilege IAM and its name in the environment',
    label: (p: { access: string; when?: string }) => (p.when === 'on-failure' ? 'on failure, sends to' : p.when === 'on-success' ? 'on success, sends to' : (modeOf(p.access)?.label ?? p.access)),
    props: props as unknown as ReturnType<typeof accessSpecs>,
    wire: lambdaUsesWiring,
    cdk: lambdaUsesCdk,
    // Its grant is one of the function's Policies (services/lambda/sam.ts); its variables stay in the function's Environment.
    sam: keepAsCloudFormation,
    refuse: (ctx) => (to === 'lambda' && ctx.source.id === ctx.target.id ? 'A function cannot invoke itself: that is an unbounded loop' : null),
    flow: functionUsesFlow,
    // A destination receives only failed or finished asynchronous invocations, which the estimate does not model.
    cost: {
      carries: (link) => !isDestination(link.edge.props) && (modeOf(link.edge.props.access)?.sends ?? false),
      reads: (link) => !isDestination(link.edge.props) && (modeOf(link.edge.props.access)?.reads ?? false),
    },
    diagnose: (link, ctx) => {
      if (link.target.kind === 's3') checkWriteBack({ ...link, target: link.target }, ctx);
      checkDestinations(link, ctx);
    },
  });
}

function workflowStep(to: 'lambda' | 'dynamodb' | 'sns' | 'sqs' | 'eventbridge', task: string) {
  return defineRule({
    from: 'stepfunctions',
    to,
    meaning: `a state of the workflow (${task})`,
    label: (p) => (p.condition ? `step ${p.order} if ${p.condition}` : `step ${p.order}`),
    props: workflowStepSpecs,
    wire: workflowStepWiring,
    cdk: workflowStepCdk,
    sam: keepAsCloudFormation,
    flow: workflowStepFlow(to === 'lambda' ? 'invokes' : 'calls'),
    diagnose: (link, ctx) => (link.target.kind === 'dynamodb' ? checkStepIntoTable({ ...link, target: link.target }, ctx) : undefined),
  });
}

function ruleTarget(to: 'lambda' | 'sqs' | 'sns' | 'stepfunctions' | 'kinesis' | 'eventbridge', verb: string) {
  return defineRule({
    from: 'eventbridge',
    to,
    meaning: 'rule sends matching events to the target',
    label: fixed(verb),
    props: eventPatternSpecs,
    ...(to === 'lambda' || to === 'sqs' || to === 'sns' ? { principal: 'events.amazonaws.com' } : {}),
    wire: (link, ctx) => {
      const { target } = link;
      if (target.kind === 'lambda') ruleToLambda({ ...link, target }, ctx);
      else if (target.kind === 'sqs' || target.kind === 'sns') ruleToQueueOrTopic({ ...link, target }, ctx);
      else ruleWithRole({ ...link, target }, ctx);
    },
    cdk: ruleTargetCdk,
    sam: (link, s) => (to === 'lambda' ? ruleEvent(link, s) : keepAsCloudFormation(link, s)),
    refuse: (ctx) => (ctx.source.id === ctx.target.id ? 'A bus cannot forward events to itself' : null),
    flow: ruleTargetFlow,
    diagnose: checkRuleDeadLetters,
  });
}

export const CONNECTION_RULES: readonly AnyRule[] = [
  scheduleTarget('lambda', 'invokes'),
  scheduleTarget('stepfunctions', 'starts'),
  scheduleTarget('sqs', 'sends message'),
  scheduleTarget('sns', 'publishes'),
  scheduleTarget('eventbridge', 'puts event'),
  scheduleTarget('kinesis', 'puts record'),

  apiRoute('lambda', 'route invokes function', 'invokes', 'ANY', '/{proxy+}'),
  apiRoute('stepfunctions', 'route starts execution', 'starts', 'POST', '/'),
  apiRoute('sqs', 'route sends message', 'sends message', 'POST', '/'),
  apiRoute('eventbridge', 'route puts event', 'puts event', 'POST', '/'),
  apiRoute('kinesis', 'route puts record', 'puts record', 'POST', '/'),

  notification('lambda', 'object event invokes function', 'triggers'),
  notification('sqs', 'object event is queued', 'queues events'),
  notification('sns', 'object event is published', 'publishes events'),
  defineRule({
    from: 's3',
    to: 'eventbridge',
    meaning: 'object events go on the bus',
    label: fixed('sends events'),
    props: NO_PROPS,
    wire: s3ToEventBridge,
    cdk: bucketEventsCdk,
    sam: keepAsCloudFormation,
    refuse: (ctx) => (outgoingTo(ctx, 'eventbridge') > 0 ? 'A bucket sends its events to EventBridge once: connect that bus to others with rules' : null),
    flow: bucketEventsFlow,
    // AWS services' own events are free on a bus.
    cost: { free: true },
  }),
  defineRule({
    from: 's3',
    to: 'apigateway',
    meaning: 'website page calls the API',
    label: fixed('page calls API'),
    props: NO_PROPS,
    wire: websiteToApi,
    cdk: websiteOriginCdk,
    sam: keepAsCloudFormation,
    refuse: (ctx) => (ctx.source.kind === 's3' && ctx.source.props.mode === 'website' ? null : "Only a website bucket serves pages that call an API: set the bucket's mode to website first"),
    flow: pageCallsApiFlow,
  }),

  defineRule({
    from: 'dynamodb',
    to: 'lambda',
    meaning: 'stream triggers function',
    label: (p) => triggerLabel(p, 'streams to'),
    props: streamMappingSpecs,
    wire: tableStreamToLambda,
    cdk: triggerCdk,
    sam: triggerSam,
    flow: triggerFlow(tableTriggerFlow),
    cost: triggerCost,
    diagnose: (link, ctx) => (pipedTrigger(link) ? checkPipe(link, ctx) : undefined),
  }),
  pipe('dynamodb', 'eventbridge', 'table change becomes an event', 'changes become events'),
  pipe('dynamodb', 'sqs', 'table change is queued', 'changes queued'),
  pipe('dynamodb', 'sns', 'table change is published', 'changes published'),
  pipe('dynamodb', 'stepfunctions', 'table change starts a workflow', 'changes start workflow'),
  defineRule({
    from: 'dynamodb',
    to: 'kinesis',
    meaning: 'table changes are streamed into Kinesis (Kinesis Data Streams for DynamoDB)',
    label: fixed('streams changes to'),
    props: NO_PROPS,
    wire: tableToKinesis,
    cdk: tableToKinesisCdk,
    sam: keepAsCloudFormation,
    refuse: (ctx) => (outgoingTo(ctx, 'kinesis') > 0 ? 'A table streams its changes into one Kinesis stream only: it already has one' : null),
    flow: tableToKinesisFlow,
    cost: {
      sourceItems: (_link, count, usage) => {
        const units = count * chunks(usage.load.averagePayloadKB, DYNAMODB_CDC_PRICES.unitKB);
        return [{ label: 'Change data capture units (Kinesis Data Streams for DynamoDB)', quantity: units, unit: 'units', usd: perMillion(units, DYNAMODB_CDC_PRICES.perMillionUnits) }];
      },
    },
  }),
  pipe('sqs', 'stepfunctions', 'message starts a workflow', 'pipes to workflow'),
  pipe('sqs', 'sns', 'message is published', 'pipes to topic'),
  pipe('sqs', 'eventbridge', 'message becomes an event', 'pipes to bus'),
  pipe('sqs', 'kinesis', 'message is put on a stream', 'pipes to stream'),
  pipe('kinesis', 'stepfunctions', 'record starts a workflow', 'pipes to workflow'),
  pipe('kinesis', 'sqs', 'record is queued', 'pipes to queue'),
  pipe('kinesis', 'sns', 'record is published', 'pipes to topic'),
  pipe('kinesis', 'eventbridge', 'record becomes an event', 'pipes to bus'),

  defineRule({
    from: 'kinesis',
    to: 'lambda',
    meaning: 'records trigger function',
    label: (p) => triggerLabel(p, 'streams to'),
    props: streamMappingSpecs,
    wire: kinesisToLambda,
    cdk: triggerCdk,
    sam: triggerSam,
    flow: triggerFlow(kinesisTriggerFlow),
    cost: triggerCost,
    diagnose: (link, ctx) => (pipedTrigger(link) ? checkPipe(link, ctx) : undefined),
  }),
  defineRule({
    from: 'kinesis',
    to: 'firehose',
    meaning: 'stream feeds delivery',
    label: fixed('feeds'),
    props: NO_PROPS,
    wire: kinesisToFirehose,
    cdk: deliveryPartCdk('source'),
    sam: keepAsCloudFormation,
    refuse: (ctx) => (incomingFrom(ctx, 'kinesis') > 0 ? 'A delivery stream reads from one Kinesis stream only: it already has one' : null),
    flow: streamReaderFlow,
  }),

  defineRule({
    from: 'firehose',
    to: 's3',
    meaning: 'delivery writes objects',
    label: fixed('delivers to'),
    wire: firehoseToS3,
    cdk: deliveryPartCdk('bucket'),
    sam: keepAsCloudFormation,
    props: [
      { key: 'prefix', label: 'Object prefix', type: 'string', default: 'raw/', optional: true, maxLength: 512, pattern: /^[^\s]*$/, patternMessage: 'Object prefix may not contain spaces' },
      { key: 'errorPrefix', label: 'Error prefix', type: 'string', default: 'errors/', optional: true, maxLength: 512, pattern: /^[^\s]*$/, patternMessage: 'Error prefix may not contain spaces' },
    ],
    refuse: (ctx) => (outgoingTo(ctx, 's3') > 0 ? 'A delivery stream delivers to one bucket only: it already has one' : null),
    flow: deliveryFlow,
  }),
  defineRule({
    from: 'firehose',
    to: 'lambda',
    meaning: 'records are transformed by the function',
    label: fixed('transforms with'),
    props: NO_PROPS,
    wire: firehoseToLambda,
    cdk: deliveryPartCdk('processor'),
    sam: keepAsCloudFormation,
    refuse: (ctx) => (outgoingTo(ctx, 'lambda') > 0 ? 'A delivery stream has one transforming function only: it already has one' : null),
    flow: transformFlow,
  }),

  defineRule({
    from: 'sqs',
    to: 'lambda',
    meaning: 'queue triggers function',
    label: (p) => triggerLabel(p, 'triggers'),
    props: queueMappingSpecs,
    wire: sqsToLambda,
    cdk: triggerCdk,
    sam: triggerSam,
    flow: triggerFlow(queueTriggerFlow),
    cost: triggerCost,
    diagnose: (link, ctx) => {
      checkQueueTrigger(link, ctx);
      if (pipedTrigger(link)) checkPipe(link, ctx);
    },
  }),

  defineRule({
    from: 'sqs',
    to: 'sqs',
    meaning: 'messages received too often without success move to the dead-letter queue (redrive)',
    label: (p) => `dead letters after ${p.maxReceiveCount}`,
    props: [{ key: 'maxReceiveCount', label: 'Receives before dead-letter', type: 'integer', default: 5, min: 1, max: 1000 }],
    wire: redriveToQueue,
    cdk: declaredWith('source'),
    sam: keepAsCloudFormation,
    refuse: (ctx) => {
      if (ctx.source.id === ctx.target.id) return 'A queue cannot be its own dead-letter queue';
      if (ctx.source.kind === 'sqs' && ctx.source.props.deadLetterQueue) return `${ctx.source.name} has its own dead-letter queue: turn that off first to send its dead letters to ${ctx.target.name}`;
      if (outgoingTo(ctx, 'sqs') > 0) return `${ctx.source.name} already has a dead-letter queue: a queue redrives to one only`;
      if (redrivesInto(ctx, ctx.target.id, ctx.source.id)) return `${ctx.target.name} already sends its dead letters on to ${ctx.source.name}: dead letters would go round in a circle`;
      if (ctx.source.kind === 'sqs' && ctx.target.kind === 'sqs' && ctx.source.props.fifo !== ctx.target.props.fifo)
        return 'A FIFO queue needs a FIFO dead-letter queue, and a standard queue a standard one';
      return null;
    },
    flow: redriveFlow,
    diagnose: checkRedrive,
  }),
  defineRule({
    from: 'sns',
    to: 'lambda',
    meaning: 'topic invokes function',
    label: fixed('subscribes'),
    principal: 'sns.amazonaws.com',
    wire: snsToLambda,
    cdk: topicToFunctionCdk,
    sam: topicEvent,
    props: [
      {
        key: 'filterPolicy',
        label: 'Filter policy (optional JSON)',
        type: 'string',
        default: '',
        optional: true,
        multiline: true,
        maxLength: 256 * 1024,
        check: (v: string) => (v === '' ? null : jsonObject('Filter policy')(v)),
      },
    ],
    flow: subscriptionFlow,
    diagnose: checkTopicToFunction,
  }),
  defineRule({
    from: 'sns',
    to: 'sqs',
    meaning: 'fan-out to queue',
    label: fixed('fans out to'),
    principal: 'sns.amazonaws.com',
    wire: snsToSqs,
    cdk: topicToQueueCdk,
    sam: keepAsCloudFormation,
    props: [{ key: 'rawMessageDelivery', label: 'Raw message delivery', type: 'boolean', default: false }],
    flow: subscriptionFlow,
    diagnose: checkTopicToQueue,
  }),

  ruleTarget('lambda', 'rule invokes'),
  ruleTarget('sqs', 'rule queues'),
  ruleTarget('sns', 'rule publishes'),
  ruleTarget('stepfunctions', 'rule starts'),
  ruleTarget('kinesis', 'rule puts records'),
  ruleTarget('eventbridge', 'rule forwards'),

  lambdaUses('dynamodb'),
  lambdaUses('s3'),
  lambdaUses('sns'),
  lambdaUses('sqs'),
  lambdaUses('eventbridge'),
  lambdaUses('kinesis'),
  lambdaUses('firehose'),
  lambdaUses('stepfunctions'),
  lambdaUses('lambda'),

  workflowStep('lambda', 'lambda:invoke'),
  workflowStep('dynamodb', 'dynamodb:putItem'),
  workflowStep('sns', 'sns:publish'),
  workflowStep('sqs', 'sqs:sendMessage'),
  workflowStep('eventbridge', 'events:putEvents'),
];

const RULE_INDEX = new Map(CONNECTION_RULES.map((rule) => [`${rule.from}->${rule.to}`, rule]));

export function ruleFor(from: ServiceKind, to: ServiceKind): AnyRule | undefined {
  return RULE_INDEX.get(`${from}->${to}`);
}
