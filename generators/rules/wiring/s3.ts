import { isDefaultBus } from '../../services/eventbridge/cfn';
import { getAtt, ref, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { bucketName, id, pairId } from '../../template/naming';
import type { S3EventProps } from '../edge-props';
import type { LinkOf } from '../types';
import { allowServiceToSend, invokePermission, s3Filter, serviceRole } from './shared';

type NotificationLink<To extends 'lambda' | 'sqs' | 'sns'> = LinkOf<'s3', To, S3EventProps>;

function notify(link: NotificationLink<'lambda' | 'sqs' | 'sns'>, ctx: SynthContext, list: 'LambdaConfigurations' | 'QueueConfigurations' | 'TopicConfigurations', entry: Record<string, CfnValue>) {
  const bucket = ctx.builder.touch(id(link.source), link.edge.id).Properties!;
  const config = (bucket.NotificationConfiguration ??= {}) as Record<string, CfnValue[]>;
  const filter = s3Filter(link.edge.props);
  (config[list] ??= []).push({ Event: link.edge.props.event, ...entry, ...(filter ? { Filter: filter } : {}) });
}

export function s3ToLambda(link: NotificationLink<'lambda'>, ctx: SynthContext) {
  notify(link, ctx, 'LambdaConfigurations', { Function: getAtt(id(link.target), 'Arn') });
  // S3 checks that it may invoke the function when the notification is saved: the bucket waits
  // for the permission, and the permission names the bucket by its known ARN, never by a
  // reference, so there is no cycle.
  const permission = invokePermission(link, ctx, 's3.amazonaws.com', ctx.arnOf(link.source), link.target, true);
  ctx.builder.dependsOn(id(link.source), permission, link.edge.id);
}

export function s3ToQueueOrTopic(link: NotificationLink<'sqs' | 'sns'>, ctx: SynthContext) {
  const queue = link.target.kind === 'sqs';
  notify(link, ctx, queue ? 'QueueConfigurations' : 'TopicConfigurations', queue ? { Queue: getAtt(id(link.target), 'Arn') } : { Topic: ref(id(link.target)) });
  const policy = allowServiceToSend(link, ctx, link.target, 's3.amazonaws.com', ctx.arnOf(link.source), true);
  ctx.builder.dependsOn(id(link.source), policy, link.edge.id);
}

/** S3 sends to the default bus only; a custom bus gets the bucket's events through a forwarding rule. */
export function s3ToEventBridge(link: LinkOf<'s3', 'eventbridge', Record<string, never>>, ctx: SynthContext) {
  const bucket = ctx.builder.touch(id(link.source), link.edge.id).Properties!;
  const config = (bucket.NotificationConfiguration ??= {}) as Record<string, CfnValue>;
  config.EventBridgeConfiguration = { EventBridgeEnabled: true };
  if (isDefaultBus(link.target)) return;
  const roleArn = serviceRole(
    ctx,
    pairId(link.source, link.target, 'ForwardRole'),
    'events.amazonaws.com',
    [{ Sid: `PutEventsOn${link.target.name}`, Effect: 'Allow', Action: ['events:PutEvents'], Resource: [ctx.arnOf(link.target)] }],
    link.edge.id,
  );
  ctx.builder.add(
    pairId(link.source, link.target, 'ForwardRule'),
    {
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: `Forwards ${link.source.name} object events from the default bus to ${link.target.name}`,
        EventPattern: { source: ['aws.s3'], detail: { bucket: { name: [bucketName(link.source)] } } },
        State: 'ENABLED',
        Targets: [{ Id: link.target.name, Arn: ctx.arnOf(link.target), RoleArn: roleArn }],
      },
    },
    link.edge.id,
  );
}
