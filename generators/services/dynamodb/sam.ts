import type { SamEmitter } from '../types';
import { tagMap } from '../../export/sam/writer';
import type { CfnValue } from '../../template/cfn';
import { ref } from '../../template/cfn';
import { id } from '../../template/naming';
import type { TableNode } from './cfn';

const TYPES = { S: 'String', N: 'Number', B: 'Binary' } as const;

export const dynamodbSam: SamEmitter<TableNode, 'read' | 'write' | 'read-write'> = {
  policies: {
    // DynamoDBReadPolicy lacks ConditionCheckItem and DynamoDBWritePolicy DeleteItem: those modes are plain statements.
    read: null,
    write: null,
    'read-write': (node) => ({ template: 'DynamoDBCrudPolicy', parameters: { TableName: ref(id(node)) } }),
  },
  // SimpleTable where it fits: one key, no stream, no point-in-time recovery (SimpleTable has neither).
  rewrite(node, s) {
    const table = s.resource(id(node));
    const p = table?.Properties;
    if (!table || !p || node.props.sortKey || p.StreamSpecification || p.KinesisStreamSpecification || node.props.pointInTimeRecovery) return;
    table.Type = 'AWS::Serverless::SimpleTable';
    table.Properties = {
      PrimaryKey: { Name: node.props.partitionKey, Type: TYPES[node.props.partitionKeyType] },
      ...(p.ProvisionedThroughput ? { ProvisionedThroughput: p.ProvisionedThroughput } : {}),
      SSESpecification: p.SSESpecification as CfnValue,
      ...(p.Tags ? { Tags: tagMap(p.Tags) } : {}),
    };
  },
};
