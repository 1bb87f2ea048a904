import type { Link, SynthContext, Wiring } from '../../template/context';
import { id, pairId } from '../../template/naming';
import { getAtt, ref, type CfnValue } from '../../template/cfn';
import { busName, isDefaultBus } from '../../services/eventbridge.cfn';
import { allowServiceToSend, invokePermission, sendAction, serviceRole } from './shared';

/** One rule per edge: the bus's schedule, or the edge's event pattern, sends to that one target. */
function rule(link: Link, ctx: SynthContext, target: Record<string, CfnValue>) {
  const { source: bus, edge } = link;
  const schedule = String(bus.props.schedule ?? '');
  const properties: Record<string, CfnValue> = {
    Description: `${bus.name} to ${link.target.name}`,
    State: 'ENABLED',
    Targets: [{ Id: link.target.name, Arn: ctx.arnOf(link.target), ...target }],
  };
  // Scheduled rules run on the default bus; pattern rules on the node's own bus.
  if (schedule) properties.ScheduleExpression = schedule;
  else {
    properties.EventPattern = JSON.parse(String(edge.props.eventPattern)) as CfnValue;
    if (!isDefaultBus(bus)) properties.EventBusName = busName(bus);
  }
  const ruleId = pairId(bus, link.target, 'Rule');
  ctx.builder.add(ruleId, { Type: 'AWS::Events::Rule', Properties: properties }, edge.id);
  return ruleId;
}

export const ruleToLambda: Wiring = (link, ctx) => {
  const ruleId = rule(link, ctx, {});
  invokePermission(link, ctx, 'events.amazonaws.com', getAtt(ruleId, 'Arn'));
};

export const ruleToQueueOrTopic: Wiring = (link, ctx) => {
  const fifo = link.target.kind === 'sqs' && link.target.props.fifo === true;
  const ruleId = rule(link, ctx, fifo ? { SqsParameters: { MessageGroupId: 'events' } } : {});
  allowServiceToSend(link, ctx, link.target, 'events.amazonaws.com', getAtt(ruleId, 'Arn'));
};

/** Targets EventBridge reaches with a role: a workflow, a stream, another bus. */
export const ruleWithRole: Wiring = (link, ctx) => {
  const roleArn = serviceRole(
    ctx,
    pairId(link.source, link.target, 'RuleRole'),
    'events.amazonaws.com',
    [{ Sid: `Send${link.target.name}`, Effect: 'Allow', Action: [sendAction(link.target)], Resource: [ctx.arnOf(link.target)] }],
    link.edge.id,
  );
  const extra: Record<string, CfnValue> = { RoleArn: roleArn };
  if (link.target.kind === 'kinesis') extra.KinesisParameters = { PartitionKeyPath: '$.id' };
  rule(link, ctx, extra);
};
