import { writeFileSync } from 'node:fs';
import { analyze, toJson, toYaml, type Diagnostic } from '../../generators';
import { withLayout } from '../../generators/import';
import type { Io } from '../cli';
import { readArgs } from '../args';
import { loadDiagram } from '../load-diagram';

const formatDiagnostic = (d: Diagnostic) => `${d.severity}: ${d.message} [${d.code}]`;

export async function synthCommand(argv: string[], io: Io): Promise<number> {
  const parsed = readArgs(
    { args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'yaml' }, output: { type: 'string', short: 'o' }, 'without-layout': { type: 'boolean', default: false } } },
    io,
    'synth',
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || (values.format !== 'yaml' && values.format !== 'json')) {
    io.err('Usage: eventform synth <blueprint-name | graph.json | template> [--format yaml|json] [-o FILE] [--without-layout]\n');
    return 2;
  }
  const loaded = loadDiagram(positionals[0]);
  if (!loaded.ok) {
    io.err(`eventform synth: ${loaded.error}\n`);
    return 2;
  }
  const { synthesis, diagnostics, errors } = analyze(loaded.graph);
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (errors.length) {
    io.err(`eventform synth: ${positionals[0]} has errors; no template written\n`);
    return 1;
  }
  const template = values['without-layout'] ? synthesis.template : withLayout(synthesis.template, loaded.graph);
  const text = values.format === 'json' ? toJson(template) : toYaml(template);
  if (values.output) {
    writeFileSync(values.output, text);
    io.err(`wrote ${values.output} (${Object.keys(synthesis.template.Resources).length} resources)\n`);
  } else io.out(text);
  return 0;
}
