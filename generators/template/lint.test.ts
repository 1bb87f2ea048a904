import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagram } from '../graph/build';
import { describeFindings, lintTemplates } from '../testing/cfn-lint';
import { validGraphArbitrary } from '../testing/random-graph';
import { RULE_FIXTURES } from '../testing/rule-fixtures';
import { synthesize } from './synth';
import { toYaml } from './writer';
import { BLUEPRINTS } from '../../blueprints';

/** Informational findings we accept, each with the reason. Errors and warnings are never accepted. */
const ACCEPTED_INFORMATIONAL: Record<string, string> = {};

const RANDOM_GRAPHS = 60;

describe('cfn-lint gate', () => {
  it(`GIVEN every rule fixture, every blueprint and ${RANDOM_GRAPHS} random valid graphs WHEN linted in one batch THEN there are no errors and no warnings`, async () => {
    const seed = Number(process.env.EVENTFORM_LINT_SEED ?? Date.now() % 2 ** 31);
    const templates: Record<string, string> = {};
    for (const f of RULE_FIXTURES) templates[`rule ${f.key}`] = toYaml(synthesize(diagram(f.spec)).template);
    for (const blueprint of BLUEPRINTS) templates[`blueprint ${blueprint.id}`] = toYaml(synthesize(blueprint.graph).template);
    fc.sample(validGraphArbitrary(12), { numRuns: RANDOM_GRAPHS, seed }).forEach((graph, i) => {
      templates[`random ${i}`] = toYaml(synthesize(graph).template);
    });
    const results = await lintTemplates(templates);
    const failures: string[] = [];
    for (const [name, findings] of results) {
      const unaccepted = findings.filter((f) => f.Level !== 'Informational' || !ACCEPTED_INFORMATIONAL[f.Rule.Id]);
      if (unaccepted.length) failures.push(`${name}:\n${describeFindings(unaccepted)}`);
    }
    expect(failures, `seed ${seed} (EVENTFORM_LINT_SEED=${seed} reproduces)`).toEqual([]);
    expect(results.size).toBe(Object.keys(templates).length);
  }, 180_000);
});
