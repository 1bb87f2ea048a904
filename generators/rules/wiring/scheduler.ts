/**
 * EventBridge Scheduler: the schedule and its one target are one resource, written when the
 * schedule is connected; its role may deliver to that target only.
 */
import { id, pairId } from '../../template/naming';
import type { CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import type { LinkOf } from '../types';
import { deliverAction, serviceRole } from './shared';

export type ScheduleTarget = 'lambda' | 'stepfunctions' | 'sqs' | 'sns' | 'eventbridge' | 'kinesis';

export function scheduleToTarget(link: LinkOf<'scheduler', ScheduleTarget, Record<string, never>>, ctx: SynthContext) {
  const { source: schedule, target, edge } = link;
  const roleArn = serviceRole(
    ctx,
    pairId(schedule, target, 'ScheduleRole'),
    'scheduler.amazonaws.com',
    [{ Sid: `Send${target.name}`, Effect: 'Allow', Action: [deliverAction(target)], Resource: [ctx.arnOf(target)] }],
    edge.id,
  );
  const p = schedule.props;
  const parameters: Record<string, CfnValue> =
    target.kind === 'kinesis'
      ? { KinesisParameters: { PartitionKey: schedule.name } }
      : target.kind === 'sqs' && target.props.fifo
        ? { SqsParameters: { MessageGroupId: schedule.name } }
        : target.kind === 'eventbridge'
          ? { EventBridgeParameters: { DetailType: 'Scheduled', Source: 'eventform.scheduler' } }
          : {};
  ctx.builder.add(
    id(schedule),
    {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        ScheduleExpression: p.scheduleExpression,
        ...(p.timezone ? { ScheduleExpressionTimezone: p.timezone } : {}),
        FlexibleTimeWindow: p.flexibleWindowMinutes > 0 ? { Mode: 'FLEXIBLE', MaximumWindowInMinutes: p.flexibleWindowMinutes } : { Mode: 'OFF' },
        State: 'ENABLED',
        Target: { Arn: ctx.arnOf(target), RoleArn: roleArn, Input: p.payload || '{}', ...parameters },
      },
    },
    schedule.id,
  );
}
