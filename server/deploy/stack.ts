/**
 * CloudFormation through the SDK: change sets, execution, watching a stack's events with backoff,
 * outputs and teardown. Everything waits through an injected sleep, so tests control time.
 */
import {
  type CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Change,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import type { Capability } from '../../generators';
import { describeError, isConnectionProblem, isThrottling } from './aws-errors';
import { DeployError, type Emit, type ResourceChangeRow, type StackEventRow } from './events';

export interface StackDeps {
  cfn: CloudFormationClient;
  sleep: (ms: number) => Promise<void>;
  /** Aborted when the user stops following: the wait ends, CloudFormation goes on. */
  signal?: AbortSignal;
  now?: () => number;
  /** How long a deployment is followed at most before the server stops waiting (and releases the stack). */
  deadlineMs?: number;
}

/** Long enough for the slowest resources CloudFormation creates (a CloudFront distribution takes ~30 minutes). */
export const DEFAULT_DEADLINE_MS = 90 * 60 * 1000;
/** Polls after execution during which a stack may still show REVIEW_IN_PROGRESS before the execution counts as never started. */
const REVIEW_POLLS = 60;

/** CloudFormation accepts at most 51,200 bytes inline; larger templates go through a bucket (as sam deploy --resolve-s3 does). */
export const INLINE_TEMPLATE_LIMIT = 51_200;

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const NO_CHANGES = /didn't contain changes|No updates are to be performed|no changes/i;
const IN_PROGRESS = /_IN_PROGRESS$/;
const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'DELETE_COMPLETE', 'IMPORT_COMPLETE']);

export type StackState = { id: string; status: string; outputs: Record<string, string> } | null;

/** A stack's id, status and outputs; null when there is no such stack. */
export async function stackStatus(deps: StackDeps, stackName: string): Promise<StackState> {
  try {
    const answer = await deps.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = answer.Stacks?.[0];
    return stack ? { id: stack.StackId!, status: stack.StackStatus!, outputs: Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey ?? '?', o.OutputValue ?? ''])) } : null;
  } catch (error) {
    if (/does not exist/i.test(describeError(error))) return null;
    throw error;
  }
}

export interface ChangeSetPlan {
  changeSetName: string;
  stackExists: boolean;
  changes: ResourceChangeRow[];
  /** The stack as the change set found it, for executing it right away without asking again. */
  before?: ExecutionStart;
}

/** A stack before a change set runs: its id, its status, and its newest event (the execution's events come after it). */
export interface ExecutionStart {
  stackId: string;
  status: string;
  newestEventId: string;
}

/** The id of a stack's newest event (the first page holds it: the API pages from the newest). */
async function newestEventId(deps: StackDeps, stack: string): Promise<string | undefined> {
  const page = await deps.cfn.send(new DescribeStackEventsCommand({ StackName: stack }));
  const newest = page.StackEvents?.[0];
  return newest ? eventRow(newest).id : undefined;
}

/**
 * Creates a change set and waits for it; null when there is nothing to change. `current` is the
 * stack as it is, when the caller asked for it earlier (while staging, say).
 */
