import { busName, isDefaultBus } from '../../services/eventbridge/cfn';
import { getAtt, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { pairId } from '../../template/naming';
import { retriesAreDefault, type EventPatternProps } from '../edge-props';
import type { LinkOf } from '../types';
import { allowServiceToSend, deliverAction, invokePermission, serviceRole } from './shared';

type RuleTarget = 'lambda' | 'sqs' | 'sns' | 'stepfunctions' | 'kinesis' | 'eventbridge';
type RuleLink<To extends RuleTarget> = LinkOf<'eventbridge', To, EventPatternProps>;

/** One rule per edge: the bus's schedule, or the edge's event pattern, sends to that one target. */
function rule(link: RuleLink<RuleTarget>, ctx: SynthContext, target: Record<string, CfnValue>) {
  const { source: bus, edge } = link;
  const properties: Record<string, CfnValue> = {
    Description: `${bus.name} to ${link.target.name}`,
    State: 'ENABLED',
    Targets: [{ Id: link.target.name, Arn: ctx.arnOf(link.target), ...target, ...deliveryFailures(link, ctx) }],
  };
  // Scheduled rules run on the default bus; pattern rules on the node's own bus.
  if (bus.props.schedule) properties.ScheduleExpression = bus.props.schedule;
  else {
    properties.EventPattern = JSON.parse(edge.props.eventPattern) as CfnValue;
    if (!isDefaultBus(bus)) properties.EventBusName = busName(bus);
  }
  const ruleId = pairId(bus, link.target, 'Rule');
  ctx.builder.add(ruleId, { Type: 'AWS::Events::Rule', Properties: properties }, edge.id);
  const deadLetters = ctx.index.named(edge.props.deadLetterQueue, ['sqs']);
  if (deadLetters) allowServiceToSend(link, ctx, deadLetters, 'events.amazonaws.com', getAtt(ruleId, 'Arn'), false, `DeadLettersOf${bus.name}To${link.target.name}`);
  return ruleId;
}

/** What EventBridge does with an event it cannot deliver: its retries (when not the defaults) and its dead-letter queue. */
function deliveryFailures(link: RuleLink<RuleTarget>, ctx: SynthContext): Record<string, CfnValue> {
  const { retryAttempts, maxEventAgeSeconds, deadLetterQueue } = link.edge.props;
  const settings: Record<string, CfnValue> = {};
  if (!retriesAreDefault(link.edge.props)) settings.RetryPolicy = { MaximumRetryAttempts: retryAttempts, MaximumEventAgeInSeconds: maxEventAgeSeconds };
  const queue = ctx.index.named(deadLetterQueue, ['sqs']);
  if (queue) settings.DeadLetterConfig = { Arn: ctx.arnOf(queue) };
  return settings;
}

export function ruleToLambda(link: RuleLink<'lambda'>, ctx: SynthContext) {
  const ruleId = rule(link, ctx, {});
  invokePermission(link, ctx, 'events.amazonaws.com', getAtt(ruleId, 'Arn'));
}

export function ruleToQueueOrTopic(link: RuleLink<'sqs' | 'sns'>, ctx: SynthContext) {
  const fifo = link.target.kind === 'sqs' && link.target.props.fifo;
  const ruleId = rule(link, ctx, fifo ? { SqsParameters: { MessageGroupId: 'events' } } : {});
  allowServiceToSend(link, ctx, link.target, 'events.amazonaws.com', getAtt(ruleId, 'Arn'));
}

/** Targets EventBridge reaches with a role: a workflow, a stream, another bus. */
export function ruleWithRole(link: RuleLink<'stepfunctions' | 'kinesis' | 'eventbridge'>, ctx: SynthContext) {
  const roleArn = serviceRole(
    ctx,
    pairId(link.source, link.target, 'RuleRole'),
    'events.amazonaws.com',
    [{ Sid: `Send${link.target.name}`, Effect: 'Allow', Action: [deliverAction(link.target)], Resource: [ctx.arnOf(link.target)] }],
    link.edge.id,
  );
  const extra: Record<string, CfnValue> = { RoleArn: roleArn };
  if (link.target.kind === 'kinesis') extra.KinesisParameters = { PartitionKeyPath: '$.id' };
  rule(link, ctx, extra);
}
