import type { ServiceEmitter } from '../template/context';
import { id } from '../template/naming';
import { getAtt, ref, type CfnValue } from '../template/cfn';

export const dynamodbCfn: ServiceEmitter = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: { suffix: 'TABLE_NAME', value: (node) => ref(id(node)) },
  emit(node, { builder }) {
    const p = node.props;
    const attributes: CfnValue[] = [{ AttributeName: String(p.partitionKey), AttributeType: String(p.partitionKeyType) }];
    const keys: CfnValue[] = [{ AttributeName: String(p.partitionKey), KeyType: 'HASH' }];
    if (p.sortKey) {
      attributes.push({ AttributeName: String(p.sortKey), AttributeType: String(p.sortKeyType) });
      keys.push({ AttributeName: String(p.sortKey), KeyType: 'RANGE' });
    }
    const retain = p.retainOnDelete === true ? 'Retain' : 'Delete';
    builder.add(
      id(node),
      {
        Type: 'AWS::DynamoDB::Table',
        DeletionPolicy: retain,
        UpdateReplacePolicy: retain,
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributes,
          KeySchema: keys,
          SSESpecification: { SSEEnabled: true },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: p.pointInTimeRecovery === true },
        },
      },
      node.id,
    );
    builder.output(id(node, 'TableName'), { Description: `Name of the ${node.name} table`, Value: ref(id(node)) });
  },
};

/** Edges that read the table's stream turn it on (only then: a stream costs when unused). */
export function enableStream(builder: import('../template/builder').TemplateBuilder, table: import('../graph/model').GraphNode, ownerId: string) {
  builder.touch(id(table), ownerId).Properties!.StreamSpecification = { StreamViewType: 'NEW_AND_OLD_IMAGES' };
  return getAtt(id(table), 'StreamArn');
}
