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
import { validateValue, type PropSpec, type PropValue, type Props } from '../props/spec';
import type { WrittenValue } from '../graph/model';
import { forReading, hasIntrinsic } from '../template/readable';
import { pipeSettings } from '../rules/mapping-import';
import { coerce, keptAsWritten } from './written';
import { ruleFor } from '../rules/table';
import { SERVICE_KINDS, serviceOf, type ServiceKind } from '../services/registry';
import type { ConnectorSpec, ImpliedSource } from '../services/types';
import type { CfnValue } from '../template/cfn';
import { referencesOf } from '../template/analysis';
import { typeOf, type NodePlan, type RawResource } from './ownership';
import { actionsIn, referencesWithPaths } from './references';
import { pathText } from './paths';
import { grantAt, grantSources, guessAccess, PASSED_ALONG, readsAsTriggered, samPolicyNames, samPolicyTargets, unDrawnGrants, valueAt } from './grants';

export interface RecoveredEdge {
  source: string;
  target: string;
  evidence: string[];
  logicalIds: string[];
  /** What the template says of the edge's props, raw: read into props, or kept as written. */
  props: Record<string, CfnValue>;
}

/** A recovered edge with its props read: what a prop cannot hold is shown as the template writes it. */
export interface ReadEdge extends Omit<RecoveredEdge, 'props'> {
  props: Props;
  written: Record<string, WrittenValue>;
}

const refsIn = (value: CfnValue | undefined) => (value === undefined ? [] : [...new Set(referencesOf(value))]);

/** Connector resources of every kind's family, and a pipe: the properties naming their two ends. */
const CONNECTORS: Readonly<Record<string, ConnectorSpec>> = Object.assign(
  { 'AWS::Pipes::Pipe': { source: 'Source', target: 'Target', props: pipeSettings } },
  ...SERVICE_KINDS.map((kind) => serviceOf(kind).imports.connectors ?? {}),
);

/** Resources that exist only for one edge, given which resources are nodes of which kind. */
export function claimConnectors(resources: Record<string, RawResource>, kindOf: ReadonlyMap<string, ServiceKind>): RecoveredEdge[] {
  const edges: RecoveredEdge[] = [];
  const only = (value: CfnValue | undefined) => {
    const nodes = refsIn(value).filter((id) => kindOf.has(id));
    return nodes.length === 1 ? nodes[0] : undefined;
  };
  for (const [id, resource] of Object.entries(resources)) {
    const type = typeOf(resource);
    if (!Object.hasOwn(CONNECTORS, type)) continue;
    const connector = CONNECTORS[type];
    const p = resource?.Properties ?? {};
    const source = only(p[connector.source]);
    const target = only(p[connector.target]);
    if (!source || !target || !ruleFor(kindOf.get(source)!, kindOf.get(target)!)) continue;
    edges.push({ source, target, evidence: [`${type} ${id}`], logicalIds: [id], props: connector.props?.(p) ?? {} });
  }
  return edges;
}

/** SAM event types and the property naming their source, from the modules of the kinds that are such sources. */
const SAM_EVENT_SOURCE: Readonly<Record<string, string>> = Object.assign({}, ...SERVICE_KINDS.map((kind) => serviceOf(kind).imports.samEvents ?? {}));

export interface EdgeContext {
  resources: Record<string, RawResource>;
  nodes: readonly NodePlan[];
  ownerOf: ReadonlyMap<string, string>;
  kindOf: ReadonlyMap<string, ServiceKind>;
  /** Nodes standing for something outside the template, by shared key (the default bus's rules). */
  sharedNodes: ReadonlyMap<string, string>;
  /** A node the template uses without defining (the default bus of a SAM event): its id, drawn once per key. */
  imply(kind: ServiceKind, source: ImpliedSource): string;
  /** How a node is called in what the import reports: its logical id, or the name of a node several resources share (the bus of a parameter). */
  nameOf(node: string): string;
  /** The node standing for what a template parameter names (a bus given as `!Ref BusName`), once drawn. */
  nodeOfParameter(parameter: string): string | undefined;
  /** The node standing for something outside the template, by its shared key, once drawn. */
  nodeOfKey(key: string): string | undefined;
  /** Noted for the import report: things that are wired but cannot be drawn. */
  notice(message: string, path: (string | number)[]): void;
}

