import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import type { StreamNode } from './cfn';

export const kinesisCdk: CdkEmitter<StreamNode, 'write' | 'read'> = {
  declare(node, w) {
    const [kinesis, cdk] = [w.use('kinesis'), w.use('cdk')];
    const provisioned = node.props.capacityMode === 'PROVISIONED';
    const props: Record<string, unknown> = {
      streamMode: w.code(`${kinesis}.StreamMode.${provisioned ? 'PROVISIONED' : 'ON_DEMAND'}`),
      ...(provisioned ? { shardCount: node.props.shardCount } : {}),
      retentionPeriod: w.code(`${cdk}.Duration.hours(${node.props.retentionHours})`),
      encryption: w.code(`${kinesis}.StreamEncryption.MANAGED`),
    };
    w.declare(node, `    const ${w.v(node)} = new ${kinesis}.Stream(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.streamArn`,
  address: (node, w) => `${w.v(node)}.streamName`,
  grants: {
    // grantWrite leaves out kinesis:DescribeStreamSummary, which the handler templates call: the mode's own statement instead.
    write: null,
    read: {
      method: 'grantRead',
      extra: { actions: ['kinesis:DescribeStreamConsumer', 'kinesis:ListStreams'], why: "CDK's read grant also lists streams and describes enhanced fan-out consumers, read-only" },
    },
  },
};
