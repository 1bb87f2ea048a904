import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import type { TableNode } from './cfn';

const TYPES = { S: 'STRING', N: 'NUMBER', B: 'BINARY' } as const;

export const dynamodbCdk: CdkEmitter<TableNode, 'read' | 'write' | 'read-write'> = {
  declare(node, w) {
    const [dynamodb, cdk] = [w.use('dynamodb'), w.use('cdk')];
    const p = node.props;
    const key = (name: string, type: 'S' | 'N' | 'B') => w.code(`{ name: ${literal(name)}, type: ${dynamodb}.AttributeType.${TYPES[type]} }`);
    const props: Record<string, unknown> = { partitionKey: key(p.partitionKey, p.partitionKeyType) };
    if (p.sortKey) props.sortKey = key(p.sortKey, p.sortKeyType);
    if (p.billingMode === 'PROVISIONED') Object.assign(props, { billingMode: w.code(`${dynamodb}.BillingMode.PROVISIONED`), readCapacity: p.readCapacity, writeCapacity: p.writeCapacity });
    else props.billingMode = w.code(`${dynamodb}.BillingMode.PAY_PER_REQUEST`);
    props.encryption = w.code(`${dynamodb}.TableEncryption.AWS_MANAGED`);
    props.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: p.pointInTimeRecovery };
    // A stream only when something reads it: a stream costs when unused.
    if (w.contributions(node, 'stream').length) props.stream = w.code(`${dynamodb}.StreamViewType.NEW_AND_OLD_IMAGES`);
    const [kinesisStream] = w.contributions(node, 'kinesisStream');
    if (kinesisStream) props.kinesisStream = kinesisStream;
    props.removalPolicy = w.code(`${cdk}.RemovalPolicy.${p.retainOnDelete ? 'RETAIN' : 'DESTROY'}`);
    w.declare(node, `    const ${w.v(node)} = new ${dynamodb}.Table(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.tableArn`,
  address: (node, w) => `${w.v(node)}.tableName`,
  grants: {
    read: { method: 'grantReadData', extra: { actions: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'], why: "CDK's read grant also reads the table's stream records, read-only" } },
    write: { method: 'grantWriteData', extra: { actions: ['dynamodb:DescribeTable'], why: "CDK's write grant also describes the table (its keys and status), read-only" } },
    'read-write': {
      method: 'grantReadWriteData',
      extra: { actions: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'], why: "CDK's read-write grant also reads the table's stream records, read-only" },
    },
  },
};
