import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { analyze } from '../../generators';
import { CdkExportError, exportCdkApp } from '../../generators/export/cdk/app';
import { exportSam } from '../../generators/export/sam/template';
import type { Io } from '../cli';
import { readArgs } from '../args';
import { loadDiagram } from '../load-diagram';

const USAGE = 'Usage: eventform export cdk <blueprint-name | graph.json | template> -o DIR\n       eventform export sam <blueprint-name | graph.json | template> [-o DIR]\n';

/**
 * `eventform export cdk`: the diagram as an AWS CDK app (TypeScript) in a new or empty folder.
 * `eventform export sam`: the diagram as a SAM template, on standard output or as DIR/template.yaml
 * with the code of functions that are not inline under DIR/functions/.
 */
export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const parsed = readArgs({ args: argv, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } }, io, 'export');
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  const [format, source] = positionals;
  if (positionals.length !== 2 || (format !== 'cdk' && format !== 'sam') || (format === 'cdk' && !values.output)) {
    io.err(USAGE);
    return 2;
  }
  const loaded = await loadDiagram(source);
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
  if (format === 'sam') return writeSam(loaded.graph, dir, io);
  if (!dir || !isEmptyFolder(dir, io)) return 2;
  let app: ReturnType<typeof exportCdkApp>;
  try {
    app = exportCdkApp(loaded.graph);
  } catch (error) {
    if (!(error instanceof CdkExportError)) throw error;
    io.err(`eventform export: ${error.message}\n`);
    return 1;
  }
  writeFiles(dir, app.files);
  io.err(`wrote the CDK app ${app.stackId} to ${dir} (${Object.keys(app.files).length} files; the stack is ${app.stackFile}): npm install, then npx cdk deploy\n`);
  return 0;
}

/** Never over an existing project: a developer's edits to an earlier export stay theirs. */
function isEmptyFolder(dir: string, io: Io): boolean {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    io.err(`eventform export: ${dir} is not empty; give a new or empty folder\n`);
    return false;
  }
  return true;
}

function writeFiles(dir: string, files: Record<string, string>) {
  const root = resolve(dir);
  for (const [path, text] of Object.entries(files)) {
    const target = resolve(root, path);
    // File paths come from the diagram (a function's files), checked when set or read; never outside the folder all the same.
    if (!target.startsWith(root + sep)) throw new Error(`internal: ${path} is outside ${dir}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

function writeSam(graph: Parameters<typeof exportSam>[0], dir: string | undefined, io: Io): number {
  const sam = exportSam(graph);
  const folders = Object.keys(sam.files).length > 0;
  if (!dir) {
    if (folders) {
      io.err('eventform export sam: some functions are built from files of their own: give -o DIR to write them beside the template\n');
      return 1;
    }
    io.out(sam.text);
    return 0;
  }
  if (!isEmptyFolder(dir, io)) return 2;
  writeFiles(dir, { 'template.yaml': sam.text, ...sam.files });
  io.err(
    `wrote the SAM template to ${join(dir, 'template.yaml')} (${Object.keys(sam.template.Resources).length} resources${folders ? ", and the functions' code under functions/: sam build first" : ''})\n`,
  );
  return 0;
}
