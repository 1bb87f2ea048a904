import { chunks, perMillion } from '../../cost/types';
import { plural } from '../../flow/types';
import type { Props } from '../../props/spec';
import type { ServiceModule } from '../types';
import { snsCfn } from './cfn';
import { emailAddresses, snsProps } from './props';
import { snsCdk } from './cdk';
import { snsSam } from './sam';

/** us-east-1 list prices (see cost/prices.ts for the date); each 64 KB of a publish is metered as one. */
const SNS_PRICES = { perMillionPublishes: 0.5, per100kEmails: 2.0, chunkKB: 64 } as const;

export const sns: ServiceModule<'sns', typeof snsProps, 'publish'> = {
  kind: 'sns',
  title: 'Amazon SNS',
  shortTitle: 'SNS',
  asTarget: 'publish to a topic',
  description: 'Topic that fans each message out to every subscriber',
  group: 'router',
  defaultName: 'Topic',
  modelled: true,
  icon: 'ArchitectureServiceAmazonSimpleNotificationService',
  props: snsProps,
  subtitle: () => undefined,
  code: null,
  cfn: snsCfn,
  cdk: snsCdk,
  sam: snsSam,
  access: {
    modes: { publish: { label: 'publishes to', actions: ['sns:Publish'], sends: true, reads: false } },
    defaultMode: 'publish',
    deliver: 'sns:Publish',
  },
  imports: {
    types: ['AWS::SNS::Topic'],
    bindings: { fifo: { paths: [['FifoTopic']], absent: false } },
    children: { 'AWS::SNS::TopicPolicy': ['Topics'], 'AWS::SNS::Subscription': ['TopicArn'] },
    connectors: {
      'AWS::SNS::Subscription': {
        source: 'TopicArn',
        target: 'Endpoint',
        props: (p): Props => (typeof p.RawMessageDelivery === 'boolean' ? { rawMessageDelivery: p.RawMessageDelivery } : {}),
      },
    },
    samEvents: { SNS: 'Topic' },
    samPolicies: { SNSPublishMessagePolicy: 'publish', SNSCrudPolicy: 'publish' },
  },
  flow: {
    failable: false,
    receive(_arrival, sim) {
      for (const link of sim.out) sim.carry(link);
    },
    scenarios: (_node, { fromLinks }) => [...fromLinks(), { label: 'publish a message', data: { body: { message: 'hello' }, attributes: {} }, count: 1 }],
    fromCode: (writer, node, count, data) => ({ text: `${writer.name} publishes ${plural(count, 'message')} to ${node.name}`, data: { body: data } }),
  },
  cost: {
    estimate(node, usage) {
      const count = usage.events(node);
      const publishes = count * chunks(usage.load.averagePayloadKB, SNS_PRICES.chunkKB);
      const emails = emailAddresses(node.props).length;
      return {
        items: [
          { label: 'Publishes', quantity: publishes, unit: 'requests', usd: perMillion(publishes, SNS_PRICES.perMillionPublishes) },
          ...(emails ? [{ label: `E-mail deliveries to ${emails}`, quantity: count * emails, unit: 'e-mails', usd: ((count * emails) / 100_000) * SNS_PRICES.per100kEmails }] : []),
        ],
        note: 'deliveries to queues and functions are free',
      };
    },
  },
  diagnostics: {
    node(topic, { index, report }) {
      if (!index.out(topic).length && !topic.props.emailSubscribers) report('warning', 'topic-without-subscribers', `${topic.name} has no subscribers: its messages are dropped`, [topic]);
      if (topic.props.emailSubscribers) report('info', 'email-confirmation', `Each e-mail subscriber of ${topic.name} must confirm the subscription from the message AWS sends`, [topic]);
    },
  },
  tags: { 'AWS::SNS::Topic': 'list' },
  handlerRole: 'topic',
};
