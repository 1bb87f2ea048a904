import type { ServiceDefinition } from './types';
import { firehoseCfn } from './firehose.cfn';

export const firehose: ServiceDefinition = {
  kind: 'firehose',
  title: 'Amazon Data Firehose',
  shortTitle: 'Firehose',
  asTarget: 'feed a delivery stream',
  description: 'Buffers records and delivers them in batches to storage',
  group: 'router',
  defaultName: 'DeliveryStream',
  props: [
    { key: 'bufferIntervalSeconds', label: 'Buffer interval', type: 'integer', default: 60, min: 0, max: 900, unit: 'seconds' },
    { key: 'bufferSizeMiB', label: 'Buffer size', type: 'integer', default: 5, min: 1, max: 128, unit: 'MiB' },
    {
      key: 'compression',
      label: 'Compression',
      type: 'enum',
      default: 'GZIP',
      options: [
        { value: 'UNCOMPRESSED', label: 'none' },
        { value: 'GZIP', label: 'GZIP' },
        { value: 'Snappy', label: 'Snappy' },
        { value: 'ZIP', label: 'ZIP' },
      ],
    },
  ],
  cfn: firehoseCfn,
  imports: { types: ['AWS::KinesisFirehose::DeliveryStream'] },
};
