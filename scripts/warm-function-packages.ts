/**
 * The tests build function zips with npm offline (EVENTFORM_NPM_OFFLINE=1): no test reaches the
 * internet. `npm ci` caches the project's tarballs but not the package metadata that an install by
 * version reads, so on a fresh machine that install would fail with ENOTCACHED. This installs the
 * packages the blueprints and the test fixtures name once into a scratch folder, online only when
 * the offline install cannot: afterwards npm's cache holds them and their dependencies.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BLUEPRINTS } from '../blueprints';
import { parseDependencies } from '../generators/services/lambda/sources';
import { PACKAGE } from '../server/assets/fixtures';

const wanted: Record<string, string> = { [PACKAGE.name]: PACKAGE.version };
for (const blueprint of BLUEPRINTS) for (const node of blueprint.graph.nodes) if (node.kind === 'lambda') Object.assign(wanted, parseDependencies(node.props.dependencies) ?? {});

const install = (folder: string, mode: '--offline' | '--prefer-offline') =>
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', '--os=linux', '--cpu=x64', mode], {
    cwd: folder,
    stdio: 'pipe',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

const folder = mkdtempSync(join(tmpdir(), 'eventform-warm-'));
try {
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'eventform-warm', private: true, dependencies: wanted }));
  const list = Object.entries(wanted)
    .map(([name, version]) => `${name}@${version}`)
    .join(', ');
  try {
    install(folder, '--offline');
    console.log(`function packages already in npm's cache: ${list}`);
  } catch {
    console.log(`caching the function packages the tests build with: ${list}`);
    install(folder, '--prefer-offline');
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
