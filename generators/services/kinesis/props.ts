import type { PropSpec } from '../../props/spec';

export const kinesisProps = [
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
  { key: 'shardCount', label: 'Shard count', type: 'integer', default: 1, min: 1, max: 500, visibleWhen: (p) => p.capacityMode === 'PROVISIONED' },
  { key: 'retentionHours', label: 'Retention', type: 'integer', default: 24, min: 24, max: 8760, unit: 'hours' },
] as const satisfies readonly PropSpec[];
