/**
 * Builds a function asset into a zip, the way `sam build` and the CDK's NodejsFunction do:
 * - Node.js: the npm packages are installed for Lambda's platform (linux, x64) with install
 *   scripts off, then esbuild bundles the main file and what it imports into one CommonJS
 *   index.js. The AWS SDK is left out (the runtime has it); packages with native binaries (sharp)
 *   cannot be bundled, so they ship in node_modules beside the bundle.
 * - Python: the files as they are.
 * Files that are not code (data, templates) ship as they are too. The zip is deterministic (sorted
 * entries, a fixed date), so the same sources give the same bytes, and built zips are cached by
 * asset id.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import type { FunctionAsset } from '../../generators/template/asset';

const run = promisify(execFile);

/** Lambda's limits for code given as a zip in S3 (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). */
export const MAX_UNZIPPED_BYTES = 250 * 1024 * 1024;
export const MAX_DIRECT_UPLOAD_BYTES = 50 * 1024 * 1024;
/** A fixed date for every entry: the same sources make the same zip. */
const ZIP_DATE = new Date('1980-01-01T00:00:00Z');
const CODE_FILE = /\.(m?js|cjs|ts|mts|cts|jsx|tsx)$/;

export interface BuiltAsset {
  id: string;
  zip: Uint8Array;
  /** Zipped and unzipped sizes, and the number of files in the zip. */
  bytes: number;
  unzippedBytes: number;
  fileCount: number;
  /** The code's SHA-256, base64, as Lambda reports it (CodeSha256). */
  sha256: string;
  /** Packages shipped in node_modules because they carry native binaries. */
  nativePackages: string[];
}

export class AssetBuildError extends Error {}

export interface BuildOptions {
  /** Where built zips are kept between builds. */
  cacheDir?: string;
  /** Install npm packages from the local cache only (tests: never the network). */
  offline?: boolean;
}

export const defaultCacheDir = () => process.env.EVENTFORM_ASSET_CACHE ?? join(tmpdir(), 'eventform-assets');