export function recoverEdges(ctx: EdgeContext, connectors: RecoveredEdge[]): ReadEdge[] {
  const edges = new Map<string, RecoveredEdge & { variants: Record<string, CfnValue[]> }>();
  const add = (edge: RecoveredEdge) => {
    const key = `${edge.source}->${edge.target}`;
    const existing = edges.get(key);
    if (existing) {
      existing.evidence.push(...edge.evidence.filter((e) => !existing.evidence.includes(e)));
      existing.logicalIds.push(...edge.logicalIds);
      // Two rules routing to one target, each with its own pattern: the edge shows both, as written.
      for (const [key, value] of Object.entries(edge.props)) {
        if (!(key in existing.props)) existing.props[key] = value;
        else if (JSON.stringify(existing.props[key]) !== JSON.stringify(value)) (existing.variants[key] ??= [existing.props[key]]).push(value);
      }
    } else edges.set(key, { ...edge, evidence: [...edge.evidence], logicalIds: [...edge.logicalIds], props: { ...edge.props }, variants: {} });
  };
  const allowed = (source: string, target: string) => source !== target && ruleFor(ctx.kindOf.get(source)!, ctx.kindOf.get(target)!) !== undefined;

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
        const sourceProperty = Object.hasOwn(SAM_EVENT_SOURCE, type) ? SAM_EVENT_SOURCE[type] : undefined;
        const where = ['Resources', node.primary, 'Properties', 'Events', name];
        const source =
          (sourceProperty &&
            refsIn(eventProps[sourceProperty])
              .map((id) => ctx.ownerOf.get(id))
              .find((o) => o !== undefined)) ||
          impliedSource(ctx, type, eventProps);
        if (!source) {
          ctx.notice(`${node.primary}'s ${type} event ${name} is kept in the template, but not drawn: ${undrawnEventReason(type)}`, where);
          continue;
        }
        if (!allowed(source, node.primary)) {
          ctx.notice(`${node.primary}'s ${type} event ${name} is kept in the template, but not drawn: the canvas has no connection from ${ctx.kindOf.get(source)} to ${node.kind}`, where);
          continue;
        }
        const settings: Record<string, CfnValue> = { ...serviceOf(node.kind).imports.samEventProps?.(eventProps) };
        if (typeof eventProps.Method === 'string') settings.method = eventProps.Method.toUpperCase() === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : eventProps.Method.toUpperCase();
        if (typeof eventProps.Path === 'string') settings.path = eventProps.Path;
        add({ source, target: node.primary, evidence: [`${node.primary} Events.${name} (${type})`], logicalIds: [], props: settings });
      }
    // An API admitting a website's origin (its WebsiteURL) in its CORS: the website's pages call it.
    const origins = (properties.CorsConfiguration as Record<string, CfnValue> | undefined)?.AllowOrigins;
    for (const id of refsIn(origins)) {
      const source = ctx.ownerOf.get(id);
      if (source && allowed(source, node.primary)) add({ source, target: node.primary, evidence: [`${node.primary} CorsConfiguration.AllowOrigins`], logicalIds: [], props: {} });
    }
    const fromStream = (properties.KinesisStreamSourceConfiguration as Record<string, CfnValue> | undefined)?.KinesisStreamARN;
    for (const id of refsIn(fromStream)) {
      const source = ctx.ownerOf.get(id);
      if (source && allowed(source, node.primary)) add({ source, target: node.primary, evidence: [`${node.primary} KinesisStreamSourceConfiguration`], logicalIds: [], props: {} });
    }
    // A rule of the node's whose pattern names a resource (a bucket's events): that resource triggers the node.
    for (const ruleId of [node.primary, ...node.children].filter((id) => typeOf(ctx.resources[id]) === 'AWS::Events::Rule'))
      for (const id of refsIn(ctx.resources[ruleId]?.Properties?.EventPattern)) {
        const source = ctx.ownerOf.get(id);
        if (source && source !== node.primary && allowed(source, node.primary)) add({ source, target: node.primary, evidence: [`${ruleId} EventPattern matches ${id}`], logicalIds: [], props: {} });
      }
  }

  // 3. A service referring to another. A trigger found above explains its consumer's reference back
  // (a function's permission to read the queue that triggers it); two services referring to each
  // other (a function that starts the workflow which calls it) are two edges.
  const triggers = new Set(edges.keys());
  const explained = (source: string, target: string) => triggers.has(`${target}->${source}`);
  for (const node of ctx.nodes) grantEdgesOf(ctx, node, { add, allowed, explained, edges });

  // Steps are numbered per state machine, in the order the template names its targets.
  const steps = new Map<string, number>();
  return [...edges.values()].map((edge) => {
    const rule = ruleFor(ctx.kindOf.get(edge.source)!, ctx.kindOf.get(edge.target)!)!;
    const settings = { ...edge.props };
    const named = nameNodes(ctx, rule.props, settings);
    if (rule.props.some((spec) => spec.key === 'order')) {
      const order = (steps.get(edge.source) ?? 0) + 1;
      steps.set(edge.source, order);
      settings.order = order;
    }
    const { variants, ...recovered } = edge;
    const read = readSettings(rule.props, settings);
    Object.assign(read.written, named);
    for (const [key, values] of Object.entries(variants))
      if (rule.props.some((spec) => spec.key === key))
        read.written[key] = {
          value: values
            .map((v) => (typeof v === 'string' ? v : JSON.stringify(forReading(v))))
            .join(' | ')
            .slice(0, 4096),
          why: `${values.length} resources route here, each with its own`,
        };
    return { ...recovered, ...read };
  });
}

