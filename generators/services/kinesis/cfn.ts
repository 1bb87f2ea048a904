import { getAtt, ref, type CfnValue } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import type { kinesisProps } from './props';

export type StreamNode = NodeOfSpecs<'kinesis', typeof kinesisProps>;

export const kinesisCfn: ServiceEmitter<StreamNode> = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: { suffix: 'STREAM_NAME', value: (node) => ref(id(node)) },
  emit(node, { builder }) {
    const provisioned = node.props.capacityMode === 'PROVISIONED';
    const properties: Record<string, CfnValue> = {
      RetentionPeriodHours: node.props.retentionHours,
      StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
      StreamModeDetails: { StreamMode: provisioned ? 'PROVISIONED' : 'ON_DEMAND' },
    };
    if (provisioned) properties.ShardCount = node.props.shardCount;
    builder.add(id(node), { Type: 'AWS::Kinesis::Stream', Properties: properties }, node.id);
    builder.output(id(node, 'StreamName'), { Description: `Name of the ${node.name} stream`, Value: ref(id(node)) });
  },
  finalize: () => undefined,
};

export const KINESIS_READ_ACTIONS = ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard'];
