/** The AWS clients a deployment uses, for one target and one source of credentials (resolved on the server only). */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import { clientConfig, type CredentialSource, type Target } from '../aws/target';
import { whoAmI } from '../aws/identity';
import { realSleep, stackStatus, type StackDeps, type StackState } from './stack';

export interface Environment {
  target: Target;
  credentials: CredentialSource;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted when the user stops following the operation. */
  signal?: AbortSignal;
  now?: () => number;
  deadlineMs?: number;
}

type Clients = {
  cfn: CloudFormationClient;
  /** Made (and its code loaded) on first use: a deployment that stages nothing never needs S3. */
  s3: () => Promise<S3Client>;
  deps: StackDeps;
};
const clients = new WeakMap<Environment, Clients>();

/** One set of clients per environment: planning and carrying out a deployment share connections. */
export function clientsFor(env: Environment): Clients {
  let made = clients.get(env);
  if (!made) {
    const config = clientConfig(env.target, env.credentials);
    const cfn = new CloudFormationClient(config);
    const deps: StackDeps = { cfn, sleep: env.sleep ?? realSleep, signal: env.signal, now: env.now, deadlineMs: env.deadlineMs };
    let s3: Promise<S3Client> | undefined;
    made = { cfn, s3: () => (s3 ??= import('@aws-sdk/client-s3').then(({ S3Client }) => new S3Client(config))), deps };
    clients.set(env, made);
  }
  return made;
}

const identities = new WeakMap<Environment, ReturnType<typeof whoAmI>>();

/**
 * Who an environment's credentials belong to, asked once per environment (one operation): the
 * command line shows it, staging names its bucket after the account, the sandbox's outputs use it.
 */
export function identityOf(env: Environment): ReturnType<typeof whoAmI> {
  let who = identities.get(env);
  if (!who) {
    who = whoAmI(env.target, env.credentials);
    identities.set(env, who);
  }
  return who;
}

const prefetched = new WeakMap<Environment, { stackName: string; status: Promise<StackState> }>();

/**
 * Starts asking for a stack's status before the plan needs it: the command line asks while it
 * loads and synthesizes the diagram. The plan takes the answer once (takeStackStatus).
 */
export function prefetchStackStatus(env: Environment, stackName: string): Promise<StackState> {
  const status = stackStatus(clientsFor(env).deps, stackName);
  // A failure surfaces where the plan takes the answer.
  status.catch(() => undefined);
  prefetched.set(env, { stackName, status });
  return status;
}

/** The prefetched status of this stack, if one was asked for and not taken yet; otherwise asked now. */
export function takeStackStatus(env: Environment, stackName: string): Promise<StackState> {
  const early = prefetched.get(env);
  if (early?.stackName === stackName) {
    prefetched.delete(env);
    return early.status;
  }
  return stackStatus(clientsFor(env).deps, stackName);
}