/**
 * 3. for one node: the references in the resources whose grants speak for it (its own, a shared role,
 * attached policies), each an edge where the rule table has the pair, with the access its grants on
 * that target hold; what cannot be drawn is said.
 */
function grantEdgesOf(
  ctx: EdgeContext,
  node: NodePlan,
  {
    add,
    allowed,
    explained,
    edges,
  }: { add: (edge: RecoveredEdge) => void; allowed: (source: string, target: string) => boolean; explained: (source: string, target: string) => boolean; edges: ReadonlyMap<string, RecoveredEdge> },
): void {
  const actions: string[] = [];
  const samPolicies = samPolicyNames(ctx.resources[node.primary]);
  const weak = new Map<string, { evidence: string; path: (string | number)[] }>();
  // What the grants naming each target hold: a function's access to one table is not its access to another.
  const grantsOn = new Map<string, { actions: string[]; samPolicies: string[] }>();
  const undrawable = unDrawnGrants(ctx, node);
  for (const id of grantSources(ctx, node)) {
    const resource = ctx.resources[id];
    // A permission or a resource policy names who may reach the node: evidence for an edge into it, never out of it.
    if (RESOURCE_POLICIES.has(typeOf(resource))) continue;
    const properties = { ...(resource?.Properties ?? {}) };
    delete properties.Events;
    delete properties.AssumeRolePolicyDocument;
    // Which queues may use this one as their dead-letter queue: evidence into it, never out of it.
    delete properties.RedriveAllowPolicy;
    actionsIn(properties as CfnValue, actions);
    const shared = id !== node.primary && !node.children.includes(id) ? ' (shared)' : '';
    for (const { target: ref, path } of referencesWithPaths(properties as CfnValue)) {
      const target = ctx.ownerOf.get(ref) ?? ctx.nodeOfParameter(ref);
      if (!target && !Object.hasOwn(ctx.resources, ref)) undrawable.given(ref, ['Resources', id, 'Properties', ...path]);
      if (!target || target === node.primary) continue;
      if (!allowed(node.primary, target)) {
        undrawable.add(target, ['Resources', id, 'Properties', ...path]);
        continue;
      }
      const evidence = `${id} ${pathText(path)}${shared}`;
      // A name passed along (a description, an environment variable) is no connection on its own.
      if (path.some((key) => typeof key === 'string' && PASSED_ALONG.has(key))) {
        if (!weak.has(target)) weak.set(target, { evidence, path: ['Resources', id, 'Properties', ...path] });
        continue;
      }
      const grant = grantAt(properties as CfnValue, path);
      const held = grantsOn.get(target) ?? { actions: [], samPolicies: [] };
      held.actions.push(...grant.actions);
      held.samPolicies.push(...grant.samPolicies);
      grantsOn.set(target, held);
      // A function's permission to read what triggers it (a queue's messages, a stream's records) is part of the trigger;
      // anything more (a write to the table whose stream triggers it, a read of the bucket that notifies it) is an edge.
      if (explained(node.primary, target) && readsAsTriggered(ctx.kindOf.get(target)!, grant)) continue;
      const carrier = serviceOf(node.kind).imports.propOfEdgeAt?.(path);
      if (carrier) {
        const drawn = refsIn(valueAt(properties as CfnValue, carrier)).some((ref) => ctx.ownerOf.has(ref) && allowed(node.primary, ctx.ownerOf.get(ref)!));
        if (!drawn)
          ctx.notice(`${pathText(['Resources', id, 'Properties', ...path])} names ${ctx.nameOf(target)}, for a target the diagram does not draw (${pathText(carrier)}): kept in the template`, [
            'Resources',
            id,
            'Properties',
            ...path,
          ]);
        continue;
      }
      const notAnEdge = serviceOf(node.kind).imports.notAnEdge?.(path);
      if (notAnEdge) {
        ctx.notice(`${pathText(['Resources', id, 'Properties', ...path])} names ${ctx.nameOf(target)}: ${notAnEdge}`, ['Resources', id, 'Properties', ...path]);
        continue;
      }
      add({ source: node.primary, target, evidence: [evidence], logicalIds: [], props: serviceOf(node.kind).imports.edgeProps?.(ctx.resources, id, path) ?? {} });
    }
  }
  for (const { target, evidence, policy } of samPolicyTargets(ctx, node))
    if (target !== node.primary && allowed(node.primary, target)) {
      add({ source: node.primary, target, evidence: [evidence], logicalIds: [], props: {} });
      const held = grantsOn.get(target) ?? { actions: [], samPolicies: [] };
      held.samPolicies.push(policy);
      grantsOn.set(target, held);
    }
  undrawable.report();
  // A name passed along counts when a permission on that kind of service stands behind it (a statement on "*").
  for (const [target, { evidence, path }] of weak) {
    if (edges.has(`${node.primary}->${target}`) || explained(node.primary, target)) continue;
    if (guessAccess(ctx.kindOf.get(target)!, actions, samPolicies) !== undefined) add({ source: node.primary, target, evidence: [evidence], logicalIds: [], props: {} });
    else ctx.notice(`${pathText(path)} names ${ctx.nameOf(target)}, but no permission in the template lets ${node.primary} use it: not drawn as a connection`, path);
  }
  for (const edge of edges.values()) {
    if (edge.source !== node.primary || edge.props.access !== undefined) continue;
    const rule = ruleFor(node.kind, ctx.kindOf.get(edge.target)!)!;
    if (!rule.props.some((spec) => spec.key === 'access')) continue;
    // The grants naming the target decide; a statement on "*" (all the function holds) only when none does.
    const own = grantsOn.get(edge.target);
    const kind = ctx.kindOf.get(edge.target)!;
    const access = (own && guessAccess(kind, own.actions, own.samPolicies)) ?? guessAccess(kind, actions, samPolicies);
    if (access) edge.props.access = access;
    // A grant none of the canvas's modes describes (a callback's states:SendTaskSuccess) is shown as the actions it holds.
    else if (own?.actions.length) edge.props.access = [...new Set(own.actions)].join(', ');
  }
}

