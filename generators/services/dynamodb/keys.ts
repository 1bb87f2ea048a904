/**
 * A table's keys and capacity as its template declares them (AWS::DynamoDB::Table and GlobalTable:
 * KeySchema with AttributeDefinitions; SAM's SimpleTable: PrimaryKey). A key cannot change without
 * replacing the table, so an imported table shows its keys as written, not as editable fields.
 */
import type { CfnValue } from '../../template/cfn';
import type { ImportBinding } from '../types';

type Properties = Record<string, CfnValue>;
const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];
const SAM_TYPE: Readonly<Record<string, string>> = { String: 'S', Number: 'N', Binary: 'B' };
const KEY_WHY = "a table's keys cannot change without replacing it (and its data): edit the template to change them";

const keyName = (schema: CfnValue, keyType: 'HASH' | 'RANGE') =>
  Array.isArray(schema) ? schema.find((k): k is Properties => !!k && typeof k === 'object' && !Array.isArray(k) && k.KeyType === keyType)?.AttributeName : undefined;

function attributeType(properties: Properties, name: CfnValue | undefined): CfnValue | undefined {
  const definitions = properties.AttributeDefinitions;
  if (typeof name !== 'string' || !Array.isArray(definitions)) return undefined;
  return definitions.find((d): d is Properties => !!d && typeof d === 'object' && !Array.isArray(d) && d.AttributeName === name)?.AttributeType;
}

const readOnlyKey = (binding: Omit<ImportBinding, 'readOnly' | 'why'>): ImportBinding => ({ ...binding, readOnly: true, why: KEY_WHY });

/** One binding per key prop, for both shapes: KeySchema (a table) and PrimaryKey (SimpleTable: `id`, a String, when left out). */
export const keyBindings: Readonly<Record<string, ImportBinding>> = {
  partitionKey: readOnlyKey({ paths: [['KeySchema'], ['PrimaryKey', 'Name']], absent: 'id', read: (raw) => (Array.isArray(raw) ? keyName(raw, 'HASH') : raw) }),
  partitionKeyType: readOnlyKey({
    paths: [['KeySchema'], ['PrimaryKey', 'Type']],
    absent: 'S',
    read: (raw, properties) => (Array.isArray(raw) ? attributeType(properties, keyName(raw, 'HASH')) : typeof raw === 'string' ? SAM_TYPE[raw] : raw),
  }),
  sortKey: readOnlyKey({ paths: [['KeySchema']], types: TABLE_TYPES, read: (raw) => keyName(raw, 'RANGE') ?? '' }),
  sortKeyType: readOnlyKey({ paths: [['KeySchema']], types: TABLE_TYPES, read: (raw, properties) => attributeType(properties, keyName(raw, 'RANGE')) ?? 'S' }),
};

export const capacityBindings: Readonly<Record<string, ImportBinding>> = {
  billingMode: {
    paths: [['BillingMode']],
    // CloudFormation's default for a table is provisioned; SimpleTable is on demand unless it gives a throughput (read from its whole Properties).
    pathsByType: { 'AWS::Serverless::SimpleTable': [[]] },
    absent: 'PROVISIONED',
    types: [...TABLE_TYPES, 'AWS::Serverless::SimpleTable'],
    read: (raw) => (raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw.ProvisionedThroughput === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED') : raw),
    readOnly: true,
    why: 'switching capacity mode also adds or removes ProvisionedThroughput: edit the template to change it',
  },
  readCapacity: { paths: [['ProvisionedThroughput', 'ReadCapacityUnits']] },
  writeCapacity: { paths: [['ProvisionedThroughput', 'WriteCapacityUnits']] },
};
