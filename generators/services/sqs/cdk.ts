import type { CdkEmitter } from '../types';
import { literal, type CdkWriter } from '../../export/cdk/writer';
import type { QueueNode } from './cfn';

/** The dead-letter queue a redrive edge names (declared first: the queue refers to it). */
const redriveOf = (node: QueueNode, w: CdkWriter) => w.index.out(node).find((l) => l.target.kind === 'sqs');

export const sqsCdk: CdkEmitter<QueueNode, 'send' | 'consume'> = {
  after: (node, w) => {
    const redrive = redriveOf(node, w);
    return redrive ? [redrive.target] : [];
  },
  declare(node, w) {
    const [sqs, cdk] = [w.use('sqs'), w.use('cdk')];
    const fifo = node.props.fifo;
    const fifoProps = (suffix: string) => (fifo ? { fifo: true, contentBasedDeduplication: true, queueName: w.code(`\`\${cdk.Aws.STACK_NAME}-${node.name}${suffix}.fifo\``) } : {});
    const props: Record<string, unknown> = {
      encryption: w.code(`${sqs}.QueueEncryption.SQS_MANAGED`),
      visibilityTimeout: w.code(`${cdk}.Duration.seconds(${node.props.visibilityTimeoutSeconds})`),
      retentionPeriod: w.code(`${cdk}.Duration.seconds(${node.props.retentionSeconds})`),
      ...fifoProps(''),
    };
    const redrive = redriveOf(node, w);
    let deadLetters = '';
    if (node.props.deadLetterQueue) {
      const dlq = `${w.v(node)}DeadLetters`;
      const dlqProps = { encryption: w.code(`${sqs}.QueueEncryption.SQS_MANAGED`), retentionPeriod: w.code(`${cdk}.Duration.days(14)`), ...fifoProps('-dlq') };
      deadLetters = `    const ${dlq} = new ${sqs}.Queue(this, ${literal(`${node.name}DeadLetterQueue`)}, ${literal(dlqProps, '    ')});\n`;
      props.deadLetterQueue = w.code(`{ queue: ${dlq}, maxReceiveCount: ${node.props.maxReceiveCount} }`);
    } else if (redrive) props.deadLetterQueue = w.code(`{ queue: ${w.v(redrive.target)}, maxReceiveCount: ${Number((redrive.edge.props as { maxReceiveCount: number }).maxReceiveCount)} }`);
    w.declare(node, `${deadLetters}    const ${w.v(node)} = new ${sqs}.Queue(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.queueArn`,
  address: (node, w) => `${w.v(node)}.queueUrl`,
  grants: {
    send: {
      method: 'grantSendMessages',
      extra: {
        actions: ['sqs:GetQueueUrl', 'sqs:GetQueueAttributes'],
        why: "CDK's send grant also looks the queue's URL up by name, and reads its attributes (where Eventform grants only SendMessage: a stream's on-failure queue, SqsDlq)",
      },
    },
    consume: { method: 'grantConsumeMessages', extra: { actions: ['sqs:GetQueueUrl'], why: "CDK's consume grant also looks the queue's URL up by name" } },
  },
};
