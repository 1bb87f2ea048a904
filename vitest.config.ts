import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['{generators,store,components,blueprints,bin,server,scripts}/**/*.test.ts'],
    environment: 'node',
  },
});
