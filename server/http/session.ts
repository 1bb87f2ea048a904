/**
 * Per-launch state the routes share: keys typed into the page (in memory only, bound to this
 * launch's token: a restart forgets them, and no cookie carries them) and the local sandbox.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { endpointCredentialsProblem, parseTargetChoice, PROFILE_PATTERN } from '../../protocol';
import type { CredentialSource, Target } from '../aws/target';
import type { Environment } from '../deploy/deployment';
import { motoAvailable, MOTO_INSTALL_HINT, startMoto, type Sandbox } from '../sandbox/moto';
import { launchKey } from './launch';

interface State {
  keys: Map<string, AwsCredentialIdentity>;
  sandbox?: Promise<Sandbox>;
}
const state: State = ((globalThis as { __eventformSession?: State }).__eventformSession ??= { keys: new Map() });

/** Keeps keys typed into the page, for this launch only. */
export function rememberKeys(keys: AwsCredentialIdentity) {
  state.keys.set(launchKey(), { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}) });
}

/** Drops the keys typed into the page: the server holds none afterwards. */
export function forgetKeys(): boolean {
  return state.keys.delete(launchKey());
}

export function hasKeys(): boolean {
  return state.keys.has(launchKey());
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
export async function environmentOf(body: unknown): Promise<Environment | string> {
  const choice = parseTargetChoice(body);
  if (!choice.ok) return choice.error;
  const { target: asked, credentials: askedCredentials } = choice.value;
  const refusal = endpointCredentialsProblem(choice.value);
  if (refusal) return refusal;
  let target: Target;
  if (asked.kind === 'sandbox') return { target: { kind: 'sandbox', region: asked.region, endpoint: await sandboxEndpoint() }, credentials: { kind: 'sandbox' } };
  if (asked.kind === 'endpoint') target = { kind: 'endpoint', region: asked.region, endpoint: asked.endpoint! };
  else target = { kind: 'aws', region: asked.region };
  let credentials: CredentialSource;
  if (askedCredentials?.kind === 'dummy') credentials = { kind: 'dummy' };
  else if (askedCredentials?.kind === 'profile') credentials = { kind: 'profile', profile: askedCredentials.profile };
  else if (askedCredentials?.kind === 'environment') credentials = { kind: 'environment' };
  else if (askedCredentials?.kind === 'keys') {
    const keys = state.keys.get(launchKey());
    if (!keys) return 'No access keys are held: enter them again';
    credentials = { kind: 'keys', keys };
  } else return 'Choose where the credentials come from: a profile, the environment or access keys';
  return { target, credentials };
}
