/** The AWS clients a deployment uses, for one target and one source of credentials (resolved on the server only). */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { clientConfig, type CredentialSource, type Target } from '../aws/target';
import { realSleep, type StackDeps } from './stack';

export interface Environment {
  target: Target;
  credentials: CredentialSource;
  sleep?: (ms: number) => Promise<void>;
  /** Aborted when the user stops following the operation. */
  signal?: AbortSignal;
  now?: () => number;
  deadlineMs?: number;
}

export function clientsFor(env: Environment) {
  const config = clientConfig(env.target, env.credentials);
  const cfn = new CloudFormationClient(config);
  const s3 = new S3Client(config);
  const deps: StackDeps = { cfn, sleep: env.sleep ?? realSleep, signal: env.signal, now: env.now, deadlineMs: env.deadlineMs };
  return { cfn, s3, deps };
}
