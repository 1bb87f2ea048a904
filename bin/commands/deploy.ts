import { createInterface } from 'node:readline/promises';
import type { CredentialSource, Target } from '../../server/aws/target';
import { afterRequestsLeave } from '../../server/aws/while-waiting';
import { identityOf, prefetchStackStatus, type Environment } from '../../server/deploy/clients';
import { bucketsOwnedBy, cancelDeployment, carryOutDeployment, destroyStack, planDeployment } from '../../server/deploy/deployment';
import { analyze, reviewDeployment } from '../../generators';
import { loadDiagram } from '../load-diagram';
import { endpointCredentialsProblem, endpointHost, REGION_PATTERN, stackNameProblem, type DeployEvent } from '../../protocol';
import type { Io } from '../cli';
import { readArgs } from '../args';
import { cdkAssetsBeside } from '../../server/deploy/cdk-asset-manifest';
import { phaseClock, type PhaseClock } from '../timing';

/** Exit codes: 0 done (or nothing to change), 1 the deployment failed, 2 bad usage or credentials, 4 cancelled at the prompt. */
export const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 4 } as const;

const OPTIONS = {
  stack: { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  yes: { type: 'boolean', default: false },
} as const;

export interface Prompt {
  confirm(question: string): Promise<boolean>;
}

export const terminalPrompt: Prompt = {
  async confirm(question) {
    if (!process.stdin.isTTY) return false;
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question(`${question} [y/N] `);
    rl.close();
    return /^y(es)?$/i.test(answer.trim());
  },
};

/** A command's target and credentials as its options give them, before anything is printed or asked. */
export type ResolvedEnvironment = { ok: false; error: string } | { ok: true; env: Environment /** The question to ask before real credentials go to a custom endpoint. */; confirm?: string };

/**
 * The target and credentials of a command. A custom endpoint gets dummy credentials unless a profile
 * is named for it; real ones then go only to a host confirmed at the prompt (or with --yes), and
 * never over plain http to another machine. Regions are checked, never guessed.
 */
export function resolveEnvironment(values: { profile?: string; region?: string; endpoint?: string }): ResolvedEnvironment {
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  if (!REGION_PATTERN.test(region)) return { ok: false, error: `"${region}" is not an AWS region name (such as us-east-1)` };
  if (values.endpoint && !/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/.test(values.endpoint)) return { ok: false, error: 'the endpoint must be an http(s) URL, such as http://127.0.0.1:4566' };
  const target: Target = values.endpoint ? { kind: 'endpoint', region, endpoint: values.endpoint } : { kind: 'aws', region };
  if (values.endpoint && !values.profile) return { ok: true, env: { target, credentials: { kind: 'dummy' } } };
  const credentials: CredentialSource = values.profile
    ? { kind: 'profile', profile: values.profile }
    : process.env.AWS_ACCESS_KEY_ID
      ? { kind: 'environment' }
      : { kind: 'profile', profile: process.env.AWS_PROFILE ?? 'default' };
  if (!values.endpoint) return { ok: true, env: { target, credentials } };
  const host = endpointHost(values.endpoint);
  const problem = endpointCredentialsProblem({
    target: { kind: 'endpoint', region, endpoint: values.endpoint },
    credentials: { kind: 'profile', profile: values.profile! },
    realCredentialsFor: host,
  });
  if (problem) return { ok: false, error: problem };
  return { ok: true, env: { target, credentials }, confirm: `Send the credentials of profile ${values.profile} to ${host}?` };
}

/** The environment once its problem is printed or its question answered (yes at the prompt, or --yes); null otherwise. */
export async function environmentFrom(
  values: { profile?: string; region?: string; endpoint?: string; yes?: boolean },
  io: Io,
  prompt: Prompt,
  resolved: ResolvedEnvironment = resolveEnvironment(values),
): Promise<Environment | null> {
  if (!resolved.ok) {
    io.err(`eventform: ${resolved.error}\n`);
    return null;
  }
  if (resolved.confirm && !values.yes && !(await prompt.confirm(resolved.confirm))) {
    io.err('Not sent: confirm at a terminal, or pass --yes\n');
    return null;
  }
  return resolved.env;
}

/** One line per event, as the deployment goes. */
function printEvent(io: Io, event: DeployEvent) {
  switch (event.type) {
    case 'phase':
    case 'notice':
      io.err(`${event.message}\n`);
      break;
    case 'changes':
      io.err(`Changes to ${event.stackExists ? 'the stack' : 'create'}:\n`);
      for (const c of event.changes) {
        const sign = c.action === 'Add' ? '+' : c.action === 'Remove' ? '-' : '~';
        const replaced = c.replacement === 'True' ? '  (REPLACED)' : c.replacement === 'Conditional' ? '  (may be replaced)' : '';
        io.err(`  ${sign} ${c.logicalId}  ${c.type}${replaced}\n`);
      }
      break;
    case 'no-changes':
      io.err(`${event.message}\n`);
      break;
    case 'review':
      for (const c of event.review.capabilities) io.err(`Needs ${c.capability}: ${c.why}\n`);
      for (const f of event.review.findings) io.err(`${f.severity === 'danger' ? 'DANGER' : 'Note'}: ${f.message}\n`);
      break;
    case 'stack-event': {
      const e = event.event;
      io.err(`${e.time.slice(11, 19)}  ${e.status.padEnd(28)} ${e.logicalId} (${e.type})${e.reason ? `  ${e.reason}` : ''}\n`);
      break;
    }
    case 'failed':
      io.err(`FAILED: ${event.message}\n`);
      break;
    case 'outputs':
      if (Object.keys(event.outputs).length)
        io.out(
          `${Object.entries(event.outputs)
            .map(([k, v]) => `${k} = ${v}`)
            .join('\n')}\n`,
        );
      break;
    case 'done':
      io.err(`${event.ok ? 'Done' : 'Failed'}: ${event.message}\n`);
  }
}

async function showIdentity(env: Environment, io: Io): Promise<boolean> {
  const who = await identityOf(env);
  if (!who.ok) {
    io.err(`eventform: ${who.error}\n`);
    return false;
  }
  io.err(`Account ${who.identity.account}, as ${who.identity.arn}, in ${who.identity.region}${env.target.kind === 'aws' ? '' : ` at ${env.target.endpoint}`}\n`);
  return true;
}

export async function deployCommand(argv: string[], io: Io, prompt: Prompt = terminalPrompt): Promise<number> {
  const clock = phaseClock(io);
  clock.lap('start');
  try {
    return await deploy(argv, io, prompt, clock);
  } finally {
    clock.report();
  }
}

async function deploy(argv: string[], io: Io, prompt: Prompt, clock: PhaseClock): Promise<number> {
  const parsed = readArgs({ args: argv, allowPositionals: true, options: OPTIONS }, io, 'deploy');
  if (!parsed) return EXIT.usage;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.stack) {
    io.err('Usage: eventform deploy <blueprint-name | graph.json | template.yaml> --stack NAME [--profile P] [--region R] [--endpoint URL] [--yes]\n');
    return EXIT.usage;
  }
  // Nothing is printed or asked before the diagram has loaded. Credentials that need no question
  // are already used to ask who they belong to and how the stack stands (two reads); the diagram
  // loads once both requests have left.
  const resolved = resolveEnvironment(values);
  if (resolved.ok && (!resolved.confirm || values.yes) && !stackNameProblem(values.stack)) {
    const answers = Promise.allSettled([identityOf(resolved.env), prefetchStackStatus(resolved.env, values.stack)]);
    await afterRequestsLeave(2, answers);
  }
  const loaded = await loadDiagram(positionals[0]);
  if (!loaded.ok) {
    io.err(`eventform deploy: ${loaded.error}\n`);
    return EXIT.usage;
  }
  clock.lap('diagram');
  const env = await environmentFrom(values, io, prompt, resolved);
  if (!env) return EXIT.usage;
  // The identity check and the change set overlap (a change set changes nothing until executed);
  // the stack's events wait until the identity is on screen, and nothing is asked or executed
  // before it is known.
  const held: DeployEvent[] = [];
  let identityShown = false;
  const emit = (e: DeployEvent) => {
    if (!identityShown) return void held.push(e);
    if (e.type === 'outputs') clock.lap('execution');
    printEvent(io, e);
  };
  const identity = showIdentity(env, io).then((ok) => {
    clock.lap('identity');
    if (ok) {
      identityShown = true;
      for (const e of held.splice(0)) emit(e);
    }
    return ok;
  });
  try {
    // The capabilities are printed with the review; confirming the changes (or --yes) accepts them.
    const { template } = analyze(loaded.graph).synthesis;
    const capabilities = reviewDeployment(loaded.graph, template).capabilities.map((c) => c.capability);
    // A stack a CDK app synthesized (cdk.out/X.template.json) brings its asset manifest.
    const cdkAssets = cdkAssetsBeside(positionals[0], template) ?? undefined;
    const planning = planDeployment(env, loaded.graph, values.stack, emit, capabilities, cdkAssets).then(
      (plan) => ({ ok: true as const, plan }),
      (error: Error) => ({ ok: false as const, error }),
    );
    if (!(await identity)) {
      const planned = await planning;
      if (planned.ok && planned.plan.kind !== 'no-changes') await cancelDeployment(env, values.stack, planned.plan.changeSetName).catch(() => undefined);
      return EXIT.usage;
    }
    const planned = await planning;
    if (!planned.ok) throw planned.error;
    const { plan } = planned;
    clock.lap('change set');
    if (plan.kind === 'no-changes') return EXIT.ok;
    const accepting = capabilities.length ? `, granting ${capabilities.join(', ')}` : '';
    if (!values.yes && !(await prompt.confirm(`Deploy these ${plan.changes.length} changes to ${values.stack}${accepting}?`))) {
      await cancelDeployment(env, values.stack, plan.changeSetName);
      io.err(process.stdin.isTTY ? 'Cancelled: nothing was deployed\n' : 'Not deployed: confirm at a terminal, or pass --yes\n');
      return EXIT.cancelled;
    }
    // Run right after its preview (or the prompt): the stack as the plan found it is still the stack.
    const deployed = await carryOutDeployment(env, loaded.graph, values.stack, plan.changeSetName, emit, plan.before);
    clock.lap('outputs');
    return deployed ? EXIT.ok : EXIT.failed;
  } catch (error) {
    io.err(`eventform deploy: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}

export async function destroyCommand(argv: string[], io: Io, prompt: Prompt = terminalPrompt): Promise<number> {
  const parsed = readArgs({ args: argv, allowPositionals: false, options: OPTIONS }, io, 'destroy');
  if (!parsed) return EXIT.usage;
  const { values } = parsed;
  if (!values.stack) {
    io.err('Usage: eventform destroy --stack NAME [--profile P] [--region R] [--endpoint URL] [--yes]\n');
    return EXIT.usage;
  }
  const env = await environmentFrom(values, io, prompt);
  if (!env || !(await showIdentity(env, io))) return EXIT.usage;
  try {
    const buckets = await bucketsOwnedBy(env, values.stack);
    const question = buckets.length ? `Delete stack ${values.stack} and every object in ${buckets.join(', ')}?` : `Delete stack ${values.stack}?`;
    if (!values.yes && !(await prompt.confirm(question))) {
      io.err('Not destroyed\n');
      return EXIT.cancelled;
    }
    return (await destroyStack(env, values.stack, buckets, (e) => printEvent(io, e))) ? EXIT.ok : EXIT.failed;
  } catch (error) {
    io.err(`eventform destroy: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}