export async function createChangeSet(
  deps: StackDeps,
  input: { stackName: string; templateBody?: string; templateUrl?: string; tags: Record<string, string>; capabilities: Capability[]; includeNestedStacks?: boolean },
  current: Promise<StackState> = stackStatus(deps, input.stackName),
): Promise<ChangeSetPlan | null> {
  const existing = await current;
  // A stack left in REVIEW_IN_PROGRESS by an unexecuted CREATE change set is still created from scratch.
  const stackExists = existing !== null && existing.status !== 'REVIEW_IN_PROGRESS';
  if (existing && IN_PROGRESS.test(existing.status) && existing.status !== 'REVIEW_IN_PROGRESS') throw new DeployError(`Stack ${input.stackName} is busy (${existing.status}): wait for it to finish`);
  if (existing?.status === 'ROLLBACK_COMPLETE') throw new DeployError(`Stack ${input.stackName} failed to create and was rolled back (ROLLBACK_COMPLETE): destroy it, then deploy again`);
  const changeSetName = `eventform-${Date.now()}`;
  const created = await deps.cfn.send(
    new CreateChangeSetCommand({
      StackName: input.stackName,
      ChangeSetName: changeSetName,
      ChangeSetType: stackExists ? 'UPDATE' : 'CREATE',
      ...(input.templateUrl ? { TemplateURL: input.templateUrl } : { TemplateBody: input.templateBody }),
      // Only what the review found the template needs, and the person acknowledged.
      Capabilities: input.capabilities,
      ...(input.includeNestedStacks ? { IncludeNestedStacks: true } : {}),
      Tags: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  // Asked while the change set is described: where the execution's events will start (a new
  // stack exists from here on, in REVIEW_IN_PROGRESS).
  const stackId = created.StackId ?? existing?.id;
  const newestEvent = stackId ? newestEventId(deps, stackId).catch(() => undefined) : Promise.resolve(undefined);
  let delay = 500;
  for (let attempt = 0; ; attempt++) {
    const described = await deps.cfn.send(new DescribeChangeSetCommand({ StackName: input.stackName, ChangeSetName: changeSetName }));
    if (described.Status === 'FAILED') {
      const reason = described.StatusReason ?? 'unknown reason';
      if (NO_CHANGES.test(reason)) {
        await deps.cfn.send(new DeleteChangeSetCommand({ StackName: input.stackName, ChangeSetName: changeSetName })).catch(() => undefined);
        return null;
      }
      // A refused change set is not left behind, nor the empty stack a first one made.
      await discardChangeSet(deps, input.stackName, changeSetName).catch(() => undefined);
      throw new DeployError(`CloudFormation refused the change set: ${reason}`);
    }
    if (described.Status === 'CREATE_COMPLETE') {
      const changes = [...(described.Changes ?? [])];
      let token = described.NextToken;
      while (token) {
        const more = await deps.cfn.send(new DescribeChangeSetCommand({ StackName: input.stackName, ChangeSetName: changeSetName, NextToken: token }));
        changes.push(...(more.Changes ?? []));
        token = more.NextToken;
      }
      if (changes.length === 0 && stackExists) return null;
      const newestEventIdBefore = await newestEvent;
      const before = stackId && newestEventIdBefore ? { stackId, status: existing && stackExists ? existing.status : 'REVIEW_IN_PROGRESS', newestEventId: newestEventIdBefore } : undefined;
      return { changeSetName, stackExists, changes: changes.map(changeRow), ...(before ? { before } : {}) };
    }
    if (attempt > 300) throw new DeployError('The change set took too long to be created');
    if (deps.signal?.aborted) throw new DeployError('Stopped: the change set was not waited for');
    await deps.sleep(delay);
    delay = Math.min(delay * 1.5, 5000);
  }
}

function changeRow(change: Change): ResourceChangeRow {
  const rc = change.ResourceChange ?? {};
  return { action: rc.Action ?? '?', logicalId: rc.LogicalResourceId ?? '?', type: rc.ResourceType ?? '?', ...(rc.Replacement ? { replacement: rc.Replacement } : {}) };
}

export async function discardChangeSet(deps: StackDeps, stackName: string, changeSetName: string) {
  await deps.cfn.send(new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }));
  const status = await stackStatus(deps, stackName);
  // Cancelling the first deployment leaves an empty REVIEW_IN_PROGRESS stack: remove it too.
  if (status?.status === 'REVIEW_IN_PROGRESS') await deps.cfn.send(new DeleteStackCommand({ StackName: stackName }));
}

const eventRow = (e: StackEvent): StackEventRow => ({
  id: e.EventId ?? `${e.LogicalResourceId}-${e.Timestamp?.toISOString()}`,
  time: (e.Timestamp ?? new Date()).toISOString(),
  logicalId: e.LogicalResourceId ?? '?',
  type: e.ResourceType ?? '?',
  status: e.ResourceStatus ?? '?',
  ...(e.ResourceStatusReason ? { reason: e.ResourceStatusReason } : {}),
});

/** Events newer than those already seen, oldest first (the API pages from the newest). */
async function newEvents(deps: StackDeps, stackId: string, seen: Set<string>): Promise<StackEventRow[]> {
  const fresh: StackEventRow[] = [];
  let token: string | undefined;
  do {
    const page = await deps.cfn.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken: token }));
    let reachedSeen = false;
    for (const e of page.StackEvents ?? []) {
      const row = eventRow(e);
      if (seen.has(row.id)) {
        reachedSeen = true;
        break;
      }
      fresh.push(row);
    }
    token = reachedSeen ? undefined : page.NextToken;
  } while (token);
  for (const row of fresh) seen.add(row.id);
  return fresh.reverse();
}

