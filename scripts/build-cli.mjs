// Bundles the command line into CommonJS files so it starts in a fraction of the time tsx needs to
// compile the sources at every run: .eventform/cli.cjs, the router (bin/cli.ts: usage and which
// module runs a command), and one bundle per command module (.eventform/commands/<module>.cjs)
// that the router requires when that command runs. Each command's bundle is linked statically, so
// esbuild keeps only what it uses (of the CloudFormation client's 93 commands, the deployer's eight)
// and initializes it without lazy wrappers. bin/eventform.mjs loads them while they are fresh, with
// V8's code cache (CommonJS, because Node 20 caches compiled code only for scripts given to
// node:vm). Old caches are removed: they belong to the bundles being replaced.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const COMMANDS_DIR = 'bin/commands';
const MODULE_WRAPPER_ARGUMENTS = 'exports, require, module, __filename, __dirname';
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  // esbuild finds its own binary at run time: it is never bundled (it builds function assets). The
  // SSM client (a fifth of a bundle) serves only a CDK app's bootstrap parameter in the sandbox:
  // it is required from node_modules when that happens.
  external: ['esbuild', '@aws-sdk/client-ssm'],
  // import() becomes require(): a script compiled by node:vm (for its code cache) cannot import()
  // on Node 20 without an experimental flag, and every module here is CommonJS or bundled.
  supported: { 'dynamic-import': false },
  // Without whitespace and comments the files are a third smaller and pure ASCII (one-byte strings
  // for V8): reading and checking them is part of every start. Names are kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Each file is one function expression of CommonJS's five arguments, so bin/eventform.mjs compiles
  // the text as read: wrapping it at run time would copy a megabyte-long string at every start.
  banner: { js: `(function (${MODULE_WRAPPER_ARGUMENTS}) {` },
  footer: { js: '})' },
};

/** The router requires a command module's own bundle (beside it, under commands/) instead of bundling it. */
const commandsAsBundles = {
  name: 'commands-as-bundles',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/commands\/[a-z-]+$/ }, (args) => (args.importer.endsWith(join('bin', 'cli.ts')) ? { path: `./commands/${basename(args.path)}.cjs`, external: true } : undefined));
  },
};

// Without the list of sources the launcher runs the sources through tsx: a build that fails half way
// never leaves a router whose command bundles are missing or stale.
rmSync('.eventform/cli-sources.json', { force: true });
rmSync('.eventform/cli-cache', { recursive: true, force: true });
rmSync('.eventform/commands', { recursive: true, force: true });
rmSync('.eventform/cli.mjs', { force: true });
const commandModules = readdirSync(COMMANDS_DIR).filter((file) => file.endsWith('.ts') && !file.includes('.test.'));
const [router, commands] = await Promise.all([
  build({ ...common, entryPoints: ['bin/cli.ts'], outfile: '.eventform/cli.cjs', plugins: [commandsAsBundles] }),
  build({ ...common, entryPoints: commandModules.map((file) => `${COMMANDS_DIR}/${file}`), outdir: '.eventform/commands', outExtension: { '.js': '.cjs' } }),
]);
// The project's own files the bundles were built from: bin/eventform.mjs runs them only while none
// of them is newer (a new file counts through the edited file that imports it).
// The builder and the launcher count too: the launcher runs the bundles in the form this builder writes.
const sources = [...new Set([router, commands].flatMap(({ metafile }) => Object.keys(metafile.inputs)).concat('scripts/build-cli.mjs', 'bin/eventform.mjs'))]
  .filter((path) => !path.includes('node_modules/'))
  .sort();
writeFileSync('.eventform/cli-sources.json', JSON.stringify(sources));
console.log(`built .eventform/cli.cjs and ${commandModules.length} command bundles`);
