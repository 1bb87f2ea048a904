/**
 * Per-server state the routes share: keys typed into the page (in memory only, found through an
 * HttpOnly cookie that carries a random id, never the keys) and the local sandbox.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { parseTargetChoice, PROFILE_PATTERN } from '../../protocol';
import type { CredentialSource, Target } from '../aws/target';
import type { Environment } from '../deploy/deployment';
import { motoAvailable, MOTO_INSTALL_HINT, startMoto, type Sandbox } from '../sandbox/moto';

interface State {
  keys: Map<string, AwsCredentialIdentity>;
  sandbox?: Promise<Sandbox>;
}
const state: State = ((globalThis as { __eventformSession?: State }).__eventformSession ??= { keys: new Map() });

export const SESSION_COOKIE = 'eventform_session';

export function rememberKeys(keys: AwsCredentialIdentity): string {
  const id = randomUUID();
  state.keys.set(id, { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}) });
  return id;
}

/** Drops the keys this page typed: the server holds none for it afterwards. */
export function forgetKeys(request: Request): boolean {
  const id = sessionIdOf(request);
  return id !== undefined && state.keys.delete(id);
}

function sessionIdOf(request: Request): string | undefined {
  const cookie = request.headers.get('cookie') ?? '';
  return /(?:^|;\s*)eventform_session=([0-9a-f-]{36})/.exec(cookie)?.[1];
}

export function hasKeys(request: Request): boolean {
  const id = sessionIdOf(request);
  return id !== undefined && state.keys.has(id);
}

async function sandboxEndpoint(): Promise<string> {
  if (!state.sandbox) {
    if (!motoAvailable()) throw new Error(MOTO_INSTALL_HINT);
    state.sandbox = startMoto();
    state.sandbox.catch(() => (state.sandbox = undefined));
  }
  return (await state.sandbox).endpoint;
}

/** Section names of the shared config and credentials files: the profiles a user may pick (never their values). */
export function profileNames(): string[] {
  const names = new Set<string>();
  const files = [process.env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config'), process.env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials')];
  for (const file of files) {
    if (!existsSync(/*turbopackIgnore: true*/ file)) continue;
    // "[profile work]" in config, "[work]" in credentials; "[sso-session x]" has a space and never matches.
    for (const match of readFileSync(/*turbopackIgnore: true*/ file, 'utf8').matchAll(/^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/gm)) names.add(match[1]);
  }
  // Only names a deployment request may carry: the page never offers one the server would refuse.
  return [...names].filter((name) => PROFILE_PATTERN.test(name)).sort();
}

/** The environment a request asks for, with credentials resolved on this side only. Unknown targets and regions are refused. */
export async function environmentOf(request: Request, body: unknown): Promise<Environment | string> {
  const choice = parseTargetChoice(body);
  if (!choice.ok) return choice.error;
  const { target: asked, credentials: askedCredentials } = choice.value;
  let target: Target;
  if (asked.kind === 'sandbox') return { target: { kind: 'sandbox', region: asked.region, endpoint: await sandboxEndpoint() }, credentials: { kind: 'sandbox' } };
  if (asked.kind === 'endpoint') target = { kind: 'endpoint', region: asked.region, endpoint: asked.endpoint! };
  else target = { kind: 'aws', region: asked.region };
  let credentials: CredentialSource;
  if (askedCredentials?.kind === 'profile') credentials = { kind: 'profile', profile: askedCredentials.profile };
  else if (askedCredentials?.kind === 'environment') credentials = { kind: 'environment' };
  else if (askedCredentials?.kind === 'keys') {
    const id = sessionIdOf(request);
    const keys = id ? state.keys.get(id) : undefined;
    if (!keys) return 'No access keys are held for this page: enter them again';
    credentials = { kind: 'keys', keys };
  } else return 'Choose where the credentials come from: a profile, the environment or access keys';
  return { target, credentials };
}
