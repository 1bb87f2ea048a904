/**
 * What a node's permissions say about its connections: the resources whose grants speak for it (its
 * own, a role it shares, the policies attached to that role, an API's integration role named only in
 * its included definition), what each grant holds, the access mode that fits, and the grants the
 * canvas cannot draw, said as warnings.
 */
import { CONNECTION_RULES } from '../rules/table';
import { SERVICE_KINDS, serviceOf, type ServiceKind } from '../services/registry';
import type { CfnValue } from '../template/cfn';
import { referencesOf } from '../template/analysis';
import type { EdgeContext } from './edges';
import { typeOf, type NodePlan, type RawResource } from './ownership';
import { actionsIn } from './references';
import { pathText } from './paths';

const refsIn = (value: CfnValue | undefined) => (value === undefined ? [] : [...new Set(referencesOf(value))]);

/** Properties where a reference only passes a name along: no edge without a permission behind it. */
export const PASSED_ALONG = new Set(['Description', 'Environment', 'Tags', 'Metadata']);

/**
 * The resources whose references and IAM actions speak for a node: its own, plus a role it uses
 * that other functions share and the policies attached to that role (AWS::IAM::Policy and
 * ManagedPolicy naming it, managed policies it lists), which belong to no single node.
 */
export function grantSources(ctx: EdgeContext, node: NodePlan): string[] {
  const ids = [node.primary, ...node.children];
  const roles = refsIn(ctx.resources[node.primary]?.Properties?.Role).filter((id) => typeOf(ctx.resources[id]) === 'AWS::IAM::Role' && !node.children.includes(id));
  roles.push(...unnamedRolesOf(ctx, node));
  for (const role of roles) {
    ids.push(role);
    for (const managed of refsIn(ctx.resources[role]?.Properties?.ManagedPolicyArns)) if (typeOf(ctx.resources[managed]) === 'AWS::IAM::ManagedPolicy') ids.push(managed);
    for (const [id, resource] of Object.entries(ctx.resources))
      if ((typeOf(resource) === 'AWS::IAM::Policy' || typeOf(resource) === 'AWS::IAM::ManagedPolicy') && refsIn(resource.Properties?.Roles).includes(role)) ids.push(id);
  }
  return [...new Set(ids)];
}

/**
 * A permission (or a workflow's task) naming a service the canvas has no connection to from this
 * node's kind (a workflow writing to a bucket) is said once per pair, at the first place it is
 * granted: the reader expects a line there. Generic resources (roles, log groups) draw none anyway.
 */
export function unDrawnGrants(ctx: EdgeContext, node: NodePlan) {
  const first = new Map<string, (string | number)[]>();
  const parameters = new Map<string, { path: (string | number)[]; actions: string[] }>();
  return {
    /** A statement granting actions on whatever a parameter names (a bus given by its ARN): which node that is, the template does not say. */
    given(parameter: string, path: (string | number)[]) {
      if (parameters.has(parameter) || !path.includes('Resource') || !CONNECTS.has(node.kind)) return;
      const actions = grantAt(ctx.resources[String(path[1])]?.Properties ?? {}, path.slice(3)).actions.filter((a) => DRAWN_SERVICES.has(a.split(':')[0].toLowerCase()));
      if (actions.length) parameters.set(parameter, { path, actions });
    },
    add(target: string, path: (string | number)[]) {
      const passedAlong = path.some((key) => typeof key === 'string' && PASSED_ALONG.has(key));
      if (passedAlong || first.has(target) || !CONNECTS.has(node.kind) || !CONNECTS.has(ctx.kindOf.get(target)!)) return;
      const held = grantAt(ctx.resources[String(path[1])]?.Properties ?? {}, path.slice(3));
      if (held.actions.length === 0 && held.samPolicies.length === 0 && !path.includes('DefinitionSubstitutions')) return;
      first.set(target, path);
    },
    report() {
      for (const [parameter, { path, actions }] of parameters)
        ctx.notice(
          `${pathText(path)} lets ${node.primary} use what the parameter ${parameter} names (${[...new Set(actions)].join(', ')}): no node of the diagram stands for it, so it is not drawn`,
          path,
        );
      for (const [target, path] of first)
        ctx.notice(
          `${pathText(path)} lets ${node.primary} use ${ctx.nameOf(target)}, but the canvas has no connection from ${node.kind} to ${ctx.kindOf.get(target)}: kept in the template, not drawn`,
          path,
        );
    },
  };
}

/** The kinds some row of the rule table connects (a generic resource, a role or a log group, connects to nothing). */
const CONNECTS = new Set(CONNECTION_RULES.flatMap((rule) => [rule.from, rule.to]));

/** The IAM service prefixes of the kinds the canvas draws (logs and X-Ray grants are no connection). */
const DRAWN_SERVICES = new Set(SERVICE_KINDS.flatMap((kind) => Object.values(serviceOf(kind).access.modes).flatMap((mode) => mode.actions.map((action) => action.split(':')[0].toLowerCase()))));

/**
 * Roles the node's kind assumes that no resource of the template names (an API's integration role,
 * named in an OpenAPI file the template includes): the node's, when it is the template's only node
 * of its kind; with several, which one uses the role is not in the template, and the import says so.
 */
