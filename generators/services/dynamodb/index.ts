import { chunks, perMillion } from '../../cost/types';
import { plural } from '../../flow/types';
import { getAtt, sub } from '../../template/cfn';
import { id } from '../../template/naming';
import type { ServiceModule } from '../types';
import { DYNAMODB_STREAM_READ, dynamodbCfn } from './cfn';
import { capacityBindings, keyBindings } from './keys';
import { dynamodbProps } from './props';
import { dynamodbCdk } from './cdk';
import { dynamodbSam } from './sam';

/** us-east-1 on-demand list prices (after the November 2024 cut; see cost/prices.ts for the date). */
const DYNAMODB_PRICES = {
  perMillionWriteUnits: 0.625,
  perMillionReadUnits: 0.125,
  storagePerGbMonth: 0.25,
  writeUnitKB: 1,
  readUnitKB: 4,
  // Provisioned capacity, per unit-hour.
  writeUnitHour: 0.00065,
  readUnitHour: 0.00013,
} as const;
const HOURS_PER_MONTH = 730;

const READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

export const dynamodb: ServiceModule<'dynamodb', typeof dynamodbProps, 'read' | 'write' | 'read-write'> = {
  kind: 'dynamodb',
  title: 'Amazon DynamoDB',
  shortTitle: 'DynamoDB',
  asTarget: 'write to a table',
  description: 'NoSQL table; its stream turns changes into events',
  group: 'destination',
  defaultName: 'Table',
  modelled: true,
  icon: 'ArchitectureServiceAmazonDynamoDB',
  props: dynamodbProps,
  subtitle: () => undefined,
  code: null,
  cfn: dynamodbCfn,
  cdk: dynamodbCdk,
  sam: dynamodbSam,
  access: {
    modes: {
      read: { label: 'reads', actions: READ, sends: false, reads: true },
      write: { label: 'writes', actions: WRITE, sends: true, reads: false },
      'read-write': { label: 'reads/writes', actions: [...READ, ...WRITE], sends: true, reads: true },
    },
    defaultMode: 'read-write',
    deliver: 'dynamodb:PutItem',
    readAsSource: DYNAMODB_STREAM_READ,
    // Reads also query the table's indexes.
    resources: (node, mode) => (mode === 'write' ? [getAtt(id(node), 'Arn')] : [getAtt(id(node), 'Arn'), sub('${Arn}/index/*', { Arn: getAtt(id(node), 'Arn') })]),
  },
  imports: {
    types: ['AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable', 'AWS::DynamoDB::GlobalTable'],
    bindings: {
      ...keyBindings,
      ...capacityBindings,
      pointInTimeRecovery: { paths: [['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']], absent: false, types: ['AWS::DynamoDB::Table'] },
    },
    samEvents: { DynamoDB: 'Stream' },
    samPolicies: { DynamoDBReadPolicy: 'read', DynamoDBWritePolicy: 'write', DynamoDBCrudPolicy: 'read-write' },
    samSourcePolicies: ['DynamoDBStreamReadPolicy'],
  },
  flow: {
    failable: false,
    receive(_arrival, sim) {
      for (const link of sim.out) sim.carry(link);
    },
    scenarios: () => [
      { label: 'write 1 item', data: { id: '1' }, count: 1 },
      { label: 'write 50 items', data: { id: '1' }, count: 50 },
    ],
    fromCode: (writer, node, count, data) => ({ text: `${writer.name} writes ${plural(count, 'item')} to ${node.name}`, data }),
  },
  cost: {
    estimate(node, usage) {
      const kb = usage.load.averagePayloadKB;
      const writeUnits = usage.events(node) * chunks(kb, DYNAMODB_PRICES.writeUnitKB);
      const readUnits = usage.reads(node) * chunks(kb, DYNAMODB_PRICES.readUnitKB);
      const storage = usage.load.storageGB;
      const storageItem = { label: 'Storage', quantity: storage, unit: 'GB-months', usd: storage * DYNAMODB_PRICES.storagePerGbMonth };
      if (node.props.billingMode === 'PROVISIONED') {
        const { readCapacity, writeCapacity } = node.props;
        return {
          items: [
            storageItem,
            { label: 'Provisioned write units', quantity: writeCapacity * HOURS_PER_MONTH, unit: 'unit-hours', usd: writeCapacity * HOURS_PER_MONTH * DYNAMODB_PRICES.writeUnitHour },
            { label: 'Provisioned read units', quantity: readCapacity * HOURS_PER_MONTH, unit: 'unit-hours', usd: readCapacity * HOURS_PER_MONTH * DYNAMODB_PRICES.readUnitHour },
          ],
          note: `Provisioned at ${writeCapacity} write and ${readCapacity} read units per second, paid whatever the load; more than that is throttled`,
        };
      }
      return {
        items: [
          storageItem,
          ...(writeUnits ? [{ label: 'Write request units', quantity: writeUnits, unit: 'units', usd: perMillion(writeUnits, DYNAMODB_PRICES.perMillionWriteUnits) }] : []),
          ...(readUnits ? [{ label: 'Read request units', quantity: readUnits, unit: 'units', usd: perMillion(readUnits, DYNAMODB_PRICES.perMillionReadUnits) }] : []),
        ],
      };
    },
  },
  diagnostics: {
    node(table, { index, report }) {
      const readers = index.out(table);
      if (readers.length > 2)
        report(
          'warning',
          'too-many-stream-readers',
          `${readers.length} readers share ${table.name}'s stream; more than two are throttled`,
          [table],
          readers.map((r) => r.edge),
        );
    },
  },
  tags: { 'AWS::DynamoDB::Table': 'list' },
  handlerRole: 'stream',
};
