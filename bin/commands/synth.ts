import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assetKey } from '../../generators/template/asset';
import { AssetBuildError, buildAsset, mib } from '../../server/assets/build';
import { analyze, toJson, toYaml, type Diagnostic } from '../../generators';
import { withLayout } from '../../generators/import';
import type { Io } from '../cli';
import { readArgs } from '../args';
import { loadDiagram } from '../load-diagram';

const formatDiagnostic = (d: Diagnostic) => `${d.severity}: ${d.message} [${d.code}]`;

export async function synthCommand(argv: string[], io: Io): Promise<number> {
  const parsed = readArgs(
    {
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'yaml' }, output: { type: 'string', short: 'o' }, 'without-layout': { type: 'boolean', default: false }, assets: { type: 'string' } },
    },
    io,
    'synth',
  );
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || (values.format !== 'yaml' && values.format !== 'json')) {
    io.err('Usage: eventform synth <blueprint-name | graph.json | template> [--format yaml|json] [-o FILE] [--without-layout] [--assets DIR]\n');
    return 2;
  }
  const loaded = await loadDiagram(positionals[0]);
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
  if (synthesis.assets.length && !values.assets) {
    io.err(
      `eventform synth: ${synthesis.assets.map((a) => a.logicalId).join(', ')} ${synthesis.assets.length > 1 ? 'have' : 'has'} code built into a zip: give --assets DIR to write ${synthesis.assets.length > 1 ? 'them' : 'it'} (the template refers to ${synthesis.assets.map(assetKey).join(', ')} in the staging bucket)\n`,
    );
    return 1;
  }
  if (values.assets) {
    mkdirSync(join(values.assets, 'assets'), { recursive: true });
    for (const asset of synthesis.assets) {
      try {
        const built = await buildAsset(asset);
        writeFileSync(join(values.assets, assetKey(asset)), built.zip);
        io.err(`wrote ${join(values.assets, assetKey(asset))} for ${asset.logicalId} (${mib(built.bytes)} zipped, ${mib(built.unzippedBytes)} unzipped)\n`);
      } catch (error) {
        if (!(error instanceof AssetBuildError)) throw error;
        io.err(`eventform synth: ${error.message}\n`);
        return 1;
      }
    }
  }
  const template = values['without-layout'] ? synthesis.template : withLayout(synthesis.template, loaded.graph);
  const text = values.format === 'json' ? toJson(template) : toYaml(template);
  if (values.output) {
    writeFileSync(values.output, text);
    io.err(`wrote ${values.output} (${Object.keys(synthesis.template.Resources).length} resources)\n`);
  } else io.out(text);
  return 0;
}
