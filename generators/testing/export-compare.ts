/**
 * What two templates of one diagram are compared on: the services and connections Eventform's own
 * importer recovers from each, and the IAM actions each function's role holds on each service.
 * The exports (CDK, SAM) are held to Eventform's own template with these.
 */
import type { Graph, GraphNode } from '../graph/model';
import { importTemplate } from '../import';
import type { CfnValue, Template } from '../template/cfn';

/** CDK appends an 8-character hash to the logical ids of constructs it names ("Orders0DDF945A"). */
const LAYOUT_KEY = 'Eventform::Layout';

const CDK_HASH = /[0-9A-F]{8}$/;
export const withoutCdkHash = (logicalId: string) => logicalId.replace(CDK_HASH, '');

export interface Connections {
  services: string[];
  connections: string[];
}

/** The services ("kind Name") and connections ("Source -> Target") the importer recovers from a template. */
export function connectionsOf(template: Template): Connections {
  // Eventform's own layout metadata would hand the importer the drawn edges: only the wiring counts here.
  const { [LAYOUT_KEY]: _layout, ...metadata } = (template.Metadata ?? {}) as Record<string, unknown>;
  const result = importTemplate(JSON.stringify({ ...template, Metadata: metadata }));
  if (!result.ok) throw new Error(`the template does not import: ${result.error}`);
  const names = new Map(result.graph.nodes.map((n) => [n.id, withoutCdkHash(n.name)]));
  return {
    services: result.graph.nodes.map((n) => `${n.kind} ${names.get(n.id)}`).sort(),
    connections: [...new Set(result.graph.edges.map((e) => `${names.get(e.source)} -> ${names.get(e.target)}`))].sort(),
  };
}

/** The logical ids a value refers to, and the literal texts in it. */
function walk(value: CfnValue | undefined, ids: Set<string>, texts: string[]) {
  if (typeof value === 'string') texts.push(value);
  else if (Array.isArray(value)) for (const v of value) walk(v, ids, texts);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, CfnValue>;
    if (typeof o.Ref === 'string') ids.add(o.Ref);
    else if (Array.isArray(o['Fn::GetAtt'])) ids.add(String(o['Fn::GetAtt'][0]));
    else if (o['Fn::Sub'] !== undefined) {
      const [text, vars] = Array.isArray(o['Fn::Sub']) ? o['Fn::Sub'] : [o['Fn::Sub'], {}];
      for (const m of String(text).matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}/g)) if (!(vars as Record<string, unknown>)[m[1]]) ids.add(m[1]);
      texts.push(String(text));
      walk(vars as CfnValue, ids, texts);
    } else for (const v of Object.values(o)) walk(v, ids, texts);
  }
}

/** The diagram's node a resource expression names: by logical id (CDK hash and suffixes aside) or by the known name in an ARN. */
function nodesNamed(value: CfnValue, graph: Graph): GraphNode[] {
  const ids = new Set<string>();
  const texts: string[] = [];
  walk(value, ids, texts);
  const found = new Set<GraphNode>();
  const byLongestPrefix = (logicalId: string) => graph.nodes.filter((n) => withoutCdkHash(logicalId).startsWith(n.name)).sort((a, b) => b.name.length - a.name.length)[0] as GraphNode | undefined;
  for (const logicalId of ids) {
    const node = byLongestPrefix(logicalId);
    if (node) found.add(node);
  }
  for (const text of texts) {
    for (const m of text.matchAll(/:function:([A-Za-z0-9]+)-/g)) graph.nodes.filter((n) => n.kind === 'lambda' && n.name.startsWith(m[1])).forEach((n) => found.add(n));
    for (const m of text.matchAll(/:s3:::([a-z0-9]+)-/g)) graph.nodes.filter((n) => n.kind === 's3' && n.name.toLowerCase().startsWith(m[1])).forEach((n) => found.add(n));
  }
  return [...found];
}

/** The key under which actions granted on every resource ("*") are listed. */
export const ANY_RESOURCE = '*';

/** Actions a CDK construct grants a function on every resource, and why that is acceptable (the export tests hold the app to this list). */
export const CDK_GRANTS_ON_ANY_RESOURCE: Readonly<Record<string, string>> = {
  'dynamodb:ListStreams': 'DynamoEventSource lets the function list stream ARNs (IAM has no narrower resource for it); it reads no record with it',
};

/**
 * Actions the roles CDK makes for a service (a workflow's, a rule's, a pipe's, a delivery stream's)
 * hold beyond Eventform's for that service, and why that is acceptable (the export tests hold the app to this list).
 */
