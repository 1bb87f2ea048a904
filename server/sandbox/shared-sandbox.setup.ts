/**
 * One moto_server for the test files that can share it (vitest's globalSetup of the isolated
 * project: started only when one of its files runs). Those files deploy stacks of their own names
 * and look only at what their stacks made; the files that count everything in the sandbox start
 * their own (sandboxForTests).
 */
import type { TestProject } from 'vitest/node';
import { startMoto } from './moto';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedSandboxEndpoint: string;
  }
}

export default async function startSharedSandbox(project: TestProject) {
  const sandbox = await startMoto();
  project.provide('sharedSandboxEndpoint', sandbox.endpoint);
  return () => sandbox.stop();
}
