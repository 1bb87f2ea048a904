/**
 * Recovers the diagram's edges from a template's wiring. Three sources of evidence, strongest first:
 * 1. resources that exist only to connect two services (event source mappings, subscriptions,
 *    pipes): the edge owns them;
 * 2. a service naming the thing that triggers it (a SAM function's Events, a delivery stream's
 *    source stream, a rule's pattern matching a bucket);
 * 3. a service referring to another one (an API integration, a bucket notification, a rule target,
 *    a state-machine task, an IAM statement, an environment variable), which is an edge when the
 *    rule table has that pair and the reverse edge does not already explain the reference.
 */
import { validateProps, withDefaults, type Props } from '../props/spec';
import { ruleFor } from '../rules/table';
import type { ServiceKind } from '../services/registry';
import type { CfnValue } from '../template/cfn';
import { referencesOf } from '../template/analysis';
import { typeOf, type NodePlan, type RawResource } from './ownership';
import { actionsIn, referencesWithPaths } from './references';
import { pathText } from './source';

export interface RecoveredEdge {
  source: string;
  target: string;
  evidence: string[];
  logicalIds: string[];
  props: Props;
}

const refsIn = (value: CfnValue | undefined) => (value === undefined ? [] : [...new Set(referencesOf(value))]);

/** Resources that exist only for one edge, given which resources are nodes of which kind. */
export function claimConnectors(resources: Record<string, RawResource>, kindOf: ReadonlyMap<string, ServiceKind>): RecoveredEdge[] {
  const edges: RecoveredEdge[] = [];
  const only = (value: CfnValue | undefined) => {
    const nodes = refsIn(value).filter((id) => kindOf.has(id));
    return nodes.length === 1 ? nodes[0] : undefined;
  };
  for (const [id, resource] of Object.entries(resources)) {
    const p = resource?.Properties ?? {};
    const ends: Record<string, [CfnValue | undefined, CfnValue | undefined]> = {
      'AWS::Lambda::EventSourceMapping': [p.EventSourceArn, p.FunctionName],
      'AWS::SNS::Subscription': [p.TopicArn, p.Endpoint],
      'AWS::Pipes::Pipe': [p.Source, p.Target],
    };
    const pair = ends[typeOf(resource)];
    if (!pair) continue;
    const source = only(pair[0]);
    const target = only(pair[1]);
    if (!source || !target || !ruleFor(kindOf.get(source)!, kindOf.get(target)!)) continue;
    const props: Props = {};
    if (typeof p.BatchSize === 'number') props.batchSize = p.BatchSize;
    if (typeof p.MaximumRetryAttempts === 'number') props.maximumRetryAttempts = p.MaximumRetryAttempts;
    if (typeof p.RawMessageDelivery === 'boolean') props.rawMessageDelivery = p.RawMessageDelivery;
    edges.push({ source, target, evidence: [`${typeOf(resource)} ${id}`], logicalIds: [id], props });
  }
  return edges;
}

/** SAM event types and the property naming their source. */
const SAM_EVENT_SOURCE: Record<string, string> = {
  SQS: 'Queue',
  SNS: 'Topic',
  S3: 'Bucket',
  Kinesis: 'Stream',
  DynamoDB: 'Stream',
  Api: 'RestApiId',
  HttpApi: 'ApiId',
  EventBridgeRule: 'EventBusName',
  CloudWatchEvent: 'EventBusName',
};

export interface EdgeContext {
  resources: Record<string, RawResource>;
  nodes: readonly NodePlan[];
  ownerOf: ReadonlyMap<string, string>;
  kindOf: ReadonlyMap<string, ServiceKind>;
  /** Noted for the import report: things that are wired but cannot be drawn. */
  notice(message: string, path: (string | number)[]): void;
}

