import { HOURS_PER_MONTH } from '../../cost/prices';
import { chunks } from '../../cost/types';
import type { Load } from '../../cost/load';
import { plural } from '../../flow/types';
import type { ServiceModule } from '../types';
import { firehoseCfn, type DeliveryStreamNode } from './cfn';
import { firehoseProps } from './props';
import { firehoseCdk } from './cdk';
import { firehoseSam } from './sam';

/** us-east-1 list prices (see cost/prices.ts for the date); each record is metered in 5 KB chunks. */
const FIREHOSE_PRICES = { perGbIngested: 0.029, recordChunkKB: 5 } as const;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** Objects written a month: a flush whenever the buffer fills or its interval ends, whichever comes first. */
function flushes(node: DeliveryStreamNode, count: number, load: Load): number {
  const interval = node.props.bufferIntervalSeconds || 60;
  const chunk = FIREHOSE_PRICES.recordChunkKB;
  const bySize = Math.ceil((count * chunks(load.averagePayloadKB, chunk) * chunk) / 1024 / node.props.bufferSizeMiB);
  return Math.min(count, Math.max(bySize, Math.floor(SECONDS_PER_MONTH / Math.max(interval, 1))));
}

export const firehose: ServiceModule<'firehose', typeof firehoseProps, 'write'> = {
  kind: 'firehose',
  title: 'Amazon Data Firehose',
  shortTitle: 'Firehose',
  asTarget: 'feed a delivery stream',
  description: 'Buffers records and delivers them in batches to storage',
  group: 'router',
  defaultName: 'DeliveryStream',
  modelled: true,
  icon: 'ArchitectureServiceAmazonDataFirehose',
  props: firehoseProps,
  subtitle: () => undefined,
  code: null,
  cfn: firehoseCfn,
  cdk: firehoseCdk,
  sam: firehoseSam,
  access: {
    modes: { write: { label: 'writes', actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], sends: true, reads: false } },
    defaultMode: 'write',
  },
  imports: { types: ['AWS::KinesisFirehose::DeliveryStream'], samPolicies: { FirehoseWritePolicy: 'write', FirehoseCrudPolicy: 'write' } },
  flow: {
    failable: false,
    receive(_arrival, sim) {
      for (const link of sim.out) sim.carry(link);
    },
    scenarios: () => [{ label: 'put 500 records', data: { sizeKB: 1 }, count: 500 }],
    fromCode: (writer, node, count, data) => ({ text: `${writer.name} puts ${plural(count, 'record')} on ${node.name}`, data }),
  },
  cost: {
    // A delivery stream passes on objects (and invokes its transform) once per flush.
    along: (node, _link, count, { load }) => flushes(node, count, load),
    estimate(node, usage) {
      const count = usage.events(node);
      const chunk = FIREHOSE_PRICES.recordChunkKB;
      const gb = (count * chunks(usage.load.averagePayloadKB, chunk) * chunk) / 1024 / 1024;
      return {
        items: [{ label: 'Data ingested', quantity: gb, unit: 'GB', usd: gb * FIREHOSE_PRICES.perGbIngested }],
        note: `writes about ${Math.round(flushes(node, count, usage.load)).toLocaleString('en-US')} objects a month`,
      };
    },
  },
  diagnostics: {},
  tags: { 'AWS::KinesisFirehose::DeliveryStream': 'list' },
  handlerRole: 'firehose_transform',
};
