import type { Wiring } from '../../template/context';
import { id, pairId } from '../../template/naming';
import { getAtt, ref, type CfnValue } from '../../template/cfn';
import { allowServiceToSend, invokePermission } from './shared';

export const snsToLambda: Wiring = (link, ctx) => {
  const { source: topic, target: fn, edge } = link;
  const properties: Record<string, CfnValue> = { TopicArn: ref(id(topic)), Protocol: 'lambda', Endpoint: getAtt(id(fn), 'Arn') };
  if (edge.props.filterPolicy) properties.FilterPolicy = JSON.parse(String(edge.props.filterPolicy)) as CfnValue;
  ctx.builder.add(pairId(topic, fn, 'Subscription'), { Type: 'AWS::SNS::Subscription', Properties: properties }, edge.id);
  invokePermission(link, ctx, 'sns.amazonaws.com', ref(id(topic)));
};

export const snsToSqs: Wiring = (link, ctx) => {
  const { source: topic, target: queue, edge } = link;
  const policy = allowServiceToSend(link, ctx, queue, 'sns.amazonaws.com', ref(id(topic)));
  ctx.builder.add(
    pairId(topic, queue, 'Subscription'),
    {
      Type: 'AWS::SNS::Subscription',
      // The queue must accept the topic's messages before the first one is delivered.
      DependsOn: [policy],
      Properties: { TopicArn: ref(id(topic)), Protocol: 'sqs', Endpoint: getAtt(id(queue), 'Arn'), RawMessageDelivery: edge.props.rawMessageDelivery === true },
    },
    edge.id,
  );
};
