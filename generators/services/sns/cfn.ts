import { ref, sub, type CfnValue } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import { emailAddresses, type snsProps } from './props';

export type TopicNode = NodeOfSpecs<'sns', typeof snsProps>;

export const snsCfn: ServiceEmitter<TopicNode> = {
  arn: (node) => ref(id(node)),
  address: { suffix: 'TOPIC_ARN', value: (node) => ref(id(node)) },
  emit(node, { builder }) {
    const properties: Record<string, CfnValue> = {};
    if (node.props.fifo) {
      properties.FifoTopic = true;
      properties.TopicName = sub(`\${AWS::StackName}-${node.name}.fifo`);
    }
    builder.add(id(node), { Type: 'AWS::SNS::Topic', Properties: properties }, node.id);
    emailAddresses(node.props).forEach((address, i) =>
      builder.add(id(node, `Email${i + 1}Subscription`), { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: ref(id(node)), Protocol: 'email', Endpoint: address } }, node.id),
    );
    builder.output(id(node, 'TopicArn'), { Description: `ARN of the ${node.name} topic`, Value: ref(id(node)) });
  },
  finalize(node, ctx) {
    const { builder } = ctx;
    // The AWS managed key's policy admits no service principal: AWS services (a bucket, a rule)
    // could not publish to a topic encrypted with it, so those topics stay on SNS's default protection.
    const servicePublishers = ctx.incoming(node).some((link) => link.rule.principal);
    if (!servicePublishers) builder.touch(id(node), node.id).Properties!.KmsMasterKeyId = 'alias/aws/sns';
    if (builder.statementsOf(id(node, 'Policy')).length)
      builder.add(id(node, 'Policy'), { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [ref(id(node))], PolicyDocument: builder.policyOf(id(node, 'Policy')) } }, node.id);
  },
};
