import { readdirSync, readFileSync } from 'node:fs';
import { importTemplate } from './generators/import';
import { synthesize } from './generators/template/synth';
import { parseTemplateYaml } from './generators/template/reader';
import { toYaml, toJson } from './generators/template/writer';
import { readTemplateSource } from './generators/import/source';
import { isDeepStrictEqual } from 'node:util';
const dir = '../shared/corpus/';
for (const f of readdirSync(dir).filter(f => /\.(ya?ml|json)$/.test(f))) {
  const text = readFileSync(dir + f, 'utf8');
  const r = importTemplate(text, { name: f });
  if (!r.ok) { console.log('ERR', f.slice(0, 60), r.error); continue; }
  const out = synthesize(r.graph);
  const yaml = toYaml(out.template as any);
  const back = readTemplateSource(yaml).value;
  const orig = readTemplateSource(text).value;
  const eq = isDeepStrictEqual(JSON.parse(JSON.stringify(back)), JSON.parse(JSON.stringify(orig)));
  console.log(eq ? 'EQ ' : 'DIFF', f.slice(0, 70), 'nodes', r.graph.nodes.map(n => `${n.name}:${n.kind}`).join(','), '\n    edges', r.graph.edges.map(e => `${e.source.slice(2)}->${e.target.slice(2)}`).join(', '), '\n    warn', r.warnings.map(w => `${w.line}:${w.column} ${w.message}`).join(' | '), out.problems.length);
}
