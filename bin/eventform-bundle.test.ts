import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../generators';
import { diagram } from '../generators/graph/build';

// bin/eventform.mjs runs the bundles (npm test builds them before the unit suite): the router
// .eventform/cli.cjs and the command's own bundle under .eventform/commands/, with V8's code cache,
// one file per command and V8 version under .eventform/cli-cache.
const cacheFile = join('.eventform', 'cli-cache', `blueprints-${process.versions.v8}.bin`);
const run = (args: string[]) => spawnSync(process.execPath, ['bin/eventform.mjs', ...args], { encoding: 'utf8' });

function bundleIsFresh(): boolean {
  if (!existsSync('.eventform/cli.cjs') || !existsSync('.eventform/cli-sources.json')) return false;
  const built = statSync('.eventform/cli.cjs').mtimeMs;
  return (JSON.parse(readFileSync('.eventform/cli-sources.json', 'utf8')) as string[]).every((path) => statSync(path).mtimeMs < built);
}

describe('the command line bundle', () => {
  it('GIVEN the bundle was built THEN it lists the sources it was built from, and none is newer', () => {
    const sources = JSON.parse(readFileSync('.eventform/cli-sources.json', 'utf8')) as string[];
    expect(sources).toContain('bin/cli.ts');
    expect(sources).toContain('generators/template/synth.ts');
    // The launcher runs the bundles in the form the builder writes them: an edit to either rebuilds them.
    expect(sources).toEqual(expect.arrayContaining(['bin/eventform.mjs', 'scripts/build-cli.mjs']));
    expect(sources.some((path) => path.includes('node_modules'))).toBe(false);
    expect(bundleIsFresh(), 'the bundle is older than its sources: run node scripts/build-cli.mjs (npm test does)').toBe(true);
  });

  it('GIVEN the bundles THEN the router is small and each command module has its own, linked statically and pure ASCII', () => {
    expect(statSync('.eventform/cli.cjs').size).toBeLessThan(20_000);
    const bundles = readdirSync(join('.eventform', 'commands'));
    expect(bundles).toEqual(expect.arrayContaining(['deploy.cjs', 'synth.cjs', 'import.cjs', 'export.cjs', 'blueprints.cjs', 'samples.cjs']));
    // The launcher reads them as latin1: a byte above 0x7f would be misread.
    for (const bundle of bundles)
      expect(
        readFileSync(join('.eventform', 'commands', bundle)).some((byte) => byte > 0x7f),
        bundle,
      ).toBe(false);
    // Linked statically, deploy keeps the CloudFormation commands it sends and none of the others.
    const deploy = readFileSync(join('.eventform', 'commands', 'deploy.cjs'), 'latin1');
    expect(deploy).toContain('CreateChangeSetCommand');
    expect(deploy).not.toContain('ListExportsCommand');
  });

  it('GIVEN a code cache V8 refuses (garbage) WHEN a command runs THEN it prints the same as without one, and writes a good cache in its place', () => {
    const uncached = run(['blueprints']);
    expect(uncached.status).toBe(0);
    writeFileSync(cacheFile, 'not a code cache');
    const refused = run(['blueprints']);
    expect(refused.status).toBe(0);
    expect(refused.stdout).toBe(uncached.stdout);
    expect(readFileSync(cacheFile).length).toBeGreaterThan(10_000);
    const cached = run(['blueprints']);
    expect(cached.stdout).toBe(uncached.stdout);
    // Written whole, then renamed: no half-written file is left beside it.
    expect(readdirSync(join('.eventform', 'cli-cache')).filter((name) => name.startsWith(`blueprints-${process.versions.v8}.bin.`))).toEqual([]);
  });

  it('GIVEN a command that fails WHEN it ends THEN no cache is written from it (it ran only part of the command)', () => {
    const failing = join('.eventform', 'cli-cache', `send-samples-${process.versions.v8}.bin`);
    const before = existsSync(failing) ? statSync(failing).mtimeMs : null;
    const result = run(['send-samples', 'no-such-diagram', '--stack', 'x']);
    expect(result.status).not.toBe(0);
    expect(existsSync(failing) ? statSync(failing).mtimeMs : null).toBe(before);
  });

  it('GIVEN a reader that closes the pipe after the first bytes (| head -c 100) WHEN a long template is printed THEN the command ends quietly, without EPIPE', () => {
    // 120 queues and functions: about a megabyte of YAML, far more than a pipe holds.
    const nodes = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [[`Jobs${i}`, 'sqs'] as const, [`Worker${i}`, 'lambda'] as const]).flat());
    const file = join(mkdtempSync(join(tmpdir(), 'eventform-pipe-')), 'large.json');
    writeFileSync(file, serializeGraph(diagram({ name: 'Large', nodes, edges: Array.from({ length: 120 }, (_, i) => [`Jobs${i}`, `Worker${i}`] as [string, string]) })));
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/eventform.mjs synth "${file}" | head -c 100 > /dev/null`], { encoding: 'utf8' });
    expect(piped.stderr).not.toMatch(/EPIPE|Error/);
    expect(piped.status).toBe(0);
  });
});
