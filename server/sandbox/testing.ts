/**
 * For the tests that deploy to moto_server: the deployer's environment and the SDK clients' settings
 * for a sandbox. A file that counts everything in the sandbox gets one of its own, started before
 * its tests and stopped after them; a file that looks only at its own stacks shares the one the
 * test run started (shared-sandbox.setup.ts).
 */
import { afterAll, beforeAll, inject } from 'vitest';
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
  return sandboxAt(() => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox.endpoint;
  });
}

/** The sandbox this test run shares among the files whose assertions are about their own stacks only. */
export function sharedSandboxForTests() {
  return sandboxAt(() => {
    const endpoint = inject('sharedSandboxEndpoint');
    if (!endpoint) throw new Error('no shared sandbox: this file runs in the project whose globalSetup starts it');
    return endpoint;
  });
}

function sandboxAt(endpoint: () => string) {
  return {
    endpoint,
    env: (): Environment => ({ target: { kind: 'sandbox', region: 'us-east-1', endpoint: endpoint() }, credentials: { kind: 'sandbox' }, sleep: async () => {} }),
    config: () => ({ region: 'us-east-1', endpoint: endpoint(), credentials: SANDBOX_KEYS, forcePathStyle: true }),
  };
}
