import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validGraphArbitrary } from '../testing/random-graph';
import { dependencyGraph, findCycle, referencesOf } from './analysis';
import type { CfnValue, Template } from './cfn';
import { synthesize } from './synth';
import { toJson, toYaml } from './writer';
import { parseTemplateYaml } from './reader';

const RUNS = Number(process.env.EVENTFORM_PROPERTY_RUNS ?? 1000);

function policyStatements(template: Template): { where: string; statement: Record<string, CfnValue> }[] {
  const found: { where: string; statement: Record<string, CfnValue> }[] = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    const p = (resource.Properties ?? {}) as Record<string, any>;
    const documents = [p.PolicyDocument, ...((p.Policies as any[]) ?? []).map((x) => x.PolicyDocument)].filter(Boolean);
    for (const doc of documents) for (const statement of doc.Statement) found.push({ where: id, statement });
  }
  return found;
}

describe('synthesis of random valid diagrams', () => {
  it(`GIVEN ${RUNS} random valid graphs THEN synthesis never throws, is deterministic, its YAML reads back as its JSON, every reference resolves, there is no cycle and every IAM statement is narrow`, () => {
    fc.assert(
      fc.property(validGraphArbitrary(10), (graph) => {
        const first = synthesize(graph);
        const second = synthesize(structuredClone(graph));
        expect(toYaml(second.template)).toBe(toYaml(first.template));
        expect(toJson(second.template)).toBe(toJson(first.template));
        expect(first.problems).toEqual([]);
        expect(parseTemplateYaml(toYaml(first.template))).toEqual(JSON.parse(toJson(first.template)));

        const { template } = first;
        const ids = new Set(Object.keys(template.Resources));
        const everything = { r: template.Resources, o: template.Outputs ?? {} } as unknown as CfnValue;
        for (const reference of referencesOf(everything)) expect(ids.has(reference), `unresolved reference ${reference}`).toBe(true);
        for (const [id, resource] of Object.entries(template.Resources)) for (const dep of resource.DependsOn ?? []) expect(ids.has(dep), `${id} depends on missing ${dep}`).toBe(true);
        expect(findCycle(dependencyGraph(template))).toBeNull();

        for (const { where, statement } of policyStatements(template)) {
          const actions = ([] as CfnValue[]).concat(statement.Action as CfnValue);
          for (const action of actions) expect(String(action), `${where}/${statement.Sid}`).not.toMatch(/^\*$|:\*$/);
          if (statement.Principal === undefined || where.endsWith('Policy')) {
            const resources = ([] as CfnValue[]).concat((statement.Resource ?? []) as CfnValue);
            expect(resources.length, `${where}/${statement.Sid} names no resource`).toBeGreaterThan(0);
            expect(resources, `${where}/${statement.Sid}`).not.toContain('*');
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
