import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * The test files that only compute (no environment, timers, console or module state of their own)
 * share their worker's modules: loading the generators again for each of them was a tenth of the
 * suite's time. The command line's and the server's tests set credentials and tokens in the
 * environment, spy on the console and keep operations in module state: each runs on its own.
 */
const SHARED_MODULES = ['{generators,store,components,blueprints,scripts,lambda-templates,protocol}/**/*.test.ts'];
const OWN_MODULES = ['{bin,server}/**/*.test.ts'];

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    environment: 'node',
    // Several tests start the CLI or moto_server as processes: generous on a shared, noisy machine.
    testTimeout: 30_000,
    // Function assets install npm packages from the local cache only: no test reaches the network.
    env: { EVENTFORM_NPM_OFFLINE: '1' },
    // Two workers even on two cores (Vitest's default is one fewer than the cores): many files wait on
    // the processes they start, and with the machine loaded a second worker keeps the suite's share.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      { extends: true, test: { name: 'pure', include: SHARED_MODULES, isolate: false } },
      { extends: true, test: { name: 'processes', include: OWN_MODULES, isolate: true } },
    ],
  },
});