export function recoverEdges(ctx: EdgeContext, connectors: RecoveredEdge[]): RecoveredEdge[] {
  const edges = new Map<string, RecoveredEdge>();
  const add = (edge: RecoveredEdge) => {
    const key = `${edge.source}->${edge.target}`;
    const existing = edges.get(key);
    if (existing) {
      existing.evidence.push(...edge.evidence.filter((e) => !existing.evidence.includes(e)));
      existing.logicalIds.push(...edge.logicalIds);
    } else edges.set(key, { ...edge, evidence: [...edge.evidence], logicalIds: [...edge.logicalIds] });
  };
  const allowed = (source: string, target: string) =>
    source !== target && ruleFor(ctx.kindOf.get(source)!, ctx.kindOf.get(target)!) !== undefined;

  connectors.forEach(add);

  // 2. A service that names what triggers it.
  for (const node of ctx.nodes) {
    const resource = ctx.resources[node.primary];
    const properties = resource?.Properties ?? {};
    const events = properties.Events;
    if (events && typeof events === 'object' && !Array.isArray(events))
      for (const [name, event] of Object.entries(events as Record<string, CfnValue>)) {
        if (!event || typeof event !== 'object' || Array.isArray(event)) continue;
        const type = String(event.Type);
        const eventProps = (event.Properties ?? {}) as Record<string, CfnValue>;
        const sourceProperty = SAM_EVENT_SOURCE[type];
        if (!sourceProperty) continue;
        const source = refsIn(eventProps[sourceProperty]).map((id) => ctx.ownerOf.get(id)).find((o) => o !== undefined);
        if (!source) {
          if (type === 'Api' || type === 'HttpApi')
            ctx.notice(`${node.primary}'s ${type} event ${name} uses the API SAM creates implicitly; it is kept, but not drawn as a node`, ['Resources', node.primary, 'Properties', 'Events', name]);
          continue;
        }
        if (!allowed(source, node.primary)) continue;
        const route: Props = {};
        if (typeof eventProps.Method === 'string') route.method = eventProps.Method.toUpperCase() === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : eventProps.Method.toUpperCase();
        if (typeof eventProps.Path === 'string') route.path = eventProps.Path;
        add({ source, target: node.primary, evidence: [`${node.primary} Events.${name} (${type})`], logicalIds: [], props: route });
      }
    const fromStream = (properties.KinesisStreamSourceConfiguration as Record<string, CfnValue> | undefined)?.KinesisStreamARN;
    for (const id of refsIn(fromStream)) {
      const source = ctx.ownerOf.get(id);
      if (source && allowed(source, node.primary))
        add({ source, target: node.primary, evidence: [`${node.primary} KinesisStreamSourceConfiguration`], logicalIds: [], props: {} });
    }
    if (typeOf(resource) === 'AWS::Events::Rule' || node.kind === 'eventbridge')
      for (const ruleId of [node.primary, ...node.children].filter((id) => typeOf(ctx.resources[id]) === 'AWS::Events::Rule'))
        for (const id of refsIn(ctx.resources[ruleId]?.Properties?.EventPattern)) {
          const source = ctx.ownerOf.get(id);
          if (source && source !== node.primary && allowed(source, node.primary))
            add({ source, target: node.primary, evidence: [`${ruleId} EventPattern matches ${id}`], logicalIds: [], props: {} });
        }
  }

  // 3. A service referring to another. A trigger found above explains its consumer's reference back
  // (a function's permission to read the queue that triggers it); two services referring to each
  // other (a function that starts the workflow which calls it) are two edges.
  const triggers = new Set(edges.keys());
  const explained = (source: string, target: string) => triggers.has(`${target}->${source}`);
  for (const node of ctx.nodes) {
    const actions: string[] = [];
    for (const id of [node.primary, ...node.children]) {
      const resource = ctx.resources[id];
      // A permission names who may invoke the function: evidence for an edge into it, never out of it.
      if (typeOf(resource) === 'AWS::Lambda::Permission') continue;
      const properties = { ...(resource?.Properties ?? {}) };
      delete properties.Events;
      delete properties.AssumeRolePolicyDocument;
      actionsIn(properties as CfnValue, actions);
      for (const { target: ref, path } of referencesWithPaths(properties as CfnValue)) {
        const target = ctx.ownerOf.get(ref);
        if (!target || target === node.primary || !allowed(node.primary, target) || explained(node.primary, target)) continue;
        add({ source: node.primary, target, evidence: [`${id} ${pathText(path)}`], logicalIds: [], props: propsFromResource(ctx.resources, id) });
      }
    }
    for (const edge of edges.values())
      if (edge.source === node.primary && ctx.kindOf.get(node.primary) === 'lambda' && edge.props.access === undefined)
      {
        const access = guessAccess(ctx.kindOf.get(edge.target)!, actions, samPolicyNames(ctx.resources[node.primary]));
        if (access) edge.props.access = access;
      }
  }

  let order = 0;
  return [...edges.values()].map((edge) => {
    const sourceKind = ctx.kindOf.get(edge.source)!;
    const rule = ruleFor(sourceKind, ctx.kindOf.get(edge.target)!)!;
    const props = { ...edge.props };
    if (sourceKind === 'stepfunctions') props.order = ++order;
    // Whatever the template says that a prop cannot express stays in the template: keep only valid props.
    const complete = withDefaults(rule.props, props) as Props;
    for (const issue of validateProps(rule.props, complete)) complete[issue.key] = withDefaults(rule.props, {})[issue.key] as Props[string];
    for (const key of Object.keys(complete)) if (!rule.props.some((s) => s.key === key)) delete complete[key];
    return { ...edge, props: complete };
  });
}

