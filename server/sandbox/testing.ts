/**
 * For the tests that deploy to moto_server: one sandbox per test file, started before its tests and
 * stopped after them, with the deployer's environment and the SDK clients' settings for it.
 */
import { afterAll, beforeAll } from 'vitest';
import { SANDBOX_KEYS } from '../aws/target';
import type { Environment } from '../deploy/deployment';
import { startMoto, type Sandbox } from './moto';

/** The tests read no review: they accept every capability, as a person who did would. */
export const ACKNOWLEDGE_ALL = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'];

export function sandboxForTests() {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startMoto();
  }, 60_000);
  afterAll(() => sandbox?.stop());
  const endpoint = () => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox.endpoint;
  };
  return {
    endpoint,
    env: (): Environment => ({ target: { kind: 'sandbox', region: 'us-east-1', endpoint: endpoint() }, credentials: { kind: 'sandbox' }, sleep: async () => {} }),
    config: () => ({ region: 'us-east-1', endpoint: endpoint(), credentials: SANDBOX_KEYS, forcePathStyle: true }),
  };
}
