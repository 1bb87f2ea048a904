import type { ServiceDefinition } from './types';
import { snsCfn } from './sns.cfn';

export const sns: ServiceDefinition = {
  kind: 'sns',
  title: 'Amazon SNS',
  shortTitle: 'SNS',
  asTarget: 'publish to a topic',
  description: 'Topic that fans each message out to every subscriber',
  group: 'router',
  defaultName: 'Topic',
  props: [
    { key: 'fifo', label: 'FIFO topic', type: 'boolean', default: false },
    {
      key: 'emailSubscribers',
      label: 'E-mail subscribers (optional)',
      type: 'string',
      default: '',
      optional: true,
      help: 'Comma-separated addresses; each must confirm the subscription e-mail',
      pattern: /^[^\s@,]+@[^\s@,]+\.[^\s@,]+(\s*,\s*[^\s@,]+@[^\s@,]+\.[^\s@,]+)*$/,
      patternMessage: 'E-mail subscribers must be comma-separated e-mail addresses',
    },
  ],
  cfn: snsCfn,
  imports: {
    types: ['AWS::SNS::Topic'],
    bindings: { fifo: { paths: [['FifoTopic']], absent: false } },
  },
};
