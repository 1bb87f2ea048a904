import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import { emailAddresses } from './props';
import type { TopicNode } from './cfn';

export const snsCdk: CdkEmitter<TopicNode, 'publish'> = {
  declare(node, w) {
    const sns = w.use('sns');
    const props: Record<string, unknown> = {};
    if (node.props.fifo) Object.assign(props, { fifo: true, topicName: w.code(`\`\${${w.use('cdk')}.Aws.STACK_NAME}-${node.name}.fifo\``) });
    // As in Eventform's template: AWS services cannot publish to a topic under the AWS managed key, so only topics no service publishes to use it.
    if (!w.index.into(node).some((l) => l.rule.principal)) props.masterKey = w.code(`${w.use('kms')}.Alias.fromAliasName(this, ${literal(`${node.name}Key`)}, 'alias/aws/sns')`);
    const subscriptions = emailAddresses(node.props).map((address) => `\n    ${w.v(node)}.addSubscription(new ${w.use('subscriptions')}.EmailSubscription(${literal(address)}));`);
    w.declare(node, `    const ${w.v(node)} = new ${sns}.Topic(this, ${literal(node.name)}, ${literal(props, '    ')});${subscriptions.join('')}`);
  },
  arn: (node, w) => `${w.v(node)}.topicArn`,
  address: (node, w) => `${w.v(node)}.topicArn`,
  grants: { publish: { method: 'grantPublish' } },
};
