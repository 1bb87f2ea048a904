/**
 * Keeps "a service kind is one folder" true: outside its own folder (`generators/services/<kind>/`)
 * and the connection rules (`generators/rules/`, where a pair's wiring names both of its ends), no
 * source file names a kind. The exceptions are the places that are about particular services by
 * nature: the registry's one line per kind, the blueprints and the function handlers they run, the
 * server's post-deploy steps (a website upload, sample events), tests and their fixtures,
 * benchmarks, scripts and docs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from './registry';

const root = fileURLToPath(new URL('../..', import.meta.url));

const SOURCE = /\.(ts|tsx|mjs|js|py)$/;
// Dependencies, build output (public/workers is a bundle of the sources scanned here) and test output.
const SKIPPED_FOLDERS = new Set(['node_modules', '.next', '.git', '.eventform', 'public', 'test-results', 'playwright-report']);
const EXCEPTED = [
  /^generators\/rules\//,
  /^generators\/services\/registry\.ts$/,
  /^generators\/testing\//,
  /^blueprints\//,
  /^lambda-templates\/handlers\//,
  /^server\/deploy\/(website|samples)\.ts$/,
  /^(e2e|bench|scripts|docs)\//,
  /(\.test\.ts|\.spec\.ts|\.generated\.ts)$/,
  /(^|\/)tests?\//,
  /(^|\/)conftest\.py$/,
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    if (SKIPPED_FOLDERS.has(entry)) return [];
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry) ? [relative(root, path)] : [];
  });
}

describe('a service kind is one folder', () => {
  const files = sourceFiles(root).filter((file) => !EXCEPTED.some((pattern) => pattern.test(file)));

  it('GIVEN the tree THEN the scan sees the core, the UI and the server', () => {
    expect(files).toContain('generators/template/synth.ts');
    expect(files).toContain('components/canvas/Canvas.tsx');
    expect(files).toContain('server/deploy/deployment.ts');
  });

  it.each(SERVICE_KINDS)('GIVEN the kind %s THEN no source file outside its folder and the rules names it', (kind) => {
    const quoted = new RegExp(`['"\`]${kind}['"\`]`);
    const naming = files.filter((file) => !file.startsWith(`generators/services/${kind}/`) && quoted.test(readFileSync(join(root, file), 'utf8')));
    expect(naming).toEqual([]);
  });
});
