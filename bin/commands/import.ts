import { writeFileSync } from 'node:fs';
import { readTextFile } from '../read-file';
import { basename } from 'node:path';
import { importTemplate, MAX_TEMPLATE_BYTES } from '../../generators/import';
import { serializeGraph, serviceOf } from '../../generators';
import type { Io } from '../cli';
import { readArgs } from '../args';

const USAGE = 'Usage: eventform import <template.yaml|template.json> [-o graph.json] [--name NAME]\n';

/** Template -> diagram file. Problems are printed as FILE:LINE:COLUMN, the way compilers do, so editors can jump to them. */
export async function importCommand(argv: string[], io: Io): Promise<number> {
  const parsed = readArgs({ args: argv, allowPositionals: true, options: { output: { type: 'string', short: 'o' }, name: { type: 'string' } } }, io, 'import', USAGE);
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(USAGE);
    return 2;
  }
  const file = positionals[0];
  const read = readTextFile(file, MAX_TEMPLATE_BYTES);
  if (!read.ok) {
    io.err(`eventform import: ${read.error}\n`);
    return read.missing ? 2 : 1;
  }
  const { text } = read;
  const result = importTemplate(text, { name: values.name ?? basename(file).replace(/\.(template\.)?(ya?ml|json|template)$/i, '') });
  if (!result.ok) {
    const where = result.position ? `${file}:${result.position.line}:${result.position.column}` : file;
    io.err(`${where}: error: ${result.error.replace(/^line \d+, column \d+: /, '')}\n`);
    return 1;
  }
  for (const w of result.warnings) io.err(`${w.line ? `${file}:${w.line}:${w.column}` : file}: warning: ${w.message}\n`);
  const { graph } = result;
  const json = serializeGraph(graph);
  if (values.output) writeFileSync(values.output, json);
  else io.out(json);
  const generic = graph.nodes.filter((n) => !serviceOf(n.kind).modelled).length;
  io.err(`imported ${file}: ${graph.nodes.length} nodes (${generic} kept as generic CloudFormation resources), ${graph.edges.length} edges${values.output ? `; wrote ${values.output}` : ''}\n`);
  return 0;
}
