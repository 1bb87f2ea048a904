import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diagram } from '../../generators/graph/build';
import { synthesize } from '../../generators';
import { AssetBuildError, buildAsset } from './build';
import { threeFileFunction, unpack } from './fixtures';

const run = promisify(execFile);
const cache = () => mkdtemp(join(tmpdir(), 'eventform-asset-cache-'));
const assetOfDiagram = (props: Record<string, string>) => {
  const { assets } = synthesize(diagram({ nodes: { Worker: ['lambda', props] } }));
  expect(assets).toHaveLength(1);
  return assets[0];
};

/** Runs the unpacked function's handler in a Node.js process of its own, as Lambda would. */
async function invoke(dir: string, event: unknown) {
  const script = `require(${JSON.stringify(join(dir, 'index.js'))}).handler(${JSON.stringify(event)}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: dir, env: { NODE_ENV: 'test', PATH: process.env.PATH } });
  return JSON.parse(stdout);
}

describe('function assets', () => {
  it('GIVEN a three-file Node.js function of about 20 KB with one npm package WHEN built THEN the zip is one bundle that runs, with the package inside', async () => {
    const source = threeFileFunction();
    const asset = assetOfDiagram({ runtime: 'nodejs22.x', code: source.main, files: JSON.stringify(source.files), dependencies: source.dependencies });
    expect(source.main.length + Object.values(source.files).join('').length).toBeGreaterThan(19_000);
    const built = await buildAsset(asset, { cacheDir: await cache(), offline: true });
    const entries = Object.keys(unzipSync(built.zip));
    // The data and format files and fflate are bundled: one file, no node_modules.
    expect(entries).toEqual(['index.js']);
    expect(built.nativePackages).toEqual([]);
    const dir = await unpack(built.zip);
    const answer = await invoke(dir, { word: 'echo' });
    expect(answer).toMatchObject({ count: 47, first: 'echo (47)', same: true });
  }, 120_000);

  it('GIVEN the same sources built twice without a cache THEN the zips are byte for byte the same, and the asset id names them', async () => {
    const source = threeFileFunction();
    const asset = assetOfDiagram({ runtime: 'nodejs22.x', code: source.main, files: JSON.stringify(source.files), dependencies: source.dependencies });
    const [a, b] = [await buildAsset(asset, { cacheDir: await cache(), offline: true }), await buildAsset(asset, { cacheDir: await cache(), offline: true })];
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
    expect(a.sha256).toBe(b.sha256);
  }, 120_000);

  it('GIVEN a Python function with a helper file and a data file THEN they ship as they are', async () => {
    const asset = assetOfDiagram({
      runtime: 'python3.13',
      code: 'from helper import greet\n\ndef handler(event, context):\n    return greet(event)\n',
      files: JSON.stringify({ 'helper.py': 'def greet(e):\n    return "hi " + e["name"]\n', 'data/words.txt': 'alpha\n' }),
    });
    const built = await buildAsset(asset, { cacheDir: await cache() });
    const files = unzipSync(built.zip);
    expect(Object.keys(files).sort()).toEqual(['data/words.txt', 'helper.py', 'index.py']);
    expect(new TextDecoder().decode(files['helper.py'])).toContain('def greet');
  });

  it('GIVEN a package the registry does not have THEN the build fails saying which package, and nothing is cached', async () => {
    const dir = await cache();
    const asset = assetOfDiagram({
      runtime: 'nodejs22.x',
      code: "exports.handler = async () => require('left-pad-does-not-exist-eventform')();\n",
      dependencies: 'left-pad-does-not-exist-eventform@1.0.0',
    });
    await expect(buildAsset(asset, { cacheDir: dir, offline: true })).rejects.toThrow(/could not install left-pad-does-not-exist-eventform@1\.0\.0 for Worker/);
    expect(existsSync(join(dir, `${asset.id}.zip`))).toBe(false);
  }, 120_000);

  it('GIVEN code that does not parse THEN the build says where', async () => {
    const asset = assetOfDiagram({ runtime: 'nodejs22.x', code: 'exports.handler = async () => {\n  return (;\n};\n', files: JSON.stringify({ 'other.js': 'module.exports = 1;\n' }) });
    const error = await buildAsset(asset, { cacheDir: await cache() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssetBuildError);
    expect((error as Error).message).toMatch(/Worker's code could not be bundled: .* \(index\.js:2:\d+\)/);
  });

  it('GIVEN a built asset THEN a second build comes from the cache', async () => {
    const dir = await cache();
    const asset = assetOfDiagram({ runtime: 'python3.13', code: `def handler(event, context):\n    return ${'1 + '.repeat(1200)}1\n` });
    const first = await buildAsset(asset, { cacheDir: dir });
    expect(await readFile(join(dir, `${asset.id}.zip`))).toEqual(Buffer.from(first.zip));
    expect((await buildAsset(asset, { cacheDir: dir })).sha256).toBe(first.sha256);
  });
});
