// Bundles the command line into one file (.eventform/cli.mjs) so it starts in a fraction of the
// time tsx needs to compile the sources at every run. bin/eventform.mjs uses it while it is fresh.
import { build } from 'esbuild';

await build({
  entryPoints: ['bin/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  outfile: '.eventform/cli.mjs',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // esbuild finds its own binary at run time: it is never bundled (it builds function assets).
  external: ['esbuild'],
  logLevel: 'warning',
});
console.log('built .eventform/cli.mjs');
