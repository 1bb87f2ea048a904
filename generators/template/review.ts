/**
 * What a person should know before a template is deployed with their credentials, as the
 * CloudFormation console asks: the capabilities it needs (IAM, named IAM, macros), what is
 * dangerous in it (IAM trust outside the account, `*` actions, administrator policies, macros,
 * nested stacks), and which resources no node of the diagram draws (an imported template's roles
 * and policies hide there). The page shows it before the change set; the server checks it again.
 */
import type { Graph } from '../graph/model';
import type { CfnValue, Template } from './cfn';

export type Capability = 'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM' | 'CAPABILITY_AUTO_EXPAND';

export interface ReviewFinding {
  severity: 'danger' | 'notice';
  message: string;
  logicalIds: string[];
}

export interface DeployReview {
  capabilities: { capability: Capability; why: string }[];
  findings: ReviewFinding[];
  /** Resources the template deploys that no node stands for on the canvas. */
  undrawn: { logicalId: string; type: string; belongsTo?: string }[];
  /** The template holds nested stacks: the change set must include them to show what they change. */
  nestedStacks: boolean;
}

const IAM_TYPES = /^AWS::IAM::/;
const NAME_PROPERTY: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
};
const NESTED = new Set(['AWS::CloudFormation::Stack', 'AWS::Serverless::Application']);
const AWS_MACROS = new Set(['AWS::Serverless-2016-10-31', 'AWS::Include', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen', 'AWS::SecretsManager-2020-07-23', 'AWS::SecretsManager-2024-09-16']);
const ADMIN_POLICIES = /:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

type Resources = Record<string, { Type: string; Properties?: Record<string, CfnValue> }>;

export function reviewDeployment(graph: Graph, template: Template): DeployReview {
  const resources = template.Resources as unknown as Resources;
  const findings: ReviewFinding[] = [];
  const capabilities = new Map<Capability, string>();
  const need = (capability: Capability, why: string) => capabilities.has(capability) || capabilities.set(capability, why);

  const macros = transformsOf(template);
  if (macros.length) {
    need('CAPABILITY_AUTO_EXPAND', `it uses ${macros.join(', ')}, which CloudFormation expands before deploying`);
    const custom = macros.filter((m) => !AWS_MACROS.has(m));
    if (custom.length)
      findings.push({
        severity: 'danger',
        message: `It runs the macro${custom.length > 1 ? 's' : ''} ${custom.join(', ')}: code in your account that rewrites the template before it is deployed, which this preview cannot show`,
        logicalIds: [],
      });
    else findings.push({ severity: 'notice', message: `AWS expands ${macros.join(', ')} before deploying: the change set shows the expanded resources`, logicalIds: [] });
    // SAM's functions and APIs make roles of their own.
    if (macros.includes('AWS::Serverless-2016-10-31')) need('CAPABILITY_IAM', 'the SAM transform creates IAM roles');
  }

  for (const [logicalId, resource] of Object.entries(resources)) {
    const properties = resource.Properties ?? {};
    if (IAM_TYPES.test(resource.Type)) {
      need('CAPABILITY_IAM', `it creates IAM resources (${logicalId}, ${resource.Type})`);
      const name = NAME_PROPERTY[resource.Type];
      if (name && properties[name] !== undefined) need('CAPABILITY_NAMED_IAM', `${logicalId} gives its ${resource.Type.split('::')[2]} a name of its own`);
    }
    if (NESTED.has(resource.Type)) {
      need('CAPABILITY_AUTO_EXPAND', `it deploys the nested stack ${logicalId}`);
      findings.push({ severity: 'notice', message: `${logicalId} is a nested stack (${resource.Type}): the preview includes the changes inside it`, logicalIds: [logicalId] });
    }
    for (const statement of trustStatements(properties))
      if (!trustsOnlyThisAccount(statement))
        findings.push({
          severity: 'danger',
          message: `${logicalId} can be assumed from outside this account (trust policy principal ${JSON.stringify(statement.Principal)})`,
          logicalIds: [logicalId],
        });
    for (const action of wildcardActions(properties))
      findings.push({ severity: 'danger', message: `${logicalId} grants the action "${action}": every action of ${action === '*' ? 'every service' : action.split(':')[0]}`, logicalIds: [logicalId] });
    for (const arn of managedPolicies(properties))
      if (ADMIN_POLICIES.test(arn)) findings.push({ severity: 'danger', message: `${logicalId} attaches ${arn.split('/').pop()}: near-administrator power over the account`, logicalIds: [logicalId] });
  }

  const undrawn = undrawnResources(graph, resources);
  const hiddenIam = undrawn.filter((r) => IAM_TYPES.test(r.type));
  if (hiddenIam.length)
    findings.push({
      severity: 'notice',
      message: `${hiddenIam.length} IAM resource${hiddenIam.length > 1 ? 's' : ''} no node draws: ${hiddenIam.map((r) => `${r.logicalId} (${r.type}${r.belongsTo ? `, with ${r.belongsTo}` : ''})`).join(', ')}`,
      logicalIds: hiddenIam.map((r) => r.logicalId),
    });
  return {
    capabilities: [...capabilities].map(([capability, why]) => ({ capability, why })),
    findings,
    undrawn,
    nestedStacks: Object.values(resources).some((r) => NESTED.has(r.Type)),
  };
}

/** The macros a template uses: its Transform section and every Fn::Transform. */
function transformsOf(template: Template): string[] {
  const found = new Set<string>();
  const transform = (template as unknown as Record<string, CfnValue>).Transform;
  for (const t of Array.isArray(transform) ? transform : transform ? [transform] : []) found.add(typeof t === 'string' ? t : JSON.stringify(t));
  const walk = (value: CfnValue | undefined) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const fn = value['Fn::Transform'] as Record<string, CfnValue> | undefined;
    if (fn && typeof fn === 'object' && typeof fn.Name === 'string') found.add(fn.Name);
    Object.values(value).forEach(walk);
  };
  walk(template.Resources as unknown as CfnValue);
  return [...found];
}

const asList = (value: CfnValue | undefined): CfnValue[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function trustStatements(properties: Record<string, CfnValue>): Record<string, CfnValue>[] {
  const document = properties.AssumeRolePolicyDocument as Record<string, CfnValue> | undefined;
  return asList(document?.Statement).filter((s): s is Record<string, CfnValue> => !!s && typeof s === 'object' && !Array.isArray(s) && s.Effect !== 'Deny');
}

/** A trust policy trusts only this account when its principals are services, or this account named through AWS::AccountId. */
function trustsOnlyThisAccount(statement: Record<string, CfnValue>): boolean {
  const principal = statement.Principal;
  if (principal === '*') return false;
  if (!principal || typeof principal !== 'object' || Array.isArray(principal)) return true;
  const kinds = Object.keys(principal);
  if (kinds.some((k) => k !== 'Service' && k !== 'AWS' && k !== 'Federated')) return false;
  if (kinds.includes('Federated')) return false;
  return asList(principal.AWS).every((p) => JSON.stringify(p).includes('AWS::AccountId'));
}

/** Every "*" or "service:*" action an Allow statement of the resource's policies grants. */
function wildcardActions(properties: Record<string, CfnValue>): string[] {
  const documents: CfnValue[] = [properties.PolicyDocument, ...asList(properties.Policies).map((p) => (p && typeof p === 'object' && !Array.isArray(p) ? p.PolicyDocument : undefined))].filter(
    (d) => d !== undefined,
  ) as CfnValue[];
  const found: string[] = [];
  for (const document of documents) {
    const statements = asList((document as Record<string, CfnValue>)?.Statement);
    for (const s of statements) {
      if (!s || typeof s !== 'object' || Array.isArray(s) || s.Effect === 'Deny') continue;
      for (const action of asList(s.Action)) if (typeof action === 'string' && (action === '*' || /:\*$/.test(action))) found.push(action);
    }
  }
  return [...new Set(found)];
}

function managedPolicies(properties: Record<string, CfnValue>): string[] {
  return asList(properties.ManagedPolicyArns).flatMap((arn) =>
    typeof arn === 'string'
      ? [arn]
      : (JSON.stringify(arn)
          .match(/policy\/[A-Za-z]+/g)
          ?.map((m) => `arn:aws:iam::aws:${m}`) ?? []),
  );
}

/**
 * An imported diagram's resources that are not what a node is drawn for: its children (a role, a
 * policy, a permission) and connector resources. Resources of nodes added in Eventform are generated
 * from what is drawn, so they are not listed.
 */
function undrawnResources(graph: Graph, resources: Resources): DeployReview['undrawn'] {
  const imported = graph.template?.Resources as Record<string, CfnValue> | undefined;
  if (!imported) return [];
  const drawn = new Set(graph.nodes.map((n) => n.origin?.logicalIds[0]));
  const belongsTo = new Map<string, string>();
  for (const node of graph.nodes) for (const id of node.origin?.logicalIds.slice(1) ?? []) belongsTo.set(id, node.name);
  return Object.entries(resources)
    .filter(([id]) => Object.hasOwn(imported, id) && !drawn.has(id))
    .map(([logicalId, r]) => ({ logicalId, type: r.Type, ...(belongsTo.has(logicalId) ? { belongsTo: belongsTo.get(logicalId) } : {}) }));
}
