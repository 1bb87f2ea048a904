/**
 * A deployment from the diagram: checked and synthesized here, on the server (a template sent by a
 * browser is never trusted), previewed as a change set, executed while its events stream, then
 * its outputs and post-deploy steps. Shared by the app's routes and the CLI. What only some
 * deployments need (S3 and staging, building function code, CDK assets, the sandbox's custom
 * resources) is loaded when one does: a command line deploy starts without it.
 */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { analyze, compareNames, reviewDeployment, type Graph } from '../../generators';
import type { Template } from '../../generators/template/cfn';
import { tagValue } from '../../generators/template/tags';
import { stackNameProblem } from '../../protocol';
import { afterRequestsLeave } from '../aws/while-waiting';
import { forMoto } from '../sandbox/moto-quirks';
import type { CdkAssets } from './cdk-asset-manifest';
import { clientsFor, identityOf, takeStackStatus, type Environment } from './clients';
import { DeployError, type Emit } from './events';
import { computeOutputs, type StackFacts } from './outputs';
import { sampleStreamOf } from './samples';
import {
  createChangeSet,
  deleteStack,
  discardChangeSet,
  executeChangeSet,
  explainFailure,
  INLINE_TEMPLATE_LIMIT,
  physicalIds,
  type ChangeSetPlan,
  type ExecutionStart,
  type StackState,
} from './stack';
import { hasWebsite, websiteUploads } from './website';

export { identityOf, type Environment } from './clients';

/** moto's default account, should the sandbox not say who it is. */
const SANDBOX_ACCOUNT = '123456789012';
const MANAGED_TAG = 'eventform:managed';

export type Plan = ({ kind: 'changes' } & ChangeSetPlan) | { kind: 'no-changes' };

/**
 * `acknowledged`: the capabilities the person accepted after reading the review (the page shows it
 * before the preview, the CLI with the change set); the server computes the review again and asks
 * CloudFormation for exactly those, never more.
 */
/** `cdkAssets`: a stack a CDK app synthesized brings the function code its template refers to (server/deploy/cdk-assets.ts). */
export async function planDeployment(env: Environment, graph: Graph, stackName: string, emit: Emit, acknowledged: readonly string[], cdkAssets?: CdkAssets): Promise<Plan> {
  const nameProblem = stackNameProblem(stackName);
  if (nameProblem) throw new DeployError(nameProblem);
  emit({ type: 'phase', phase: 'checking', message: `Checking and synthesizing ${graph.name}` });
  const { synthesis, errors } = analyze(graph);
  if (errors.length) throw new DeployError(`The diagram has ${errors.length} error${errors.length > 1 ? 's' : ''}: ${errors.map((e) => e.message).join('; ')}`);
  const review = reviewDeployment(graph, synthesis.template);
  emit({ type: 'review', review });
  const missing = review.capabilities.filter((c) => !acknowledged.includes(c.capability));
  if (missing.length) throw new DeployError(`This deployment needs ${missing.map((c) => `${c.capability} (${c.why})`).join('; ')}: acknowledge ${missing.length > 1 ? 'them' : 'it'} first`);
  // A local emulator gets the equivalent forms moto needs (server/sandbox/moto-quirks.ts); AWS gets the template as it is.
  const body = JSON.stringify(env.target.kind === 'aws' ? synthesis.template : forMoto(synthesis.template));
  const { deps, s3 } = clientsFor(env);
  // Asked now, while the rest is staged; a failure surfaces where the change set needs it.
  const current = takeStackStatus(env, stackName);
  current.catch(() => undefined);
  preloadPostDeploySteps(env, graph, current);
  let templateUrl: string | undefined;
  // CloudFormation's limit is in bytes: inline code with non-ASCII text counts more than its characters.
  const bytes = Buffer.byteLength(body, 'utf8');
  const large = bytes > INLINE_TEMPLATE_LIMIT;
  if (cdkAssets) {
    const who = await identityOf(env);
    if (!who.ok) throw new DeployError(who.error);
    const { publishCdkAssets } = await import('./cdk-assets');
    await publishCdkAssets(env, await s3(), who.identity.account, cdkAssets, emit);
  }
  if (large || synthesis.assets.length) {
    const loading = afterRequestsLeave(1, identityOf(env)).then(() => Promise.all([import('./staging'), s3()]));
    loading.catch(() => undefined);
    const who = await identityOf(env);
    if (!who.ok) throw new DeployError(who.error);
    const [{ stage }, client] = await loading;
    templateUrl = await stage(
      client,
      {
        account: who.identity.account,
        region: env.target.region,
        stackName,
        assets: synthesis.assets,
        ...(large ? { largeTemplate: { body, bytes } } : {}),
        endpoint: env.target.kind === 'endpoint' ? env.target.endpoint : undefined,
      },
      emit,
    );
  }
  emit({ type: 'phase', phase: 'change-set', message: `Preparing the change set for stack ${stackName}` });
  const plan = await createChangeSet(
    deps,
    {
      stackName,
      ...(templateUrl ? { templateUrl } : { templateBody: body }),
      tags: { [MANAGED_TAG]: 'true', 'eventform:diagram': tagValue(graph.name) },
      capabilities: review.capabilities.map((c) => c.capability),
      includeNestedStacks: review.nestedStacks,
    },
    current,
  );
  if (!plan) {
    emit({ type: 'no-changes', message: `Stack ${stackName} is already up to date: nothing to change` });
    return { kind: 'no-changes' };
  }
  emit({ type: 'changes', changeSetName: plan.changeSetName, stackExists: plan.stackExists, changes: plan.changes });
  return { kind: 'changes', ...plan };
}

