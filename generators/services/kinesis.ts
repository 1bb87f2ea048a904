import type { ServiceDefinition } from './types';
import { kinesisCfn } from './kinesis.cfn';

export const kinesis: ServiceDefinition = {
  kind: 'kinesis',
  title: 'Amazon Kinesis Data Streams',
  shortTitle: 'Kinesis',
  asTarget: 'put records into a stream',
  description: 'Ordered, replayable stream of records in shards',
  group: 'router',
  defaultName: 'Stream',
  props: [
    {
      key: 'capacityMode',
      label: 'Capacity mode',
      type: 'enum',
      default: 'PROVISIONED',
      options: [
        { value: 'PROVISIONED', label: 'provisioned shards (cheapest for a demo)' },
        { value: 'ON_DEMAND', label: 'on demand' },
      ],
    },
    {
      key: 'shardCount',
      label: 'Shard count',
      type: 'integer',
      default: 1,
      min: 1,
      max: 500,
      visibleWhen: (p) => p.capacityMode === 'PROVISIONED',
    },
    { key: 'retentionHours', label: 'Retention', type: 'integer', default: 24, min: 24, max: 8760, unit: 'hours' },
  ],
  cfn: kinesisCfn,
  imports: {
    types: ['AWS::Kinesis::Stream'],
    bindings: {
      retentionHours: { paths: [['RetentionPeriodHours']], absent: 24 },
    },
  },
};