/** What the resource holding a reference says about the edge: an API route, a rule's event pattern. */
function propsFromResource(resources: Record<string, RawResource>, id: string): Props {
  const resource = resources[id];
  const p = resource?.Properties ?? {};
  switch (typeOf(resource)) {
    case 'AWS::ApiGateway::Method':
      return { ...(typeof p.HttpMethod === 'string' ? { method: p.HttpMethod.toUpperCase() } : {}), ...restPath(resources, p.ResourceId) };
    case 'AWS::ApiGatewayV2::Integration': {
      const route = Object.values(resources).find(
        (r) => typeOf(r) === 'AWS::ApiGatewayV2::Route' && refsIn(r.Properties?.Target).includes(id),
      );
      const key = route?.Properties?.RouteKey;
      const match = typeof key === 'string' ? /^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/.exec(key) : null;
      return match ? { method: match[1], path: match[2] } : {};
    }
    case 'AWS::Events::Rule':
      return isPlainData(p.EventPattern) && p.EventPattern && typeof p.EventPattern === 'object' ? { eventPattern: JSON.stringify(p.EventPattern) } : {};
    default:
      return {};
  }
}

/** A REST API resource's path, from its PathPart and its parents up to the API's root. */
function restPath(resources: Record<string, RawResource>, resourceId: CfnValue | undefined): Props {
  const parts: string[] = [];
  let current = resourceId;
  for (let depth = 0; depth < 50; depth++) {
    if (current && typeof current === 'object' && !Array.isArray(current) && 'Fn::GetAtt' in current) return { path: `/${parts.join('/')}` };
    const id = refsIn(current)[0];
    const part = id ? resources[id]?.Properties?.PathPart : undefined;
    if (typeof part !== 'string') return {};
    parts.unshift(part);
    current = resources[id].Properties?.ParentId;
  }
  return {};
}

const isPlainData = (value: CfnValue | undefined): boolean => refsIn(value).length === 0 && !JSON.stringify(value ?? null).includes('"Fn::');

function samPolicyNames(resource: RawResource | undefined): string[] {
  const policies = resource?.Properties?.Policies;
  const list = Array.isArray(policies) ? policies : policies ? [policies] : [];
  return list.flatMap((p) => (p && typeof p === 'object' && !Array.isArray(p) ? Object.keys(p) : []));
}

const SERVICE_PREFIX: Partial<Record<ServiceKind, string>> = {
  dynamodb: 'dynamodb',
  s3: 's3',
  sqs: 'sqs',
  kinesis: 'kinesis',
  sns: 'sns',
};
const READS = /Get|Query|Scan|Read|List|Describe|Receive|Select/;
const WRITES = /Put|Update|Delete|Write|Send|Batch|Create|Publish|\*/;

/** A function's access mode to a service, from the IAM actions (or SAM policy templates) it holds. */
function guessAccess(kind: ServiceKind, actions: string[], samPolicies: string[]): string | undefined {
  const prefix = SERVICE_PREFIX[kind];
  if (!prefix) return undefined;
  const relevant = [
    ...actions.filter((a) => a.startsWith(`${prefix}:`)).map((a) => a.slice(prefix.length + 1)),
    ...samPolicies.filter((p) => p.toLowerCase().startsWith(prefix)).map((p) => p.replace(/Policy$/, '').replace(/Crud/, 'ReadWrite')),
  ];
  const reads = relevant.some((a) => READS.test(a));
  const writes = relevant.some((a) => WRITES.test(a));
  if (kind === 'sqs') return reads && !relevant.some((a) => /Send/.test(a)) ? 'consume' : 'send';
  if (kind === 'kinesis') return reads && !writes ? 'read' : 'write';
  if (kind === 'sns') return 'publish';
  return reads && writes ? 'read-write' : reads ? 'read' : 'write';
}
