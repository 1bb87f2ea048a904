import { getAtt, ref, type CfnValue } from '../../template/cfn';
import type { SynthContext } from '../../template/context';
import { id, pairId } from '../../template/naming';
import type { LinkOf } from '../types';
import { allowServiceToSend, invokePermission } from './shared';

export function snsToLambda(link: LinkOf<'sns', 'lambda', { filterPolicy: string }>, ctx: SynthContext) {
  const { source: topic, target: fn, edge } = link;
  const properties: Record<string, CfnValue> = { TopicArn: ref(id(topic)), Protocol: 'lambda', Endpoint: getAtt(id(fn), 'Arn') };
  if (edge.props.filterPolicy) properties.FilterPolicy = JSON.parse(edge.props.filterPolicy) as CfnValue;
  ctx.builder.add(pairId(topic, fn, 'Subscription'), { Type: 'AWS::SNS::Subscription', Properties: properties }, edge.id);
  invokePermission(link, ctx, 'sns.amazonaws.com', ref(id(topic)));
}

export function snsToSqs(link: LinkOf<'sns', 'sqs', { rawMessageDelivery: boolean }>, ctx: SynthContext) {
  const { source: topic, target: queue, edge } = link;
  const policy = allowServiceToSend(link, ctx, queue, 'sns.amazonaws.com', ref(id(topic)));
  ctx.builder.add(
    pairId(topic, queue, 'Subscription'),
    {
      Type: 'AWS::SNS::Subscription',
      // The queue must accept the topic's messages before the first one is delivered.
      DependsOn: [policy],
      Properties: { TopicArn: ref(id(topic)), Protocol: 'sqs', Endpoint: getAtt(id(queue), 'Arn'), RawMessageDelivery: edge.props.rawMessageDelivery },
    },
    edge.id,
  );
}
