/** Small pieces several wirings share: invoke permissions, resource-policy grants, event-source mappings. */
import type { GraphNode } from '../../graph/model';
import type { Link, SynthContext } from '../../template/context';
import { id, pairId } from '../../template/naming';
import { getAtt, ref, type CfnValue, type Statement } from '../../template/cfn';

/** Lets a service principal invoke a function, from one source only. */
export function invokePermission(link: Link, ctx: SynthContext, principal: string, sourceArn: CfnValue, fn: GraphNode = link.target, withAccount = false) {
  const properties: Record<string, CfnValue> = {
    Action: 'lambda:InvokeFunction',
    FunctionName: getAtt(id(fn), 'Arn'),
    Principal: principal,
    SourceArn: sourceArn,
  };
  if (withAccount) properties.SourceAccount = ref('AWS::AccountId');
  const permissionId = pairId(link.source, fn, 'Permission');
  ctx.builder.add(permissionId, { Type: 'AWS::Lambda::Permission', Properties: properties }, link.edge.id);
  return permissionId;
}

/** Adds a statement to the resource policy of a queue or a topic (assembled when the node is finalized). */
export function allowServiceToSend(link: Link, ctx: SynthContext, target: GraphNode, principal: string, sourceArn: CfnValue, withAccount = false) {
  const action = target.kind === 'sqs' ? 'sqs:SendMessage' : 'sns:Publish';
  const condition: Record<string, CfnValue> = { ArnEquals: { 'aws:SourceArn': sourceArn } };
  if (withAccount) condition.StringEquals = { 'aws:SourceAccount': ref('AWS::AccountId') };
  const statement: Statement = {
    Sid: `Allow${link.source.name}`,
    Effect: 'Allow',
    Principal: { Service: principal },
    Action: [action],
    Resource: [ctx.arnOf(target)],
    Condition: condition,
  };
  ctx.builder.grant(id(target, 'Policy'), statement, link.edge.id);
  return id(target, 'Policy');
}

/** Grants a role one statement on one resource. */
export function grantRole(ctx: SynthContext, roleId: string, sid: string, actions: string[], resources: CfnValue[], ownerId: string) {
  ctx.builder.grant(roleId, { Sid: sid, Effect: 'Allow', Action: actions, Resource: resources }, ownerId);
}

export function eventSourceMapping(link: Link, ctx: SynthContext, eventSourceArn: CfnValue, properties: Record<string, CfnValue>) {
  ctx.builder.add(
    pairId(link.source, link.target, 'Mapping'),
    {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: { EventSourceArn: eventSourceArn, FunctionName: ref(id(link.target)), Enabled: true, ...properties },
    },
    link.edge.id,
  );
}

/** A role trusted by one service, holding one inline policy. */
export function serviceRole(ctx: SynthContext, roleId: string, service: string, statements: Statement[], ownerId: string) {
  ctx.builder.add(
    roleId,
    {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'least-privilege', PolicyDocument: { Version: '2012-10-17', Statement: statements as unknown as CfnValue[] } }],
      },
    },
    ownerId,
  );
  ctx.builder.recordStatements(roleId, statements.map((s) => s.Sid), ownerId);
  return getAtt(roleId, 'Arn');
}

/** S3 key filter rules from an edge's prefix and suffix props. */
export function s3Filter(props: Record<string, unknown>): CfnValue | undefined {
  const rules: CfnValue[] = [];
  if (props.prefix) rules.push({ Name: 'prefix', Value: String(props.prefix) });
  if (props.suffix) rules.push({ Name: 'suffix', Value: String(props.suffix) });
  return rules.length ? { S3Key: { Rules: rules } } : undefined;
}

/** The actions a service integration or a rule target needs to put one message into a node. */
export function sendAction(target: GraphNode): string {
  switch (target.kind) {
    case 'sqs':
      return 'sqs:SendMessage';
    case 'sns':
      return 'sns:Publish';
    case 'eventbridge':
      return 'events:PutEvents';
    case 'kinesis':
      return 'kinesis:PutRecord';
    case 'stepfunctions':
      return 'states:StartExecution';
    case 'lambda':
      return 'lambda:InvokeFunction';
    default:
      throw new Error(`internal: nothing sends to ${target.kind}`);
  }
}
