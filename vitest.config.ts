import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Test files that set no environment variable, timer, console spy or module state of their own
 * share their worker's modules: loading the generators again for each file cost a quarter of the
 * unit suite's CPU time (measured with every file sharing, the suite alone on two workers: 209 s of
 * CPU against 292 s). The command line's
 * and the server's tests set credentials and tokens in the environment, spy on the console and keep
 * operations in module state: each of those files loads its own.
 */
const SHARED_MODULES = ['{generators,store,components,blueprints,scripts,lambda-templates,protocol}/**/*.test.ts'];
const OWN_MODULES = ['{bin,server}/**/*.test.ts'];

/**
 * The files that take longest (a minute or more each on two cores: aws-cdk-lib, SAM's translator and
 * cfn-lint over many templates), longest first. Vitest orders by the durations of the last run, and
 * by file size on a fresh clone, where one of these starting last would run on alone at the end.
 */
const LONGEST = [
  'generators/export/cdk/app.test.ts',
  'generators/export/sam/template.test.ts',
  'bin/export-deploy.moto.test.ts',
  'generators/template/lint.test.ts',
  'generators/import/corpus.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST.findIndex((path) => file.moduleId.endsWith(`/${path}`));
      return at === -1 ? LONGEST.length : at;
    };
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: the other files keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

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
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED_MODULES, isolate: false } },
      // Its files that deploy only stacks of their own share one moto_server (server/sandbox/shared-sandbox.setup.ts).
      { extends: true, test: { name: 'isolated', include: OWN_MODULES, isolate: true, globalSetup: ['server/sandbox/shared-sandbox.setup.ts'] } },
    ],
  },
});
