#!/usr/bin/env node
// The eventform command line. It runs the bundle made by `npm run build:cli` when that bundle is
// newer than every source file it was built from, and otherwise the TypeScript sources through tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, '.eventform', 'cli.cjs');
const sources = join(root, '.eventform', 'cli-sources.json');

/** The bundle is fresh while none of the sources it was built from (listed beside it) is newer. */
function bundleIsFresh() {
  if (!existsSync(bundle) || !existsSync(sources)) return false;
  const built = statSync(bundle).mtimeMs;
  return JSON.parse(readFileSync(sources, 'utf8')).every((path) => (statSync(join(root, path), { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY) < built);
}

/**
 * Loads the bundle with V8's code cache: compiling megabytes of JavaScript is a large part of a short
 * command's time. One cache per command (each compiles different functions) and per V8 version
 * (V8 refuses another's), written after a command that succeeded (one that stopped at a typo would
 * leave most of the command out). A missing, refused or unwritable cache only costs the compile.
 */
function loadBundleWithCodeCache(command) {
  const cacheDir = join(root, '.eventform', 'cli-cache');
  const cacheFile = join(cacheDir, `${/^[a-z][a-z-]{0,19}$/.test(command ?? '') ? command : 'other'}-${process.versions.v8}.bin`);
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const saveCache = () => {
    if (process.exitCode !== 0 || (cachedData && !script.cachedDataRejected)) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Written whole then renamed: a command starting meanwhile never reads half a cache.
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    } catch {
      // A read-only install runs without the cache.
    }
  };
  return { main: module.exports.main, saveCache };
}

const argv = process.argv.slice(2);
if (bundleIsFresh()) {
  const { main, saveCache } = loadBundleWithCodeCache(argv[0]);
  process.exitCode = await main(argv);
  // After the command: the cache then holds every function it compiled, not only the top level.
  saveCache();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./cli.ts');
  process.exitCode = await main(argv);
}
