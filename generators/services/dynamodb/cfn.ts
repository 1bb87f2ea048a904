import type { TemplateBuilder } from '../../template/builder';
import { getAtt, ref, type CfnValue } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import type { dynamodbProps } from './props';

export type TableNode = NodeOfSpecs<'dynamodb', typeof dynamodbProps>;

export const dynamodbCfn: ServiceEmitter<TableNode> = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: {
    suffix: 'TABLE_NAME',
    value: (node) => ref(id(node)),
    // The handler templates write items with the table's own key names.
    facts: (node) => ({ TABLE_KEY: node.props.partitionKey, ...(node.props.sortKey ? { TABLE_SORT_KEY: node.props.sortKey } : {}) }),
  },
  emit(node, { builder }) {
    const p = node.props;
    const attributes: CfnValue[] = [{ AttributeName: p.partitionKey, AttributeType: p.partitionKeyType }];
    const keys: CfnValue[] = [{ AttributeName: p.partitionKey, KeyType: 'HASH' }];
    if (p.sortKey) {
      attributes.push({ AttributeName: p.sortKey, AttributeType: p.sortKeyType });
      keys.push({ AttributeName: p.sortKey, KeyType: 'RANGE' });
    }
    const retain = p.retainOnDelete ? 'Retain' : 'Delete';
    builder.add(
      id(node),
      {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: retain,
        UpdateReplacePolicy: retain,
        Properties: {
          BillingMode: p.billingMode,
          ...(p.billingMode === 'PROVISIONED' ? { ProvisionedThroughput: { ReadCapacityUnits: p.readCapacity, WriteCapacityUnits: p.writeCapacity } } : {}),
          AttributeDefinitions: attributes,
          KeySchema: keys,
          SSESpecification: { SSEEnabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: p.pointInTimeRecovery },
        },
      },
      node.id,
    );
    builder.output(id(node, 'TableName'), { Description: `Name of the ${node.name} table`, Value: ref(id(node)) });
  },
  finalize: () => undefined,
};

/** Edges that read the table's stream turn it on (only then: a stream costs when unused). */
export function enableStream(builder: TemplateBuilder, table: { name: string }, ownerId: string) {
  builder.touch(id(table), ownerId).Properties!.StreamSpecification = { StreamViewType: 'NEW_AND_OLD_IMAGES' };
  return getAtt(id(table), 'StreamArn');
}

export const DYNAMODB_STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