/**
 * What the steps after a deployment use (website pages, the sandbox's bucket notifications), loaded
 * while CloudFormation works: once the stack's status is known, the change set's request follows,
 * and the code loads while it is on its way.
 */
function preloadPostDeploySteps(env: Environment, graph: Graph, current: Promise<StackState>) {
  const steps = [hasWebsite(graph) && (() => import('./buckets')), env.target.kind === 'sandbox' && (() => import('../sandbox/custom-resources'))].filter((step) => step !== false);
  if (!steps.length) return;
  current
    .then(() => afterRequestsLeave(1))
    .then(() => Promise.all([clientsFor(env).s3(), ...steps.map((load) => load())]))
    .catch(() => undefined);
}

export async function cancelDeployment(env: Environment, stackName: string, changeSetName: string) {
  await discardChangeSet(clientsFor(env).deps, stackName, changeSetName);
}

/** `before`: the stack as the plan found it, when the change set runs right after being planned (ChangeSetPlan.before). */
export async function carryOutDeployment(env: Environment, graph: Graph, stackName: string, changeSetName: string, emit: Emit, before?: ExecutionStart): Promise<boolean> {
  const { deps, s3 } = clientsFor(env);
  emit({ type: 'phase', phase: 'executing', message: `Deploying ${stackName}` });
  const result = await executeChangeSet(deps, stackName, changeSetName, emit, before);
  if (!result.ok) {
    emit({ type: 'failed', ...explainFailure(result.status, result.events) });
    emit({ type: 'done', ok: false, status: result.status, message: `${stackName}: ${result.status}` });
    return false;
  }
  // The resources' physical ids are needed only to fill website buckets and, in the sandbox, to
  // work out outputs: other deployments skip the call.
  const physical = env.target.kind === 'sandbox' || hasWebsite(graph) ? await physicalIds(deps, stackName) : new Map<string, { physicalId: string; type: string }>();
  let outputs = result.outputs;
  if (env.target.kind === 'sandbox') {
    // moto runs no custom resource function and reports no outputs for change sets: both are worked out from the stack's resources.
    const { template } = analyze(graph).synthesis;
    const facts = await sandboxFacts(env, stackName, physical);
    const { playCustomResources } = await import('../sandbox/custom-resources');
    for (const message of await playCustomResources(await s3(), template, facts)) emit({ type: 'phase', phase: 'post-deploy', message });
    if (Object.keys(outputs).length === 0) outputs = sandboxOutputs(template, facts);
  }
  emit({ type: 'outputs', outputs, samples: sampleStreamOf(graph) !== undefined });
  for (const upload of websiteUploads(graph, physical, outputs)) {
    emit({ type: 'phase', phase: 'post-deploy', message: `Uploading the pages of ${upload.node}${upload.apiUrl ? ` (calling ${upload.apiUrl})` : ' (the API URL is not known here)'}` });
    const [{ uploadPages }, client] = await Promise.all([import('./buckets'), s3()]);
    await uploadPages(client, { ...upload, title: graph.name });
  }
  emit({ type: 'done', ok: true, status: result.status, message: `${stackName}: ${result.status}` });
  return true;
}