export const CDK_SERVICE_ROLE_EXTRAS: Readonly<Record<string, { actions: readonly string[]; why: string }>> = {
  'pipes.amazonaws.com': {
    actions: ['dynamodb:ListStreams', 'sqs:GetQueueUrl', 'sqs:GetQueueAttributes', 'kinesis:ListStreams', 'kinesis:DescribeStreamConsumer', 'kinesis:ListShards', 'kinesis:PutRecords'],
    why: "the grant helpers on a pipe's role: looking up the queue, the streams and their shards, and putting records in batches as well as one by one, on the pipe's own source and target",
  },
  'firehose.amazonaws.com': {
    actions: [
      's3:GetObject*',
      's3:GetBucket*',
      's3:List*',
      's3:DeleteObject*',
      's3:PutObjectLegalHold',
      's3:PutObjectRetention',
      's3:PutObjectTagging',
      's3:PutObjectVersionTagging',
      's3:Abort*',
      'kinesis:ListStreams',
      'kinesis:DescribeStreamConsumer',
    ],
    why: "firehose.S3Bucket grants the delivery stream read-write on its own bucket (CDK's grantReadWrite), and KinesisStreamSource its stream's read grant",
  },
  'lambda.amazonaws.com': { actions: ['s3:PutBucketNotification'], why: "CDK's own function that sets a bucket's notifications (addEventNotification), on that bucket only" },
  'scheduler.amazonaws.com': { actions: ['kinesis:PutRecords'], why: "the stream's write grant puts records in batches as well as one by one, on the schedule's own stream" },
  'events.amazonaws.com': { actions: ['kinesis:ListShards', 'kinesis:PutRecords'], why: "the stream's write grant on the rule's own stream: its shards, and records in batches as well as one by one" },
};

type Statement = { Effect?: string; Action?: CfnValue; Resource?: CfnValue };

/** The service a role trusts ("states.amazonaws.com"). */
function trustedService(role: { Properties?: Record<string, CfnValue> }): string {
  const statements = ((role.Properties?.AssumeRolePolicyDocument as { Statement?: { Principal?: { Service?: CfnValue } }[] } | undefined)?.Statement ?? []) as { Principal?: { Service?: CfnValue } }[];
  return statements
    .flatMap((st) => [st.Principal?.Service ?? []].flat())
    .map((service) => (typeof service === 'string' ? service : JSON.stringify(service)))
    .join(',');
}

/**
 * The actions each principal's roles may take on each node of the diagram ("Orders": ["dynamodb:PutItem"])
 * and on every resource ("*"), logs aside. A principal is one of the diagram's functions (its name),
 * or a service for all the roles that service assumes ("states.amazonaws.com": the workflows', the
 * rules' and schedules' roles: the two templates name and split those roles differently).
 */
export function roleGrants(template: Template, graph: Graph): Map<string, Map<string, Set<string>>> {
  const resources = template.Resources;
  const functionOfRole = new Map<string, string>();
  for (const [logicalId, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const ids = new Set<string>();
    walk(r.Properties?.Role, ids, []);
    const node = graph.nodes.find((n) => n.kind === 'lambda' && withoutCdkHash(logicalId) === n.name);
    if (node && ids.size) functionOfRole.set([...ids][0], node.name);
  }
  const statementsOfRole = new Map<string, Statement[]>();
  const add = (role: string, statements: CfnValue | undefined) => statementsOfRole.set(role, [...(statementsOfRole.get(role) ?? []), ...((statements as Statement[] | undefined) ?? [])]);
  for (const [logicalId, r] of Object.entries(resources)) {
    const p = r.Properties ?? {};
    if (r.Type === 'AWS::IAM::Role') for (const policy of (p.Policies as { PolicyDocument: { Statement: CfnValue } }[] | undefined) ?? []) add(logicalId, policy.PolicyDocument.Statement);
    if (r.Type === 'AWS::IAM::Policy') {
      const ids = new Set<string>();
      walk(p.Roles, ids, []);
      for (const role of ids) add(role, (p.PolicyDocument as { Statement: CfnValue }).Statement);
    }
  }
  const grants = new Map<string, Map<string, Set<string>>>();
  for (const [role, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::IAM::Role') continue;
    const principal = functionOfRole.get(role) ?? trustedService(r);
    const byNode = grants.get(principal) ?? new Map<string, Set<string>>();
    for (const s of statementsOfRole.get(role) ?? []) {
      if (s.Effect !== 'Allow') continue;
      const actions = (Array.isArray(s.Action) ? s.Action : [s.Action]).map(String).filter((a) => !a.startsWith('logs:'));
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      const targets = [...resources.flatMap((res) => nodesNamed(res as CfnValue, graph)).map((n) => n.name), ...(resources.includes('*') ? [ANY_RESOURCE] : [])];
      for (const target of targets) for (const action of actions) byNode.set(target, (byNode.get(target) ?? new Set()).add(action));
    }
    grants.set(principal, byNode);
  }
  return grants;
}
