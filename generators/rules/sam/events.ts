/**
 * Triggers of a function written as the function's SAM event (S3, SQS, SNS, Kinesis, DynamoDB,
 * EventBridgeRule, Schedule, HttpApi): SAM makes the notification, mapping,
 * subscription, rule, route or schedule, and the permission, from the event. Everything else stays
 * CloudFormation as Eventform writes it (an EventBridge Scheduler schedule too: a ScheduleV2 event
 * would rename it after the function).
 */
import type { Link } from '../../graph/index-graph';
import type { SamWriter } from '../../export/sam/writer';
import { ref, type CfnValue } from '../../template/cfn';
import { id } from '../../template/naming';

type Props = Record<string, CfnValue>;

/** Edges with no SAM event of their own: their resources stay as Eventform's template has them. */
export const keepAsCloudFormation = (_link: Link, _s: SamWriter) => undefined;

const propertiesOf = (s: SamWriter, logicalIds: string[], type: string): Props | undefined => {
  const found = logicalIds.find((l) => s.resource(l)?.Type === type);
  return found ? s.resource(found)?.Properties : undefined;
};

/** A queue, a stream or a table's stream triggering a function: the mapping's settings, as the event's. */
export function mappingEvent(link: Link, s: SamWriter) {
  const mapping = propertiesOf(s, s.madeBy(link), 'AWS::Lambda::EventSourceMapping');
  if (!mapping) return;
  const { EventSourceArn, FunctionName: _function, Tags: _tags, ...settings } = mapping;
  const [type, property] = link.source.kind === 'sqs' ? ['SQS', 'Queue'] : link.source.kind === 'kinesis' ? ['Kinesis', 'Stream'] : ['DynamoDB', 'Stream'];
  s.event(link, id(link.target), { Type: type, Properties: { [property]: EventSourceArn, ...settings } });
}

/** A bucket's notification: the bucket's entry for the function and its permission go (SAM writes both). */
export function bucketEvent(link: Link, s: SamWriter) {
  const bucket = s.resource(id(link.source))?.Properties;
  const config = bucket?.NotificationConfiguration as Record<string, Props[]> | undefined;
  const entries = config?.LambdaConfigurations ?? [];
  const entry = entries.find((e) => JSON.stringify(e.Function).includes(`"${id(link.target)}"`));
  if (!bucket || !config || !entry) return;
  config.LambdaConfigurations = entries.filter((e) => e !== entry);
  if (config.LambdaConfigurations.length === 0) delete config.LambdaConfigurations;
  if (Object.keys(config).length === 0) delete bucket.NotificationConfiguration;
  s.event(link, id(link.target), { Type: 'S3', Properties: { Bucket: ref(id(link.source)), Events: entry.Event, ...(entry.Filter ? { Filter: entry.Filter } : {}) } });
}

export function topicEvent(link: Link, s: SamWriter) {
  const subscription = propertiesOf(s, s.madeBy(link), 'AWS::SNS::Subscription');
  s.event(link, id(link.target), { Type: 'SNS', Properties: { Topic: ref(id(link.source)), ...(subscription?.FilterPolicy ? { FilterPolicy: subscription.FilterPolicy } : {}) } });
}

/** A rule on a bus: EventBridgeRule with its pattern, or Schedule for a scheduled rule. */
export function ruleEvent(link: Link, s: SamWriter) {
  const rule = propertiesOf(s, s.madeBy(link), 'AWS::Events::Rule');
  // A dead-letter queue's policy names the rule, which an event would rename: such a rule stays CloudFormation.
  if (!rule || (link.edge.props as { deadLetterQueue?: string }).deadLetterQueue) return;
  const target = ((rule.Targets as Props[] | undefined) ?? [])[0] ?? {};
  const retries: Props = target.RetryPolicy ? { RetryPolicy: target.RetryPolicy } : {};
  if (rule.ScheduleExpression) return s.event(link, id(link.target), { Type: 'Schedule', Properties: { Schedule: rule.ScheduleExpression, ...retries } });
  s.event(link, id(link.target), { Type: 'EventBridgeRule', Properties: { ...(rule.EventBusName ? { EventBusName: rule.EventBusName } : {}), Pattern: rule.EventPattern, ...retries } });
}

export function routeEvent(link: Link, s: SamWriter) {
  const { method, path } = link.edge.props as { method: string; path: string };
  s.event(link, id(link.target), { Type: 'HttpApi', Properties: { ApiId: ref(id(link.source)), Method: method, Path: path, PayloadFormatVersion: '2.0' } });
}
