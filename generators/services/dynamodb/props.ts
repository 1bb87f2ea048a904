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
  { key: 'pointInTimeRecovery', label: 'Point-in-time recovery', type: 'boolean', default: true },
  { key: 'retainOnDelete', label: 'Keep when the stack is deleted', type: 'boolean', default: false, help: 'Off: deleting the stack deletes the data too (right for demos)' },
] as const satisfies readonly PropSpec[];