/** The events a stack already has (by its id or, while it is the live one, its name). */
async function knownEventIds(deps: StackDeps, stack: string): Promise<Set<string>> {
  const seen = new Set<string>();
  try {
    await newEvents(deps, stack, seen);
  } catch {
    /* a new stack has no events yet */
  }
  return seen;
}

export interface WatchResult {
  status: string;
  ok: boolean;
  events: StackEventRow[];
  /** The outputs the stack reported with its final status (one call fewer afterwards). */
  outputs: Record<string, string>;
}

/**
 * Polls a stack's events and status until it settles: quickly while events arrive, slower when
 * idle, much slower when throttled; a dropped connection is retried a few times.
 */
async function watchStack(deps: StackDeps, stackId: string, emit: Emit, seen: Set<string>, options: { expectDeletion?: boolean; statusBefore?: string } = {}): Promise<WatchResult> {
  const all: StackEventRow[] = [];
  let stalePolls = 0;
  let reviewPolls = 0;
  let delay = 1000;
  let connectionFailures = 0;
  const now = deps.now ?? Date.now;
  const started = now();
  const deadline = deps.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const report = (events: StackEventRow[]) => {
    for (const event of events) {
      all.push(event);
      emit({ type: 'stack-event', event });
    }
    return events.length;
  };
  for (let last = options.statusBefore ?? 'UNKNOWN'; ; ) {
    if (deps.signal?.aborted) throw new DeployError(`Stopped following. CloudFormation goes on with the stack (last seen ${last}): see it under Stacks, or in the AWS console`);
    if (now() - started > deadline)
      throw new DeployError(`Stopped following after ${Math.round(deadline / 60000)} minutes: the stack was still ${last}. CloudFormation goes on with it: see it under Stacks, or in the AWS console`);
    let status: string | undefined;
    let outputs: Record<string, string> = {};
    try {
      // Events and status asked at once: one round trip per poll, not two.
      const [fresh, asked] = await Promise.all([newEvents(deps, stackId, seen), stackStatus(deps, stackId)]);
      let current = asked;
      status = current?.status ?? (options.expectDeletion ? 'DELETE_COMPLETE' : 'UNKNOWN');
      // Asked at once, the events may be older than the status, or the status older than the
      // events (still the settled one from before an update). A settled status is trusted once the
      // stack's own event for it is seen; otherwise the events, then the status, are asked again in
      // that order, which rules out both.
      let reported = report(fresh);
      if (!IN_PROGRESS.test(status) && !all.some((e) => e.type === 'AWS::CloudFormation::Stack' && e.status === status)) {
        reported += report(await newEvents(deps, stackId, seen));
        current = await stackStatus(deps, stackId);
        status = current?.status ?? (options.expectDeletion ? 'DELETE_COMPLETE' : 'UNKNOWN');
      }
      outputs = current?.outputs ?? {};
      last = status;
      // Right after an update starts, CloudFormation may still report the previous settled status.
      if (status === options.statusBefore && all.length === 0 && stalePolls++ < 30) status = undefined;
      // A created stack waits in REVIEW_IN_PROGRESS until its change set runs: if it never does, say so.
      if (status === 'REVIEW_IN_PROGRESS' && ++reviewPolls > REVIEW_POLLS)
        throw new DeployError('CloudFormation never started the change set: the stack stayed in REVIEW_IN_PROGRESS. Deploy again, or destroy the stack under Stacks');
      connectionFailures = 0;
      // Quick while events arrive; an idle stack is polled every 2 s at most, so a new event shows within ~1 s on average.
      delay = reported ? 1000 : Math.min(delay * 1.5, 2000);
    } catch (error) {
      if (isThrottling(error)) {
        delay = Math.min(delay * 2, 20000);
        emit({ type: 'notice', message: `AWS asked to slow down; checking again in ${Math.round(delay / 1000)} s` });
      } else if (isConnectionProblem(error) && connectionFailures < 8) {
        connectionFailures++;
        delay = Math.min(1000 * 2 ** connectionFailures, 20000);
        emit({ type: 'notice', message: `Lost the connection to CloudFormation (${describeError(error)}); retrying in ${Math.round(delay / 1000)} s` });
      } else throw error;
    }
    if (status && !IN_PROGRESS.test(status)) return { status, ok: SUCCESS.has(status), events: all, outputs };
    await deps.sleep(delay);
  }
}