/**
 * A prop naming a node (a pipe's enrichment, a dead-letter queue) is drawn with the name of the
 * node its reference resolves to; one naming something the diagram does not draw (a queue in
 * another stack) is kept as written, and the prop is left empty.
 */
function nameNodes(ctx: EdgeContext, specs: readonly PropSpec[], settings: Record<string, CfnValue>): Record<string, WrittenValue> {
  const written: Record<string, WrittenValue> = {};
  for (const spec of specs) {
    const raw = settings[spec.key];
    if (spec.type !== 'string' || !spec.names || raw === undefined) continue;
    const node = refsIn(raw)
      .map((id) => ctx.ownerOf.get(id))
      .find((owner) => owner !== undefined && spec.names!.includes(ctx.kindOf.get(owner)!));
    if (node) settings[spec.key] = node;
    else {
      delete settings[spec.key];
      const kinds = spec.names.map((kind) => serviceOf(kind as ServiceKind).shortTitle).join(' or ');
      written[spec.key] = { ...keptAsWritten(raw, spec.label), why: `what it names is no ${kinds} of this diagram (it is outside the template, or of another kind)` };
    }
  }
  return written;
}

/**
 * An edge's props from what its template says: a value a prop can hold is read; one it cannot (an
 * intrinsic, a value out of range) is kept as written and the prop holds CloudFormation's value
 * for an absent property (or the default); a property the template leaves out is that value too.
 */
