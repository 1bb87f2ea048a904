import { getAtt, ref, sub, type CfnValue } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import type { sqsProps } from './props';

export type QueueNode = NodeOfSpecs<'sqs', typeof sqsProps>;

export const sqsCfn: ServiceEmitter<QueueNode> = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: { suffix: 'QUEUE_URL', value: (node) => ref(id(node)) },
  emit(node, { builder }) {
    const fifo = node.props.fifo;
    const properties: Record<string, CfnValue> = {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: node.props.visibilityTimeoutSeconds,
      MessageRetentionPeriod: node.props.retentionSeconds,
    };
    if (fifo) {
      properties.FifoQueue = true;
      properties.ContentBasedDeduplication = true;
      properties.QueueName = sub(`\${AWS::StackName}-${node.name}.fifo`);
    }
    if (node.props.deadLetterQueue) {
      const dlq: Record<string, CfnValue> = { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 };
      if (fifo) {
        dlq.FifoQueue = true;
        dlq.QueueName = sub(`\${AWS::StackName}-${node.name}-dlq.fifo`);
      }
      builder.add(id(node, 'DeadLetterQueue'), { Type: 'AWS::SQS::Queue', Properties: dlq }, node.id);
      properties.RedrivePolicy = { deadLetterTargetArn: getAtt(id(node, 'DeadLetterQueue'), 'Arn'), maxReceiveCount: node.props.maxReceiveCount };
    }
    builder.add(id(node), { Type: 'AWS::SQS::Queue', Properties: properties }, node.id);
    builder.output(id(node, 'QueueUrl'), { Description: `URL of the ${node.name} queue`, Value: ref(id(node)) });
  },
  finalize(node, { builder }) {
    if (builder.statementsOf(id(node, 'Policy')).length)
      builder.add(id(node, 'Policy'), { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [ref(id(node))], PolicyDocument: builder.policyOf(id(node, 'Policy')) } }, node.id);
  },
};
