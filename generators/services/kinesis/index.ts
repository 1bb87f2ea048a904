import { chunks, perMillion, type CostItem } from '../../cost/types';
import { HOURS_PER_MONTH } from '../../cost/prices';
import { plural } from '../../flow/types';
import type { ServiceModule } from '../types';
import { KINESIS_READ_ACTIONS, kinesisCfn, type StreamNode } from './cfn';
import { kinesisProps } from './props';
import { kinesisCdk } from './cdk';
import { kinesisSam } from './sam';

/** us-east-1 list prices (see cost/prices.ts for the date); a PUT payload unit is 25 KB. */
const KINESIS_PRICES = { shardHour: 0.015, perMillionPutUnits: 0.014, putUnitKB: 25, onDemandStreamHour: 0.04, onDemandPerGbIn: 0.08, onDemandPerGbOut: 0.04 } as const;
/** The shards an on-demand stream is taken to have in the teaching model. */
const ON_DEMAND_SHARDS = 4;

/** How many shards spread a stream's records, in the teaching model. */
export const shardsOf = (node: StreamNode) => (node.props.capacityMode === 'ON_DEMAND' ? ON_DEMAND_SHARDS : node.props.shardCount);

export const kinesis: ServiceModule<'kinesis', typeof kinesisProps, 'write' | 'read'> = {
  kind: 'kinesis',
  title: 'Amazon Kinesis Data Streams',
  shortTitle: 'Kinesis',
  asTarget: 'put records into a stream',
  description: 'Ordered, replayable stream of records in shards',
  group: 'router',
  defaultName: 'Stream',
  modelled: true,
  icon: 'ArchitectureServiceAmazonKinesisDataStreams',
  props: kinesisProps,
  subtitle: () => undefined,
  code: null,
  cfn: kinesisCfn,
  cdk: kinesisCdk,
  sam: kinesisSam,
  access: {
    modes: {
      write: { label: 'writes', actions: ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], sends: true, reads: false },
      read: { label: 'reads', actions: KINESIS_READ_ACTIONS, sends: false, reads: true },
    },
    defaultMode: 'write',
    deliver: 'kinesis:PutRecord',
    readAsSource: KINESIS_READ_ACTIONS,
  },
  imports: {
    types: ['AWS::Kinesis::Stream'],
    bindings: { retentionHours: { paths: [['RetentionPeriodHours']], absent: 24 } },
    samEvents: { Kinesis: 'Stream' },
    samPolicies: { KinesisStreamReadPolicy: 'read', KinesisCrudPolicy: 'write' },
  },
  flow: {
    failable: false,
    receive(_arrival, sim) {
      for (const link of sim.out) sim.carry(link);
    },
    scenarios: () => [
      { label: 'put 100 records', data: { text: 'loving #serverless', sizeKB: 1 }, count: 100 },
      { label: 'put 1 record', data: { text: 'hello', sizeKB: 1 }, count: 1 },
    ],
    fromCode: (writer, node, count, data) => ({ text: `${writer.name} puts ${plural(count, 'record')} on ${node.name}`, data }),
  },
  cost: {
    estimate(node, usage) {
      const count = usage.events(node);
      const kb = usage.load.averagePayloadKB;
      const items: CostItem[] = [];
      if (node.props.capacityMode === 'ON_DEMAND') {
        const gbIn = (count * kb) / 1024 / 1024;
        const consumers = usage.index.out(node).length;
        items.push({ label: 'Stream hours (on demand)', quantity: HOURS_PER_MONTH, unit: 'hours', usd: HOURS_PER_MONTH * KINESIS_PRICES.onDemandStreamHour });
        items.push({ label: 'Data in', quantity: gbIn, unit: 'GB', usd: gbIn * KINESIS_PRICES.onDemandPerGbIn });
        if (consumers)
          items.push({ label: `Data read by ${consumers} consumer${consumers > 1 ? 's' : ''}`, quantity: gbIn * consumers, unit: 'GB', usd: gbIn * consumers * KINESIS_PRICES.onDemandPerGbOut });
      } else {
        const shardHours = node.props.shardCount * HOURS_PER_MONTH;
        const units = count * chunks(kb, KINESIS_PRICES.putUnitKB);
        items.push({ label: 'Shard hours', quantity: shardHours, unit: 'hours', usd: shardHours * KINESIS_PRICES.shardHour });
        items.push({ label: 'PUT payload units', quantity: units, unit: 'units', usd: perMillion(units, KINESIS_PRICES.perMillionPutUnits) });
      }
      return { items };
    },
  },
  diagnostics: {
    node(stream, { index, report }) {
      if (!index.out(stream).length) report('info', 'unread-stream', `Nothing reads ${stream.name}: records expire after ${stream.props.retentionHours} hours`, [stream]);
    },
  },
  tags: { 'AWS::Kinesis::Stream': 'list' },
  handlerRole: 'stream',
};
