import type { SamEmitter } from '../types';
import { getAtt } from '../../template/cfn';
import { id } from '../../template/naming';
import type { TopicNode } from './cfn';

export const snsSam: SamEmitter<TopicNode, 'publish'> = {
  policies: { publish: (node) => ({ template: 'SNSPublishMessagePolicy', parameters: { TopicName: getAtt(id(node), 'TopicName') } }) },
  rewrite: null,
};