function unnamedRolesOf(ctx: EdgeContext, node: NodePlan): string[] {
  const principal = serviceOf(node.kind).imports.assumesUnnamedRolesAs;
  if (!principal) return [];
  const named = new Set(Object.values(ctx.resources).flatMap((resource) => refsIn(resource?.Properties as CfnValue)));
  const roles = Object.keys(ctx.resources).filter(
    (id) => typeOf(ctx.resources[id]) === 'AWS::IAM::Role' && !named.has(id) && JSON.stringify(ctx.resources[id]?.Properties?.AssumeRolePolicyDocument ?? '').includes(principal),
  );
  const peers = ctx.nodes.filter((n) => n.kind === node.kind);
  if (peers.length === 1) return roles;
  if (peers[0] === node)
    for (const role of roles) {
      const granted = [
        ...new Set(
          refsIn(ctx.resources[role]?.Properties?.Policies)
            .map((id) => ctx.ownerOf.get(id))
            .filter((id) => id !== undefined && CONNECTS.has(ctx.kindOf.get(id)!)),
        ),
      ];
      const on = granted.length ? ` (on ${granted.map((id) => ctx.nameOf(id!)).join(', ')})` : '';
      ctx.notice(`${role} is a role ${principal} assumes, but no resource of the template names it and the template has ${peers.length} such nodes: its grants${on} are not drawn`, [
        'Resources',
        role,
      ]);
    }
  return [];
}

/** What the statement, or the SAM policy template, holding a reference grants: its actions, or the template's name. */
export function grantAt(properties: CfnValue, path: (string | number)[]): { actions: string[]; samPolicies: string[] } {
  const statement = path.lastIndexOf('Statement');
  // A policy's Statement is a list of statements, or a single one written as a map.
  if (statement >= 0) return { actions: actionsIn(valueAt(properties, path.slice(0, typeof path[statement + 1] === 'number' ? statement + 2 : statement + 1))), samPolicies: [] };
  const policies = path.indexOf('Policies');
  const template = policies >= 0 ? path[policies + 2] : undefined;
  return { actions: [], samPolicies: typeof template === 'string' && !IAM_POLICY_KEYS.has(template) ? [template] : [] };
}

/** Keys of an inline IAM policy (a role's), which are no SAM policy template's name. */
const IAM_POLICY_KEYS = new Set(['PolicyDocument', 'PolicyName']);

export const valueAt = (value: CfnValue, path: (string | number)[]): CfnValue | undefined =>
  path.reduce<CfnValue | undefined>((v, key) => (v && typeof v === 'object' ? (v as Record<string | number, CfnValue>)[key] : undefined), value);

/** Whether a grant holds only what an event source needs to read the kind (a mapping's, a pipe's), by its actions or SAM policy templates. */
export function readsAsTriggered(kind: ServiceKind, grant: { actions: string[]; samPolicies: string[] }): boolean {
  const { access, imports } = serviceOf(kind);
  if (!access.readAsSource) return false;
  const held = [...grant.actions];
  for (const name of grant.samPolicies) {
    if (imports.samSourcePolicies?.includes(name)) {
      held.push(...access.readAsSource);
      continue;
    }
    const mode = imports.samPolicies && Object.hasOwn(imports.samPolicies, name) ? access.modes[imports.samPolicies[name]] : undefined;
    if (!mode) return false;
    held.push(...mode.actions);
  }
  const reading = new Set(access.readAsSource.map((a) => a.toLowerCase()));
  return held.length > 0 && held.every((action) => reading.has(action.toLowerCase()));
}

/** Whether an action is among those held, IAM wildcards included (`dynamodb:*`). */
const matchers = (actions: string[]) => {
  const patterns = actions.map((a) => new RegExp(`^${a.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'));
  return (action: string) => patterns.some((p) => p.test(action));
};

/** SAM policy templates of the node naming, by a value no reference resolves, a node that stands for something outside the template. */
export function samPolicyTargets(ctx: EdgeContext, node: NodePlan): { target: string; evidence: string; policy: string }[] {
  const policies = ctx.resources[node.primary]?.Properties?.Policies;
  const list = Array.isArray(policies) ? policies : policies ? [policies] : [];
  const found: { target: string; evidence: string; policy: string }[] = [];
  list.forEach((policy, i) => {
    if (!policy || typeof policy !== 'object' || Array.isArray(policy)) return;
    for (const [name, parameters] of Object.entries(policy)) {
      if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) continue;
      for (const kind of SERVICE_KINDS) {
        const keyOf = serviceOf(kind).imports.samPolicyKeys?.[name];
        const key = keyOf?.(parameters);
        const target = key === undefined ? undefined : ctx.nodeOfKey(key);
        if (target) found.push({ target, evidence: `${node.primary} Policies[${i}].${name}`, policy: name });
      }
    }
  });
  return found;
}

export function samPolicyNames(resource: RawResource | undefined): string[] {
  const policies = resource?.Properties?.Policies;
  const list = Array.isArray(policies) ? policies : policies ? [policies] : [];
  return list.flatMap((p) => (p && typeof p === 'object' && !Array.isArray(p) ? Object.keys(p) : []));
}

/**
 * A function's access mode to a service, from the IAM actions (and SAM policy templates) it holds:
 * the mode whose actions it holds most of, the narrower one on a tie. The target kind's module
 * owns the modes and their actions, so this is the same list granting uses.
 */
export function guessAccess(kind: ServiceKind, actions: string[], samPolicies: string[]): string | undefined {
  const { access, imports } = serviceOf(kind);
  const modes = Object.entries(access.modes);
  const held = [...actions];
  for (const name of samPolicies) {
    const mode = imports.samPolicies && Object.hasOwn(imports.samPolicies, name) ? access.modes[imports.samPolicies[name]] : undefined;
    if (mode) held.push(...mode.actions);
  }
  const holds = matchers(held);
  let best: { mode: string; covered: number; size: number } | undefined;
  for (const [mode, { actions: wanted }] of modes) {
    const covered = wanted.filter(holds).length;
    if (covered > 0 && (!best || covered > best.covered || (covered === best.covered && wanted.length < best.size))) best = { mode, covered, size: wanted.length };
  }
  return best?.mode;
}
