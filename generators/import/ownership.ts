/**
 * Which resources of a template become nodes, and which belong to a node without being drawn:
 * an API's methods and stages, a function's role, permissions and log group, a queue's policy.
 * Everything else becomes a generic "CloudFormation resource" node, so nothing is dropped.
 */
import type { CfnValue } from '../template/cfn';
import { referencesOf } from '../template/analysis';
import { SERVICE_KINDS, serviceOf, type ServiceKind } from '../services/registry';

/** The kind that keeps any resource no service recognises. */
const GENERIC_KIND: ServiceKind = SERVICE_KINDS.find((kind) => !serviceOf(kind).modelled)!;

export interface RawResource {
  Type?: CfnValue;
  Properties?: Record<string, CfnValue>;
  [key: string]: CfnValue | undefined;
}

export interface NodePlan {
  kind: ServiceKind;
  /** The resource the node is drawn for. */
  primary: string;
  children: string[];
}

export interface Ownership {
  nodes: NodePlan[];
  /** Resources that belong to an edge's connector (a pipe's role): connector logical id -> its children. */
  connectorChildren: Map<string, string[]>;
  /** logical id -> the primary logical id of the node that owns it */
  ownerOf: Map<string, string>;
  /** The nodes that stand for something outside the template (the default bus), by their shared key. */
  sharedNodes: Map<string, string>;
}

const KIND_BY_TYPE = new Map<string, ServiceKind>(SERVICE_KINDS.flatMap((kind) => serviceOf(kind).imports.types.map((type) => [type, kind] as const)));

/** Child resource types and the properties that name their parent: each module's, and a policy's or a log group's, whoever they name. */
const PARENT_PROPERTY: Readonly<Record<string, readonly string[]>> = Object.assign(
  { 'AWS::Logs::LogGroup': ['LogGroupName'], 'AWS::IAM::Policy': ['Roles'], 'AWS::IAM::ManagedPolicy': ['Roles'] },
  ...SERVICE_KINDS.map((kind) => serviceOf(kind).imports.children ?? {}),
);
/** Child types that name their parent by repeating one of its property values, and the parent's kind. */
const BY_VALUE = new Map(SERVICE_KINDS.flatMap((kind) => Object.entries(serviceOf(kind).imports.childrenByValue ?? {}).map(([type, naming]) => [type, { ...naming, kind }] as const)));
/** Families of types whose every member names its parent (an API's methods, stages, routes...). */
const CHILD_FAMILIES: Readonly<Record<string, string>> = Object.assign({}, ...SERVICE_KINDS.map((kind) => serviceOf(kind).imports.childFamilies ?? {}));
/** Child types whose parent is whoever refers to them (a function names its role, not the reverse). */
const REFERENCED_BY_PARENT = new Set(['AWS::IAM::Role', 'AWS::Logs::LogGroup']);
/** Types that belong to a node when they name one, and are a node themselves otherwise (a rule on the default bus stands for that bus). */
const CHILD_OR_NODE = new Set([...KIND_BY_TYPE.keys()].filter((type) => PARENT_PROPERTY[type]));

export function typeOf(resource: RawResource | undefined): string {
  return typeof resource?.Type === 'string' ? resource.Type : '';
}

function parentProperties(type: string): readonly string[] | undefined {
  if (Object.hasOwn(PARENT_PROPERTY, type)) return PARENT_PROPERTY[type];
  // The family's parents themselves are nodes already; every other member names its parent.
  for (const [prefix, property] of Object.entries(CHILD_FAMILIES)) if (type.startsWith(prefix)) return [property];
  return undefined;
}

/**
 * `claimEdges` sees which resources are nodes and returns the resources that exist only for an
 * edge between two of them (an event source mapping, a subscription, a pipe): those belong to the
 * edge, so deleting the edge deletes them.
 */
