import type { PropSpec } from '../../props/spec';

export const firehoseProps = [
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
] as const satisfies readonly PropSpec[];
