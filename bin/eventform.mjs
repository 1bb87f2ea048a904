#!/usr/bin/env node
// The eventform command line. It runs the bundles made by `npm run build:cli` (a small router and
// one bundle per command module) when they are newer than every source file they were built from,
// and otherwise the TypeScript sources through tsx.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, '.eventform');
const router = join(built, 'cli.cjs');
const sources = join(built, 'cli-sources.json');

/** The bundles are fresh while none of the sources they were built from (listed beside them) is newer. */
function bundlesAreFresh() {
  if (!existsSync(router) || !existsSync(sources)) return false;
  const builtAt = statSync(router).mtimeMs;
  // Joined by hand: path.join, run cold two hundred times, took longer than the stats themselves.
  const prefix = `${root}/`;
  return JSON.parse(readFileSync(sources, 'utf8')).every((path) => (statSync(prefix + path, { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY) < builtAt);
}

/**
 * Runs a bundle through node:vm, with V8's code cache when one is named (each bundle is one function
 * expression of CommonJS's module arguments, as scripts/build-cli.mjs writes it): compiling a
 * megabyte of JavaScript is a large part of a short command's time. The cache is written after a
 * command that succeeded (one that stopped at a typo would leave most of the command out). A
 * missing, refused or unwritable cache only costs the compile.
 */
function runBundle(file, { require = createRequire(file), cacheFile } = {}) {
  const cachedData = cacheFile && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The bundles are pure ASCII (esbuild writes them so): read as latin1, they are one-byte strings without a UTF-8 decode.
  const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  const saveCache = () => {
    if (!cacheFile || process.exitCode !== 0 || (cachedData && !script.cachedDataRejected)) return;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      // Written whole then renamed: a command starting meanwhile never reads half a cache.
      writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
      renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    } catch {
      // A read-only install runs without the cache.
    }
  };
  return { exports: module.exports, saveCache };
}

// A reader that stops early (eventform synth x | head) closes the pipe: the command ends quietly,
// as a Unix tool does on SIGPIPE, instead of crashing with EPIPE. Messages to a closed stderr are dropped.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.stderr.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const argv = process.argv.slice(2);
if (bundlesAreFresh()) {
  // One cache per command (each compiles different functions) and per V8 version (V8 refuses another's).
  const command = /^[a-z][a-z-]{0,19}$/.test(argv[0] ?? '') ? argv[0] : 'other';
  const cacheFile = join(built, 'cli-cache', `${command}-${process.versions.v8}.bin`);
  const saves = [];
  const nodeRequire = createRequire(router);
  // The router is a few kilobytes: it needs no cache. The command bundle it asks for gets one.
  const commandRequire = (id) => {
    if (!id.startsWith('./commands/')) return nodeRequire(id);
    const loaded = runBundle(join(built, id), { cacheFile });
    saves.push(loaded.saveCache);
    return loaded.exports;
  };
  process.exitCode = await runBundle(router, { require: commandRequire }).exports.main(argv);
  // After the command: the cache then holds every function it compiled, not only the top level.
  for (const save of saves) save();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./cli.ts');
  process.exitCode = await main(argv);
}