export async function buildAsset(asset: FunctionAsset, options: BuildOptions = {}): Promise<BuiltAsset> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const cached = join(cacheDir, `${asset.id}.zip`);
  if (existsSync(cached)) return builtAsset(asset.id, await readFile(cached), JSON.parse(await readFile(`${cached}.json`, 'utf8').catch(() => '[]')));
  const work = await mkdtemp(join(tmpdir(), 'eventform-build-'));
  try {
    const sources = join(work, 'src');
    await writeSources(sources, asset.files);
    const entries: Record<string, Uint8Array> = {};
    let nativePackages: string[] = [];
    if (asset.language === 'nodejs') {
      if (Object.keys(asset.dependencies).length) {
        await installPackages(sources, asset, options.offline ?? process.env.EVENTFORM_NPM_OFFLINE === '1');
        nativePackages = await packagesWithBinaries(join(sources, 'node_modules'));
      }
      entries['index.js'] = await bundle(sources, asset, nativePackages);
      for (const [path, content] of Object.entries(asset.files)) if (!CODE_FILE.test(path)) entries[path] = new TextEncoder().encode(content);
      // Native packages cannot be bundled: the whole installed tree ships beside the bundle.
      if (nativePackages.length) Object.assign(entries, await filesUnder(join(sources, 'node_modules'), 'node_modules'));
    } else {
      for (const [path, content] of Object.entries(asset.files)) entries[path] = new TextEncoder().encode(content);
    }
    const zip = zipOf(entries);
    const built = builtAsset(asset.id, zip, nativePackages);
    if (built.unzippedBytes > MAX_UNZIPPED_BYTES)
      throw new AssetBuildError(`${asset.logicalId}'s code is ${mib(built.unzippedBytes)} unzipped: Lambda takes at most ${mib(MAX_UNZIPPED_BYTES)} (use fewer or smaller packages, or a layer)`);
    await mkdir(cacheDir, { recursive: true });
    await writeFile(cached, zip);
    await writeFile(`${cached}.json`, JSON.stringify(nativePackages));
    return built;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

function builtAsset(id: string, zip: Uint8Array, nativePackages: string[]): BuiltAsset {
  const { unzippedBytes, fileCount } = zipContents(zip);
  return { id, zip, bytes: zip.length, unzippedBytes, fileCount, sha256: createHash('sha256').update(zip).digest('base64'), nativePackages };
}

/** The sources on disk. Paths were checked when the diagram was read; checked again here, as anything written to disk is. */
async function writeSources(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    const target = resolve(root, path);
    if (!target.startsWith(root + sep)) throw new AssetBuildError(`the file path ${path} leaves the function's folder`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

async function installPackages(root: string, asset: FunctionAsset, offline: boolean) {
  await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'eventform-function', private: true, dependencies: asset.dependencies }));
  const args = ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--os=linux', '--cpu=x64', offline ? '--offline' : '--prefer-offline'];
  try {
    await run('npm', args, { cwd: root, timeout: 300_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
    const why = stderr.split('\n').find((line) => /npm (ERR!|error)/.test(line) && !/A complete log/.test(line)) ?? stderr.split('\n')[0];
    throw new AssetBuildError(
      `could not install ${Object.entries(asset.dependencies)
        .map(([n, v]) => `${n}@${v}`)
        .join(', ')} for ${asset.logicalId}: ${why.replace(/^npm (ERR!|error)\s*/, '')}`,
    );
  }
}

/** Installed packages holding a compiled addon (a .node file): they must ship as they are. */
async function packagesWithBinaries(modules: string): Promise<string[]> {
  if (!existsSync(modules)) return [];
  const found = new Set<string>();
  for (const path of Object.keys(await filesUnder(modules, ''))) {
    if (!path.endsWith('.node')) continue;
    const parts = path.split('/');
    found.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  return [...found].sort();
}

async function bundle(root: string, asset: FunctionAsset, external: string[]): Promise<Uint8Array> {
  const major = /nodejs(\d+)/.exec(asset.runtime)?.[1] ?? '20';
  // A package with binaries is required at run time from node_modules, and so is what requires it.
  const unbundled = external.length ? Object.keys(asset.dependencies) : [];
  try {
    // esbuild is loaded when a function needs bundling, not at every start of the command line.
    const { build } = await import('esbuild');
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, asset.entry)],
      bundle: true,
      platform: 'node',
      target: `node${major}`,
      format: 'cjs',
      write: false,
      outfile: join(root, 'out', 'index.js'),
      external: ['@aws-sdk/*', ...external, ...unbundled],
      logLevel: 'silent',
      legalComments: 'none',
    });
    return result.outputFiles[0].contents;
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors?.[0];
    const file = first?.location && (isAbsolute(first.location.file) ? relative(root, first.location.file) : first.location.file);
    const where = first?.location ? ` (${file}:${first.location.line}:${first.location.column})` : '';
    throw new AssetBuildError(`${asset.logicalId}'s code could not be bundled: ${first?.text ?? (error as Error).message}${where}`);
  }
}

async function filesUnder(dir: string, prefix: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, await filesUnder(full, path));
    else if (entry.isFile()) out[path] = new Uint8Array(await readFile(full));
    else if (entry.isSymbolicLink() && (await stat(full)).isFile()) out[path] = new Uint8Array(await readFile(full));
  }
  return out;
}

/** A zip of the entries, sorted, every one dated the same: byte for byte reproducible. */
export function zipOf(entries: Record<string, Uint8Array>): Uint8Array {
  const tree: Zippable = {};
  for (const path of Object.keys(entries).sort()) tree[path] = [entries[path], { mtime: ZIP_DATE, level: 6 }];
  return zipSync(tree, { mtime: ZIP_DATE });
}

/** The unzipped size and file count of a zip, from its central directory. */
function zipContents(zip: Uint8Array): { unzippedBytes: number; fileCount: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) return { unzippedBytes: 0, fileCount: 0 };
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let unzippedBytes = 0;
  for (let i = 0; i < count; i++) {
    unzippedBytes += view.getUint32(at + 24, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { unzippedBytes, fileCount: count };
}