function readSettings(specs: readonly PropSpec[], settings: Record<string, CfnValue>): { props: Props; written: Record<string, WrittenValue> } {
  const props: Props = {};
  const written: Record<string, WrittenValue> = {};
  for (const spec of specs) {
    const fallback = spec.absent ?? spec.default;
    const raw = settings[spec.key];
    if (raw === undefined) {
      props[spec.key] = fallback;
      if (spec.unstated) written[spec.key] = { value: 'not in the template', why: spec.unstated };
      continue;
    }
    const computed = hasIntrinsic(raw);
    const value = coerceTo(spec, computed ? forReading(raw) : raw);
    if (value !== undefined && validateValue(spec, value) === null) {
      props[spec.key] = value;
      if (computed) written[spec.key] = { value: String(value), why: 'the template computes part of it when the stack is deployed' };
    } else {
      props[spec.key] = fallback;
      written[spec.key] = keptAsWritten(raw, spec.label);
    }
  }
  return { props, written };
}

/** An edge's JSON-valued props (a rule's pattern, a filter) arrive as objects: their text is the prop. */
const coerceTo = (spec: PropSpec, raw: CfnValue): PropValue | undefined => (spec.type === 'string' && raw !== null && typeof raw === 'object' ? JSON.stringify(raw) : coerce(raw, spec.type));

/** Resources saying who may reach their node (a queue's policy lets a rule send to it). */
const RESOURCE_POLICIES = new Set(['AWS::Lambda::Permission', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::S3::BucketPolicy', 'AWS::Events::EventBusPolicy']);

/** The node a SAM event stands on when the template defines none (the default bus, a schedule). */
function impliedSource(ctx: EdgeContext, type: string, eventProps: Record<string, CfnValue>): string | undefined {
  for (const kind of SERVICE_KINDS) {
    const implied = serviceOf(kind).imports.impliedSource?.(type, eventProps);
    if (implied) return ctx.sharedNodes.get(implied.key) ?? (implied.drawn ? ctx.imply(kind, implied) : undefined);
  }
  return undefined;
}

function undrawnEventReason(type: string): string {
  if (type === 'Api' || type === 'HttpApi') return 'it uses the API SAM creates implicitly, which the template does not declare as a resource';
  return `the canvas draws no ${type} source`;
}