/** The first resource that failed, skipping the cancellations it caused. */
function firstFailure(events: StackEventRow[]): StackEventRow | undefined {
  return events.find((e) => /_FAILED$/.test(e.status) && e.reason && !/cancelled|canceled/i.test(e.reason) && e.type !== 'AWS::CloudFormation::Stack') ?? events.find((e) => /_FAILED$/.test(e.status));
}

export function explainFailure(status: string, events: StackEventRow[]): { message: string; resource?: string; reason?: string } {
  const first = firstFailure(events);
  const what = first ? `${first.logicalId} (${first.type}) failed: ${first.reason ?? first.status}` : `the stack ended in ${status}`;
  if (status === 'UPDATE_ROLLBACK_FAILED')
    return {
      message: `The update failed and CloudFormation could not roll it back (UPDATE_ROLLBACK_FAILED). ${what}. Fix that resource, then run "aws cloudformation continue-update-rollback --stack-name <stack>" (or destroy the stack).`,
      resource: first?.logicalId,
      reason: first?.reason,
    };
  const rolledBack = /ROLLBACK_COMPLETE$/.test(status) ? ' Everything it created was rolled back.' : '';
  return { message: `Deployment failed: ${what}.${rolledBack}`, resource: first?.logicalId, reason: first?.reason };
}

/**
 * `before`: the stack as the change set was made, when it runs right after (the command line):
 * then nothing is asked before the execution. Otherwise (a person confirmed in the page, maybe
 * minutes later) the stack's status and events are asked first.
 */
export async function executeChangeSet(deps: StackDeps, stackName: string, changeSetName: string, emit: Emit, before?: ExecutionStart): Promise<WatchResult> {
  if (before) {
    await deps.cfn.send(new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }));
    return watchStack(deps, before.stackId, emit, new Set([before.newestEventId]), { statusBefore: before.status });
  }
  // Both asked at once (one round trip instead of two): event ids are unique, so the name finds the same events.
  const [current, seen] = await Promise.all([stackStatus(deps, stackName), knownEventIds(deps, stackName)]);
  await deps.cfn.send(new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }));
  // A CREATE change set has already made the stack (REVIEW_IN_PROGRESS), so its id is known.
  const stackId = current?.id ?? (await stackStatus(deps, stackName))?.id ?? stackName;
  return watchStack(deps, stackId, emit, seen, { statusBefore: current?.status });
}

export async function stackOutputs(deps: StackDeps, stackName: string): Promise<Record<string, string>> {
  const answer = await deps.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  return Object.fromEntries((answer.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '?', o.OutputValue ?? '']));
}

export async function physicalIds(deps: StackDeps, stackName: string): Promise<Map<string, { type: string; physicalId: string }>> {
  const answer = await deps.cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }));
  return new Map(
    (answer.StackResources ?? [])
      .filter((r) => r.ResourceStatus !== 'DELETE_COMPLETE' && r.PhysicalResourceId)
      .map((r) => [r.LogicalResourceId!, { type: r.ResourceType!, physicalId: r.PhysicalResourceId! }]),
  );
}

export async function deleteStack(deps: StackDeps, stackName: string, emit: Emit): Promise<WatchResult> {
  const current = await stackStatus(deps, stackName);
  if (!current) return { status: 'DELETE_COMPLETE', ok: true, events: [], outputs: {} };
  const seen = await knownEventIds(deps, current.id);
  await deps.cfn.send(new DeleteStackCommand({ StackName: stackName }));
  return watchStack(deps, current.id, emit, seen, { expectDeletion: true, statusBefore: current.status });
}
