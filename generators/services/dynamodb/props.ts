import type { EnumSpec, PropSpec, StringSpec } from '../../props/spec';

const attributeName = <K extends string>(key: K, label: string, optional: boolean, fallback: string): StringSpec<K> => ({
  key,
  label,
  type: 'string',
  default: fallback,
  optional,
  maxLength: 255,
  pattern: /^[A-Za-z0-9_.-]+$/,
  patternMessage: `${label} may contain only letters, digits, _ . and -`,
});

const ATTRIBUTE_TYPES = [
  { value: 'S', label: 'S (string)' },
  { value: 'N', label: 'N (number)' },
  { value: 'B', label: 'B (binary)' },
] as const;

const attributeType = <K extends string>(key: K, label: string): EnumSpec<K, 'S' | 'N' | 'B'> => ({ key, label, type: 'enum', default: 'S', options: ATTRIBUTE_TYPES });

export const dynamodbProps = [
  attributeName('partitionKey', 'Partition key', false, 'id'),
  attributeType('partitionKeyType', 'Partition key type'),
  attributeName('sortKey', 'Sort key (optional)', true, ''),
  { ...attributeType('sortKeyType', 'Sort key type'), visibleWhen: (p) => p.sortKey !== '' },
  {
    key: 'billingMode',
    label: 'Capacity',
    type: 'enum',
    default: 'PAY_PER_REQUEST',
    options: [
      { value: 'PAY_PER_REQUEST', label: 'On demand (pay per request)' },
      { value: 'PROVISIONED', label: 'Provisioned (read and write units per second)' },
    ],
  },
  { key: 'readCapacity', label: 'Read capacity', type: 'integer', default: 5, min: 1, max: 40000, unit: 'units', visibleWhen: (p) => p.billingMode === 'PROVISIONED' },
  { key: 'writeCapacity', label: 'Write capacity', type: 'integer', default: 5, min: 1, max: 40000, unit: 'units', visibleWhen: (p) => p.billingMode === 'PROVISIONED' },
  { key: 'pointInTimeRecovery', label: 'Point-in-time recovery', type: 'boolean', default: true },
  { key: 'retainOnDelete', label: 'Keep when the stack is deleted', type: 'boolean', default: false, help: 'Off: deleting the stack deletes the data too (right for demos)' },
] as const satisfies readonly PropSpec[];
