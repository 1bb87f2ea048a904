import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../../generators';
import { CdkExportError, exportCdkApp } from '../../generators/export/cdk/app';
import type { Io } from '../cli';
import { readArgs } from '../args';
import { loadDiagram } from '../load-diagram';

const USAGE = 'Usage: eventform export cdk <blueprint-name | graph.json | template> -o DIR\n';

/** `eventform export cdk`: writes the diagram as an AWS CDK app (TypeScript) into a new or empty folder. */
export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const parsed = readArgs({ args: argv, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } }, io, 'export');
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const [format, source] = positionals;
  if (positionals.length !== 2 || format !== 'cdk' || !values.output) {
    io.err(USAGE);
    return 2;
  }
  const loaded = loadDiagram(source);
  if (!loaded.ok) {
    io.err(`eventform export: ${loaded.error}\n`);
    return 2;
  }
  const { errors } = analyze(loaded.graph);
  if (errors.length) {
    for (const d of errors) io.err(`error: ${d.message} [${d.code}]\n`);
    io.err(`eventform export: ${source} has errors; nothing written\n`);
    return 1;
  }
  const dir = values.output;
  // Never over an existing project: a developer's edits to an earlier export stay theirs.
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    io.err(`eventform export: ${dir} is not empty; give a new or empty folder\n`);
    return 2;
  }
  let app: ReturnType<typeof exportCdkApp>;
  try {
    app = exportCdkApp(loaded.graph);
  } catch (error) {
    if (!(error instanceof CdkExportError)) throw error;
    io.err(`eventform export: ${error.message}\n`);
    return 1;
  }
  for (const [path, text] of Object.entries(app.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  io.err(`wrote the CDK app ${app.stackId} to ${dir} (${Object.keys(app.files).length} files; the stack is ${app.stackFile}): npm install, then npx cdk deploy\n`);
  return 0;
}