/** moto reports no outputs for stacks made through change sets: in the sandbox, every output is computed from the stack's resources. */
function sandboxOutputs(template: Template, facts: StackFacts): Record<string, string> {
  const declared = new Map(Object.entries(template.Resources).map(([id, r]) => [id, r.Type]));
  return computeOutputs(template.Outputs ?? {}, { ...facts, declared });
}

/** What the sandbox's stack is made of, to work out its values as CloudFormation would. */
async function sandboxFacts(env: Environment, stackName: string, physical: Map<string, { physicalId: string; type: string }>): Promise<StackFacts> {
  const who = await identityOf(env);
  const account = who.ok ? who.identity.account : SANDBOX_ACCOUNT;
  const stack = await clientsFor(env).cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  return { region: env.target.region, account, stackName, stackId: stack.Stacks?.[0]?.StackId, physical };
}

export async function bucketsOwnedBy(env: Environment, stackName: string): Promise<string[]> {
  const { deps } = clientsFor(env);
  try {
    return [...(await physicalIds(deps, stackName)).values()]
      .filter((r) => r.type === 'AWS::S3::Bucket')
      .map((r) => r.physicalId)
      .sort();
  } catch (error) {
    if (/does not exist/i.test(String((error as Error).message))) return [];
    throw error;
  }
}

/** Empties the stack's own buckets (only those the user confirmed by name), then deletes the stack. */
export async function destroyStack(env: Environment, stackName: string, confirmedBuckets: string[], emit: Emit): Promise<boolean> {
  const { deps, s3 } = clientsFor(env);
  const owned = await bucketsOwnedBy(env, stackName);
  const unconfirmed = owned.filter((b) => !confirmedBuckets.includes(b));
  if (unconfirmed.length) throw new DeployError(`Confirm emptying ${unconfirmed.join(', ')} before the stack is deleted`);
  for (const bucket of owned) {
    emit({ type: 'phase', phase: 'emptying', message: `Emptying bucket ${bucket}` });
    const [{ emptyBucket }, client] = await Promise.all([import('./buckets'), s3()]);
    const removed = await emptyBucket(client, bucket).catch((error) => {
      if (/NoSuchBucket/.test(String(error?.name))) return 0;
      throw error;
    });
    emit({ type: 'notice', message: `Removed ${removed} object version${removed === 1 ? '' : 's'} from ${bucket}` });
  }
  emit({ type: 'phase', phase: 'deleting', message: `Deleting stack ${stackName}` });
  const result = await deleteStack(deps, stackName, emit);
  if (!result.ok) emit({ type: 'failed', ...explainFailure(result.status, result.events) });
  emit({ type: 'done', ok: result.ok, status: result.status, message: `${stackName}: ${result.status}` });
  return result.ok;
}

export interface StackSummary {
  name: string;
  status: string;
  diagram: string;
  updated: string;
  outputs: Record<string, string>;
}

/** The stacks this app deployed, found by their tag. */
export async function listManagedStacks(env: Environment): Promise<StackSummary[]> {
  const { cfn } = clientsFor(env);
  const stacks: StackSummary[] = [];
  let token: string | undefined;
  do {
    const page = await cfn.send(new DescribeStacksCommand({ NextToken: token }));
    for (const s of page.Stacks ?? []) {
      const tags = Object.fromEntries((s.Tags ?? []).map((t) => [t.Key, t.Value]));
      if (tags[MANAGED_TAG] !== 'true' || s.StackStatus === 'DELETE_COMPLETE') continue;
      stacks.push({
        name: s.StackName!,
        status: s.StackStatus!,
        diagram: tags['eventform:diagram'] ?? '',
        updated: (s.LastUpdatedTime ?? s.CreationTime ?? new Date()).toISOString(),
        outputs: Object.fromEntries((s.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue ?? ''])),
      });
    }
    token = page.NextToken;
  } while (token);
  return stacks.sort((a, b) => compareNames(a.name, b.name));
}
