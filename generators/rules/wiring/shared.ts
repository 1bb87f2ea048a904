/** Small pieces several wirings share: invoke permissions, resource-policy grants, event-source mappings, service roles. */
import type { GraphNode } from '../../graph/model';
import { serviceOf } from '../../services/registry';
import { getAtt, ref, type CfnValue, type Statement } from '../../template/cfn';
import type { Link, SynthContext } from '../../template/context';
import { id, pairId } from '../../template/naming';

type AnyLink = Pick<Link, 'source' | 'target'> & { edge: { id: string } };

/** Lets a service principal invoke a function, from one source only. */
export function invokePermission(link: AnyLink, ctx: SynthContext, principal: string, sourceArn: CfnValue, fn: { name: string } = link.target, withAccount = false) {
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

/** The one action that delivers into a node (a message into a queue, an event onto a bus...), from its module. */
export function deliverAction(target: GraphNode): string {
  const action = serviceOf(target.kind).access.deliver;
  if (!action) throw new Error(`internal: nothing delivers into ${target.kind}`);
  return action;
}

/** The actions an event source (a mapping, a pipe, a delivery stream) needs to read a node, from its module. */
export function sourceReadActions(source: GraphNode): readonly string[] {
  const actions = serviceOf(source.kind).access.readAsSource;
  if (!actions) throw new Error(`internal: ${source.kind} is not read as an event source`);
  return actions;
}

/** Adds a statement to the resource policy of a queue or a topic (assembled when the node is finalized). */
export function allowServiceToSend(link: AnyLink, ctx: SynthContext, target: GraphNode, principal: string, sourceArn: CfnValue, withAccount = false, sid = `Allow${link.source.name}`) {
  const condition: Record<string, CfnValue> = { ArnEquals: { 'aws:SourceArn': sourceArn } };
  if (withAccount) condition.StringEquals = { 'aws:SourceAccount': ref('AWS::AccountId') };
  const statement: Statement = {
    Sid: sid,
    Effect: 'Allow',
    Principal: { Service: principal },
    Action: [deliverAction(target)],
    Resource: [ctx.arnOf(target)],
    Condition: condition,
  };
  ctx.builder.grant(id(target, 'Policy'), statement, link.edge.id);
  return id(target, 'Policy');
}

/** Grants a role one statement on one resource. */
export function grantRole(ctx: SynthContext, roleId: string, sid: string, actions: readonly string[], resources: CfnValue[], ownerId: string) {
  ctx.builder.grant(roleId, { Sid: sid, Effect: 'Allow', Action: [...actions], Resource: resources }, ownerId);
}

export function eventSourceMapping(link: AnyLink, ctx: SynthContext, eventSourceArn: CfnValue, properties: Record<string, CfnValue>) {
  ctx.builder.add(
    pairId(link.source, link.target, 'Mapping'),
    { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: eventSourceArn, FunctionName: ref(id(link.target)), Enabled: true, ...properties } },
    link.edge.id,
  );
}

/** A role trusted by one service and granted these statements (the builder writes them into it). */
export function serviceRole(ctx: SynthContext, roleId: string, service: string, statements: Statement[], ownerId: string) {
  const arn = ctx.builder.role(roleId, service, ownerId);
  for (const statement of statements) ctx.builder.grant(roleId, statement, ownerId);
  return arn;
}

/** S3 key filter rules from an edge's prefix and suffix props. */
export function s3Filter(props: { prefix: string; suffix: string }): CfnValue | undefined {
  const rules: CfnValue[] = [];
  if (props.prefix) rules.push({ Name: 'prefix', Value: props.prefix });
  if (props.suffix) rules.push({ Name: 'suffix', Value: props.suffix });
  return rules.length ? { S3Key: { Rules: rules } } : undefined;
}
