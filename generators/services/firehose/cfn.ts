import { getAtt, ref } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import type { firehoseProps } from './props';

export type DeliveryStreamNode = NodeOfSpecs<'firehose', typeof firehoseProps>;

export const firehoseCfn: ServiceEmitter<DeliveryStreamNode> = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: { suffix: 'DELIVERY_STREAM_NAME', value: (node) => ref(id(node)) },
  emit(node, { builder }) {
    // The role holds no inline policy: its grants go into a policy resource the delivery stream can wait for.
    builder.role(id(node, 'Role'), 'firehose.amazonaws.com', node.id);
    // The delivery stream waits for the policy, not only the role: IAM is eventually consistent and
    // Firehose checks its access when it is created.
    builder.add(id(node), { Type: 'AWS::KinesisFirehose::DeliveryStream', DependsOn: [id(node, 'Policy')], Properties: { DeliveryStreamType: 'DirectPut' } }, node.id);
    builder.output(id(node, 'DeliveryStreamName'), { Description: `Name of the ${node.name} delivery stream`, Value: ref(id(node)) });
  },
  finalize(node, { builder }) {
    const stream = builder.touch(id(node), node.id).Properties!;
    if (stream.DeliveryStreamType === 'DirectPut') stream.DeliveryStreamEncryptionConfigurationInput = { KeyType: 'AWS_OWNED_CMK' };
    builder.add(
      id(node, 'Policy'),
      {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'delivery',
          Roles: [ref(id(node, 'Role'))],
          PolicyDocument: builder.policyOf(id(node, 'Policy')),
        },
      },
      node.id,
    );
  },
};
