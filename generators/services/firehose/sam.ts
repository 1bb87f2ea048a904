import type { SamEmitter } from '../types';
import { ref } from '../../template/cfn';
import { id } from '../../template/naming';
import type { DeliveryStreamNode } from './cfn';

export const firehoseSam: SamEmitter<DeliveryStreamNode, 'write'> = {
  policies: { write: (node) => ({ template: 'FirehoseWritePolicy', parameters: { DeliveryStreamName: ref(id(node)) } }) },
  rewrite: null,
};