export function planOwnership(resources: Record<string, RawResource>, claimEdges: (kindOf: ReadonlyMap<string, ServiceKind>) => ReadonlySet<string> = () => new Set()): Ownership {
  const ids = Object.keys(resources);
  const ownerOf = new Map<string, string>();
  const plans = new Map<string, NodePlan>();
  const isNode = (id: string, kind: ServiceKind) => {
    plans.set(id, { kind, primary: id, children: [] });
    ownerOf.set(id, id);
  };
  for (const id of ids) {
    const type = typeOf(resources[id]);
    const kind = KIND_BY_TYPE.get(type);
    if (!kind || CHILD_OR_NODE.has(type)) continue;
    isNode(id, kind);
  }
  const claimed = claimEdges(new Map([...plans.values()].map((p) => [p.primary, p.kind])));
  const connectorChildren = new Map<string, string[]>([...claimed].map((id) => [id, []]));
  for (const id of claimed) ownerOf.set(id, id);

  const referencedBy = new Map<string, Set<string>>();
  for (const id of ids)
    for (const target of referencesOf((resources[id]?.Properties ?? {}) as CfnValue)) {
      if (!referencedBy.has(target)) referencedBy.set(target, new Set());
      referencedBy.get(target)!.add(id);
    }

  const attach = (child: string, ownerId: string) => {
    const owner = ownerOf.get(ownerId)!;
    (plans.get(owner)?.children ?? connectorChildren.get(owner)!).push(child);
    ownerOf.set(child, owner);
  };
  const uniqueOwner = (refs: Iterable<string>): string | undefined => {
    const owners = new Set([...refs].map((r) => ownerOf.get(r)).filter((o): o is string => o !== undefined));
    return owners.size === 1 ? [...owners][0] : undefined;
  };
  // Children can hang off children (a policy off a role off a function): attach until nothing moves.
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of ids) {
      if (ownerOf.has(id)) continue;
      const type = typeOf(resources[id]);
      const properties = parentProperties(type);
      let owner: string | undefined;
      if (properties) {
        const props = resources[id]?.Properties ?? {};
        owner = uniqueOwner(properties.flatMap((p) => (props[p] === undefined ? [] : referencesOf(props[p] as CfnValue))));
      }
      if (!owner && REFERENCED_BY_PARENT.has(type)) owner = uniqueOwner(referencedBy.get(id) ?? []);
      if (!owner && BY_VALUE.has(type)) owner = parentByValue(resources, plans, id, BY_VALUE.get(type)!);
      if (owner) {
        attach(id, owner);
        changed = true;
      }
    }
  }
  // A rule on a bus the template does not define (usually the default bus) stands for that bus;
  // whatever no service recognises is kept as a generic resource.
  // Several such rules on the same bus share one node.
  const free = (id: string) => !ownerOf.has(id);
  const sharedNodes = new Map<string, string>();
  for (const id of ids) {
    const type = typeOf(resources[id]);
    if (!free(id) || !CHILD_OR_NODE.has(type)) continue;
    const kind = KIND_BY_TYPE.get(type)!;
    const key = serviceOf(kind).imports.sharedKey?.(type, resources[id]?.Properties ?? {});
    const shared = key === undefined ? undefined : sharedNodes.get(key);
    if (shared) attach(id, shared);
    else {
      isNode(id, kind);
      if (key !== undefined) sharedNodes.set(key, id);
    }
  }
  for (const id of ids) if (free(id)) isNode(id, GENERIC_KIND);
  for (const id of claimed) ownerOf.delete(id);
  for (const children of connectorChildren.values()) for (const child of children) ownerOf.delete(child);
  return { nodes: ids.filter((id) => plans.has(id)).map((id) => plans.get(id)!), ownerOf, connectorChildren, sharedNodes };
}

/** The node of the given kind whose property holds the very value the child names it by. */
function parentByValue(resources: Record<string, RawResource>, plans: Map<string, NodePlan>, id: string, naming: { property: string; parentProperty: string; kind: ServiceKind }) {
  const value = resources[id]?.Properties?.[naming.property];
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  const parents = [...plans.values()].filter((p) => p.kind === naming.kind && JSON.stringify(resources[p.primary]?.Properties?.[naming.parentProperty]) === text);
  return parents.length === 1 ? parents[0].primary : undefined;
}
