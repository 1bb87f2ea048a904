import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['{generators,store,components,blueprints,bin,server,scripts,lambda-templates,protocol}/**/*.test.ts'],
    environment: 'node',
    // Several tests start the CLI or moto_server as processes: generous on a shared, noisy machine.
    testTimeout: 30_000,
    // Function assets install npm packages from the local cache only: no test reaches the network.
    env: { EVENTFORM_NPM_OFFLINE: '1' },
  },
});
