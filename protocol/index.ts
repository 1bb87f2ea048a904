/**
 * The contract between the page, the API routes and the server's deployer: the shapes they send
 * each other and the rules both sides check, written once. Types and validators only, no runtime
 * dependencies: the browser bundle imports it as freely as the server does.
 */

import type { DeployReview } from '../generators/template/review';

export type { Capability, DeployReview } from '../generators/template/review';

/** The header every API call carries the launch token in (the secret `npm start` prints in its address). */
export const LAUNCH_TOKEN_HEADER = 'x-eventform-token';
/** Where the page finds the token: the address's fragment, `#token=...` (never sent to a server, never in a log). */
export const LAUNCH_TOKEN_FRAGMENT = 'token=';

/** Who a deployment acts as, shown before anything is deployed. */
export interface Identity {
  account: string;
  arn: string;
  region: string;
}

const TARGET_KINDS = ['sandbox', 'aws', 'endpoint'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** `dummy`: fixed fake keys, what a custom endpoint (an emulator) gets unless real ones are confirmed for its host. */
export type CredentialChoice = { kind: 'profile'; profile: string } | { kind: 'environment' } | { kind: 'keys' } | { kind: 'dummy' };

/** Where to deploy and with which credentials, as the page asks for it (credentials resolve on the server). */
export interface TargetChoice {
  target: { kind: TargetKind; region: string; endpoint?: string };
  credentials?: CredentialChoice;
  /** For a custom endpoint: the host the person agreed to send real credentials to. */
  realCredentialsFor?: string;
}

/** The host of an endpoint URL, as the confirmation names it. */
export const endpointHost = (endpoint: string) => new URL(endpoint).host;

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * Why real credentials may not go to a custom endpoint, or null: they go only to a host the person
 * confirmed by name, and never in clear (plain http) to a host other than this machine.
 */
export function endpointCredentialsProblem(choice: TargetChoice): string | null {
  const { target, credentials } = choice;
  if (target.kind !== 'endpoint' || !credentials || credentials.kind === 'dummy' || !target.endpoint) return null;
  const url = new URL(target.endpoint);
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.host))
    return `${url.host} is reached over plain http: real credentials (and any session token) would cross the network in clear. Use https, or dummy credentials`;
  if (choice.realCredentialsFor !== url.host) return `Real credentials would be sent to ${url.host}: confirm that host first, or use dummy credentials (what emulators expect)`;
  return null;
}

/** AWS region names: us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4... */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
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
    return {
      ok: true,
      value: { target, credentials: { kind: 'profile', profile: credentials.profile }, ...(typeof body.realCredentialsFor === 'string' ? { realCredentialsFor: body.realCredentialsFor } : {}) },
    };
  }
  const confirmed = typeof body.realCredentialsFor === 'string' ? { realCredentialsFor: body.realCredentialsFor } : {};
  if (credentials.kind === 'dummy') {
    if (kind !== 'endpoint') return { ok: false, error: 'Dummy credentials are for a custom endpoint (an emulator): AWS needs real ones' };
    return { ok: true, value: { target, credentials: { kind: 'dummy' } } };
  }
  if (credentials.kind === 'environment' || credentials.kind === 'keys') return { ok: true, value: { target, credentials: { kind: credentials.kind }, ...confirmed } };
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
  | { type: 'review'; review: DeployReview }
  | { type: 'done'; ok: boolean; status: string; message: string };

/** The target an operation runs against, as the page shows it after a reload. */
export interface OperationTarget {
  kind: TargetKind;
  region: string;
  endpoint?: string;
}

/** The first message of an operation's event stream: what it is and where it runs. */
export interface OperationInfo {
  id: string;
  kind: 'deploy' | 'destroy';
  stackName: string;
  state: string;
  target: OperationTarget;
}

/** An operation's state, as each streamed event carries it. */
export type OperationState = 'awaiting-confirmation' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const FINAL_STATES: readonly string[] = ['succeeded', 'failed', 'cancelled', 'lost'];

export interface TypedKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Access keys typed into the page, checked as the AWS tools would read them: text only, no line breaks, the characters keys are made of. */
export function parseKeys(body: unknown): Checked<TypedKeys> {
  const refused = { ok: false as const, error: 'Enter an access key id (capital letters and digits) and its secret access key (40 characters of letters, digits, / + =)' };
  if (!isObject(body)) return refused;
  const { accessKeyId, secretAccessKey, sessionToken } = body;
  if (typeof accessKeyId !== 'string' || !/^[A-Z0-9]{16,128}$/.test(accessKeyId)) return refused;
  if (typeof secretAccessKey !== 'string' || !/^[A-Za-z0-9/+=]{16,128}$/.test(secretAccessKey)) return refused;
  if (sessionToken !== undefined && sessionToken !== '' && (typeof sessionToken !== 'string' || !/^[A-Za-z0-9/+=]{16,8192}$/.test(sessionToken)))
    return { ok: false, error: 'A session token is text of letters, digits, / + = (no line breaks)' };
  return { ok: true, value: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } };
}
