import { referencesOf } from '../../template/analysis';
import type { CfnValue } from '../../template/cfn';
import { chunks, perMillion } from '../../cost/types';
import { plural } from '../../flow/types';
import type { ServiceModule } from '../types';
import { sqsCfn } from './cfn';
import { sqsProps } from './props';
import { sqsCdk } from './cdk';
import { sqsSam } from './sam';

/** us-east-1 list prices (see cost/prices.ts for the date); each 64 KB of a request is metered as one. */
const SQS_PRICES = { standardPerMillionRequests: 0.4, fifoPerMillionRequests: 0.5, chunkKB: 64 } as const;

export const sqs: ServiceModule<'sqs', typeof sqsProps, 'send' | 'consume'> = {
  kind: 'sqs',
  title: 'Amazon SQS',
  shortTitle: 'SQS',
  asTarget: 'send to a queue',
  description: 'Queue that buffers messages until a consumer takes them',
  group: 'destination',
  defaultName: 'Queue',
  modelled: true,
  icon: 'ArchitectureServiceAmazonSimpleQueueService',
  props: sqsProps,
  subtitle: () => undefined,
  code: null,
  cfn: sqsCfn,
  cdk: sqsCdk,
  sam: sqsSam,
  access: {
    modes: {
      send: { label: 'sends to', actions: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], sends: true, reads: false },
      consume: { label: 'consumes from', actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'], sends: false, reads: false },
    },
    defaultMode: 'send',
    deliver: 'sqs:SendMessage',
    readAsSource: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
  },
  imports: {
    types: ['AWS::SQS::Queue'],
    bindings: {
      fifo: { paths: [['FifoQueue']], absent: false },
      visibilityTimeoutSeconds: { paths: [['VisibilityTimeout']], absent: 30 },
      retentionSeconds: { paths: [['MessageRetentionPeriod']], absent: 345600 },
      // A dead-letter queue of the template is a node, and the redrive an edge to it; one outside the template (an ARN) is the queue's own.
      deadLetterQueue: { paths: [['RedrivePolicy']], absent: false, readOnly: true, read: (raw) => referencesOf(raw).length === 0 },
      maxReceiveCount: {
        paths: [['RedrivePolicy', 'maxReceiveCount']],
        readOnly: true,
        read: (raw) => (typeof raw === 'number' || (typeof raw === 'string' && /^\d+$/.test(raw)) ? Number(raw) : undefined),
      },
    },
    // The redrive's receive count belongs to its edge.
    edgeProps(resources, logicalId): Record<string, CfnValue> {
      const redrive = resources[logicalId]?.Properties?.RedrivePolicy;
      return redrive && typeof redrive === 'object' && !Array.isArray(redrive) && redrive.maxReceiveCount !== undefined ? { maxReceiveCount: redrive.maxReceiveCount } : {};
    },
    children: { 'AWS::SQS::QueuePolicy': ['Queues'] },
    samEvents: { SQS: 'Queue' },
    samPolicies: { SQSSendMessagePolicy: 'send', SQSPollerPolicy: 'consume' },
  },
  flow: {
    failable: false,
    receive(arrival, sim) {
      const { node, count } = arrival;
      const consumers = sim.out.filter((link) => link.rule.flow.batchSize);
      if (consumers.length === 0) return sim.note('waiting', `${plural(count, 'message')} wait in ${node.name} until something reads them`);
      consumers.forEach((link, i) => {
        // Competing consumers: each message goes to one of them.
        const share = Math.floor(count / consumers.length) + (i < count % consumers.length ? 1 : 0);
        if (share > 0) sim.carry(link, { ...arrival, count: share });
      });
    },
    scenarios: () => [
      { label: 'send 1 message', data: { body: { message: 'hello' } }, count: 1 },
      { label: 'send 25 messages', data: { body: { message: 'hello' } }, count: 25 },
    ],
    fromCode: (writer, node, count, data) => ({ text: `${writer.name} sends ${plural(count, 'message')} to ${node.name}`, data: { body: data } }),
  },
  cost: {
    estimate(node, usage) {
      const count = usage.events(node);
      const consumer = usage.index.out(node).find((link) => link.rule.flow.batchSize);
      const batches = consumer ? Math.ceil(count / consumer.rule.flow.batchSize!(consumer)) : 0;
      const requests = (count + 2 * batches) * chunks(usage.load.averagePayloadKB, SQS_PRICES.chunkKB);
      const price = node.props.fifo ? SQS_PRICES.fifoPerMillionRequests : SQS_PRICES.standardPerMillionRequests;
      const label = consumer ? 'Requests (send, then receive and delete per batch)' : 'Send requests';
      return { items: [{ label, quantity: requests, unit: 'requests', usd: perMillion(requests, price) }] };
    },
  },
  diagnostics: {
    node(queue, { index, report }) {
      if (!index.out(queue).length) report('info', 'unconsumed-queue', `Nothing consumes ${queue.name}: messages wait there until read by code outside the diagram`, [queue]);
    },
  },
  tags: { 'AWS::SQS::Queue': 'list' },
  handlerRole: 'queue',
};
