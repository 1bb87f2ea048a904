// Bundles the command line into one CommonJS file (.eventform/cli.cjs) so it starts in a fraction
// of the time tsx needs to compile the sources at every run. bin/eventform.mjs uses it while it is
// fresh, with V8's code cache (CommonJS, because Node 20 caches compiled code only for scripts
// given to node:vm). Old caches are removed: they belong to the bundle being replaced.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('.eventform/cli-cache', { recursive: true, force: true });
rmSync('.eventform/cli.mjs', { force: true });
const { metafile } = await build({
  entryPoints: ['bin/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  outfile: '.eventform/cli.cjs',
  // esbuild finds its own binary at run time: it is never bundled (it builds function assets). The
  // SSM client (a fifth of the bundle) serves only a CDK app's bootstrap parameter in the sandbox:
  // it is required from node_modules when that happens.
  external: ['esbuild', '@aws-sdk/client-ssm'],
  // import() becomes require(): a script compiled by node:vm (for its code cache) cannot import()
  // on Node 20 without an experimental flag, and every module here is CommonJS or bundled.
  supported: { 'dynamic-import': false },
  // Without whitespace and comments the file is a third smaller and pure ASCII (a one-byte string
  // for V8): reading and checking it is part of every start. Names are kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
// The project's own files the bundle was built from: bin/eventform.mjs runs the bundle only while
// none of them is newer (a new file counts through the edited file that imports it).
const sources = Object.keys(metafile.inputs).filter((path) => !path.includes('node_modules/'));
writeFileSync('.eventform/cli-sources.json', JSON.stringify(sources));
console.log('built .eventform/cli.cjs');
