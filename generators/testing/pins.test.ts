/**
 * Pins what the product produces, byte for byte, so a restructuring can prove it changed nothing:
 * for every blueprint, every rule fixture and a fixed sample of random valid diagrams, the graph
 * file, the template (YAML and JSON), the diagnostics, the cost estimate, the event-flow traces of
 * every scenario (and with every function failing), and the presentation steps; for the corpus, the
 * import and its export. A change in behaviour that is meant shows up here as a reviewed diff of the
 * pin files (`npx vitest run generators/testing/pins.test.ts -u`).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../blueprints';
import { estimateCost } from '../cost/estimate';
import { diagnose } from '../diagnostics/check';
import { scenariosFor } from '../flow/scenarios';
import { simulate } from '../flow/simulate';
import { diagram } from '../graph/build';
import { serializeGraph } from '../graph/file';
import type { Graph } from '../graph/model';
import { documentedSchema } from '../graph/schema';
import { importTemplate } from '../import';
import { presentationSteps } from '../teaching/steps';
import { synthesize } from '../template/synth';
import { toJson, toYaml } from '../template/writer';
import { readCorpus } from './corpus';
import { graphFromRecipe, recipeArbitrary } from './random-graph';
import { RULE_FIXTURES } from './rule-fixtures';

const PIN_DIRECTORY = './pins';

function behaviour(graph: Graph) {
  const functions = new Set(graph.nodes.filter((n) => SERVICE_FAILS.has(n.kind)).map((n) => n.id));
  const flows = graph.nodes.flatMap((node) =>
    scenariosFor(graph, node.id).map((scenario) => ({
      scenario: scenario.label,
      hops: simulate(graph, scenario).hops.map((h) => `${h.tick} ${h.outcome} ${h.to}${h.edgeId ? ` via ${h.edgeId}` : ''} x${h.count}${h.batches ? ` (${h.batches} batches)` : ''}: ${h.text}`),
      failing: simulate(graph, scenario, { failing: functions }).hops.map((h) => `${h.tick} ${h.outcome} ${h.to}: ${h.text}`),
    })),
  );
  return {
    // Within a severity, the order of findings is not behaviour: pinned sorted.
    diagnostics: diagnose(graph)
      .map((d) => JSON.stringify(d))
      .sort(),
    cost: estimateCost(graph),
    flows,
    steps: presentationSteps(graph),
  };
}
// Functions are the only kind a teacher can make fail; pinned by kind id so the pin does not depend on the code under test.
const SERVICE_FAILS = new Set(['lambda']);

function pinText(graph: Graph): string {
  const { template } = synthesize(graph);
  return [
    '# graph file',
    serializeGraph(graph),
    '# template (YAML)',
    toYaml(template),
    '# template (JSON) sha256',
    createHash('sha256').update(toJson(template)).digest('hex'),
    '# behaviour',
    JSON.stringify(behaviour(graph), null, 1),
    '',
  ].join('\n');
}

describe('pinned output', () => {
  it.each(BLUEPRINTS.map((b) => [b.id, b] as const))('GIVEN the %s blueprint THEN its file, template and behaviour are as pinned', async (id, blueprint) => {
    await expect(pinText(blueprint.graph)).toMatchFileSnapshot(`${PIN_DIRECTORY}/blueprint-${id}.txt`);
  });

  it('GIVEN every rule fixture THEN its template and behaviour are as pinned', async () => {
    const text = RULE_FIXTURES.map((f) => `## ${f.key}\n${pinText(diagram(f.spec))}`).join('\n');
    await expect(text).toMatchFileSnapshot(`${PIN_DIRECTORY}/rule-fixtures.txt`);
  });

  it('GIVEN 40 random valid diagrams from a fixed seed THEN their templates and behaviour are as pinned', async () => {
    const recipes = fc.sample(recipeArbitrary(8), { seed: 20261202, numRuns: 40 });
    const text = recipes.map((recipe, i) => `## random ${i}\n${pinText(withStableIds(graphFromRecipe(recipe)))}`).join('\n');
    await expect(createDigestReport(text)).toMatchFileSnapshot(`${PIN_DIRECTORY}/random.txt`);
  });

  it('GIVEN the graph file format THEN its documented schema is as pinned', async () => {
    await expect(`${JSON.stringify(documentedSchema(), null, 1)}\n`).toMatchFileSnapshot(`${PIN_DIRECTORY}/schema.json`);
  });

  const corpus = readCorpus();
  it.skipIf(!corpus)('GIVEN the corpus (when this machine has it) THEN each import and its export are as pinned', async () => {
    const lines = corpus!.map((entry) => {
      const result = importTemplate(entry.text, { name: entry.filename });
      if (!result.ok) return `${entry.filename} refused: ${result.error}`;
      const graph = serializeGraph(result.graph);
      const exported = toYaml(synthesize(result.graph).template);
      const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
      return `${entry.filename}\n  graph ${digest(graph)} export ${digest(exported)} behaviour ${digest(JSON.stringify(behaviour(result.graph)))}\n  warnings: ${result.warnings.map((w) => `${w.line}:${w.column} ${w.message}`).join(' | ')}`;
    });
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(`${PIN_DIRECTORY}/corpus.txt`);
  });
});

/** Random diagrams get random ids (as drawn ones do): renumbered, so their pins compare. */
function withStableIds(graph: Graph): Graph {
  const ids = new Map<string, string>();
  graph.nodes.forEach((n, i) => ids.set(n.id, `n${i}`));
  graph.edges.forEach((e, i) => ids.set(e.id, `e${i}`));
  return {
    ...graph,
    nodes: graph.nodes.map((n) => ({ ...n, id: ids.get(n.id)! })),
    edges: graph.edges.map((e) => ({ ...e, id: ids.get(e.id)!, source: ids.get(e.source)!, target: ids.get(e.target)! })),
  };
}

/** Random diagrams are many: their full text would be megabytes, so each is pinned by digest, with its template in full. */
function createDigestReport(text: string): string {
  return text
    .split(/^## /m)
    .filter(Boolean)
    .map((section) => {
      const [title] = section.split('\n', 1);
      const template = section.slice(section.indexOf('# template (YAML)'), section.indexOf('# template (JSON)'));
      return `## ${title}\nsha256 ${createHash('sha256').update(section).digest('hex')}\n${template}`;
    })
    .join('\n');
}
