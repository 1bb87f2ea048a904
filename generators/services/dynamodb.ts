import type { ServiceDefinition } from './types';
import { dynamodbCfn } from './dynamodb.cfn';
import type { EnumSpec, StringSpec } from '../props/spec';

const attributeName = (key: string, label: string, optional: boolean, fallback: string): StringSpec => ({
  key,
  label,
  type: 'string',
  default: fallback,
  optional,
  maxLength: 255,
  pattern: /^[A-Za-z0-9_.-]+$/,
  patternMessage: `${label} may contain only letters, digits, _ . and -`,
});

const attributeType = (key: string, label: string): EnumSpec => ({
  key,
  label,
  type: 'enum',
  default: 'S',
  options: [
    { value: 'S', label: 'S (string)' },
    { value: 'N', label: 'N (number)' },
    { value: 'B', label: 'B (binary)' },
  ],
});

export const dynamodb: ServiceDefinition = {
  kind: 'dynamodb',
  title: 'Amazon DynamoDB',
  shortTitle: 'DynamoDB',
  asTarget: 'write to a table',
  description: 'NoSQL table; its stream turns changes into events',
  group: 'destination',
  defaultName: 'Table',
  props: [
    attributeName('partitionKey', 'Partition key', false, 'id'),
    attributeType('partitionKeyType', 'Partition key type'),
    attributeName('sortKey', 'Sort key (optional)', true, ''),
    { ...attributeType('sortKeyType', 'Sort key type'), visibleWhen: (p) => p.sortKey !== '' },
    { key: 'pointInTimeRecovery', label: 'Point-in-time recovery', type: 'boolean', default: true },
    { key: 'retainOnDelete', label: 'Keep when the stack is deleted', type: 'boolean', default: false, help: 'Off: deleting the stack deletes the data too (right for demos)' },
  ],
  cfn: dynamodbCfn,
  imports: {
    types: ['AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable', 'AWS::DynamoDB::GlobalTable'],
    bindings: {
      pointInTimeRecovery: { paths: [['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']], absent: false, types: ['AWS::DynamoDB::Table'] },
    },
  },
};
