/**
 * The contract between the page, the API routes and the server's deployer: the shapes they send
 * each other and the rules both sides check, written once. Types and validators only, no runtime
 * dependencies: the browser bundle imports it as freely as the server does.
 */

/** Who a deployment acts as, shown before anything is deployed. */
export interface Identity {
  account: string;
  arn: string;
  region: string;
}

const TARGET_KINDS = ['sandbox', 'aws', 'endpoint'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export type CredentialChoice = { kind: 'profile'; profile: string } | { kind: 'environment' } | { kind: 'keys' };

/** Where to deploy and with which credentials, as the page asks for it (credentials resolve on the server). */
export interface TargetChoice {
  target: { kind: TargetKind; region: string; endpoint?: string };
  credentials?: CredentialChoice;
}

/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4... */
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** Profile names the AWS CLI accepts in its files (no spaces or brackets). */
export const PROFILE_PATTERN = /^[\w.+@-]{1,64}$/;

/** CloudFormation's stack name rule: a letter, then letters, digits and hyphens, 128 characters in all. */
const STACK_NAME_MAX = 128;
export function stackNameProblem(name: string): string | null {
  return /^[A-Za-z][A-Za-z0-9-]*$/.test(name) && name.length <= STACK_NAME_MAX ? null : `A stack name starts with a letter and has at most ${STACK_NAME_MAX} letters, digits and hyphens`;
}

/** A stack name proposed for a diagram: its name made valid. */
export const stackNameFor = (diagram: string) => (diagram.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^[^A-Za-z]+|-+$/g, '') || 'eventform').slice(0, STACK_NAME_MAX);

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a target choice from an untrusted body, failing closed: an unknown target kind or an invalid
 * region is refused, never taken to mean AWS or us-east-1.
 */
export function parseTargetChoice(body: unknown): Checked<TargetChoice> {
  if (!isObject(body) || !isObject(body.target)) return { ok: false, error: 'Choose a target: the local sandbox, AWS or a custom endpoint' };
  const { kind, region, endpoint } = body.target;
  if (typeof kind !== 'string' || !(TARGET_KINDS as readonly string[]).includes(kind))
    return { ok: false, error: `Unknown target "${String(kind)}": choose the local sandbox, AWS or a custom endpoint` };
  if (typeof region !== 'string' || !REGION_PATTERN.test(region)) return { ok: false, error: `"${String(region)}" is not an AWS region name (such as us-east-1)` };
  const target: TargetChoice['target'] = { kind: kind as TargetKind, region };
  if (kind === 'endpoint') {
    if (typeof endpoint !== 'string' || !/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/.test(endpoint)) return { ok: false, error: 'The endpoint must be an http(s) URL, such as http://127.0.0.1:4566' };
    target.endpoint = endpoint;
  }
  if (body.credentials === undefined) return { ok: true, value: { target } };
  const credentials = body.credentials;
  if (!isObject(credentials)) return { ok: false, error: 'Choose where the credentials come from: a profile, the environment or access keys' };
  if (credentials.kind === 'profile') {
    if (typeof credentials.profile !== 'string' || !PROFILE_PATTERN.test(credentials.profile)) return { ok: false, error: 'A profile name has letters, digits and . _ + @ - only' };
    return { ok: true, value: { target, credentials: { kind: 'profile', profile: credentials.profile } } };
  }
  if (credentials.kind === 'environment' || credentials.kind === 'keys') return { ok: true, value: { target, credentials: { kind: credentials.kind } } };
  return { ok: false, error: 'Choose where the credentials come from: a profile, the environment or access keys' };
}

/** What a deployment or a teardown reports as it goes: streamed to the page (server-sent events) and to the CLI. */
export type Phase = 'checking' | 'staging' | 'change-set' | 'executing' | 'post-deploy' | 'emptying' | 'deleting';

export interface ResourceChangeRow {
  action: string;
  logicalId: string;
  type: string;
  /** "True", "False" or "Conditional" for modifications; whether the resource is replaced. */
  replacement?: string;
}

export interface StackEventRow {
  id: string;
  time: string;
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
}

export type DeployEvent =
  | { type: 'phase'; phase: Phase; message: string }
  | { type: 'changes'; changeSetName: string; stackExists: boolean; changes: ResourceChangeRow[] }
  | { type: 'no-changes'; message: string }
  | { type: 'stack-event'; event: StackEventRow }
  | { type: 'notice'; message: string }
  | { type: 'failed'; message: string; resource?: string; reason?: string }
  | { type: 'outputs'; outputs: Record<string, string>; samples?: boolean }
  | { type: 'done'; ok: boolean; status: string; message: string };

/** An operation's state, as each streamed event carries it. */
export type OperationState = 'awaiting-confirmation' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const FINAL_STATES: readonly string[] = ['succeeded', 'failed', 'cancelled', 'lost'];
