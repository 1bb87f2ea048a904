import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../../blueprints';
import { diagram } from '../../graph/build';
import type { Graph } from '../../graph/model';
import { importTemplate, withLayout } from '../../import';
import { toYaml } from '../../template/writer';
import { SERVICE_KINDS, serviceOf } from '../../services/registry';
import type { SamEmitter } from '../../services/types';
import type { Template } from '../../template/cfn';
import { synthesize } from '../../template/synth';
import { describeFindings, lintTemplates } from '../../testing/cfn-lint';
import { ANY_RESOURCE, connectionsOf, roleGrants } from '../../testing/export-compare';
import { validGraphArbitrary } from '../../testing/random-graph';
import { RULE_FIXTURES } from '../../testing/rule-fixtures';
import { exportSam } from './template';

const RANDOM_GRAPHS = 50;
const SEED = 20261202;

const diagrams: [string, Graph][] = [
  ...BLUEPRINTS.map((b) => [`blueprint ${b.id}`, b.graph] as [string, Graph]),
  ...RULE_FIXTURES.map((f) => [`rule ${f.key}`, diagram(f.spec)] as [string, Graph]),
  ...fc.sample(validGraphArbitrary(10), { numRuns: RANDOM_GRAPHS, seed: SEED }).map((g, i) => [`random ${i}`, g] as [string, Graph]),
].filter(([, g]) => Object.keys(synthesize(g).template.Resources).length > 0) as [string, Graph][];

/**
 * Managed policies SAM attaches to a function's role, and why each is accepted: they are SAM's own
 * for the function and its events, on every resource of their service, read-only or logs-only.
 */
const SAM_MANAGED_POLICIES: Record<string, string> = {
  'service-role/AWSLambdaBasicExecutionRole': 'every SAM function: writes its logs (Eventform grants its own log group only)',
  'service-role/AWSLambdaSQSQueueExecutionRole': 'an SQS event: polls queues (Eventform grants the one queue only)',
  'service-role/AWSLambdaKinesisExecutionRole': 'a Kinesis event: reads streams (Eventform grants the one stream only)',
  'service-role/AWSLambdaDynamoDBExecutionRole': "a DynamoDB event: reads tables' streams (Eventform grants the one stream only)",
};

/** SAM's transform, offline, on many templates in one Python process. */
async function transformAll(templates: Record<string, Template>): Promise<Record<string, Template | { error: string }>> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = execFile('python3', ['generators/testing/sam_transform.py'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    child.stdin?.end(JSON.stringify(templates));
  });
  return JSON.parse(output);
}

const exports = new Map(diagrams.map(([name, graph]) => [name, exportSam(graph)]));

describe('SAM export', () => {
  it(`GIVEN every blueprint, every rule fixture and ${RANDOM_GRAPHS} random graphs (seed ${SEED}) WHEN exported as SAM and linted in one batch THEN cfn-lint (which runs the SAM transform) reports no errors and no warnings`, async () => {
    const results = await lintTemplates(Object.fromEntries([...exports].map(([name, e]) => [name, e.text])));
    const failures = [...results].filter(([, findings]) => findings.length).map(([name, findings]) => `${name}:\n${describeFindings(findings)}`);
    expect(failures).toEqual([]);
    expect(results.size).toBe(exports.size);
  }, 300_000);

  it('GIVEN the same exports WHEN SAM transforms them THEN each has the same services and connections as Eventform’s template, and each function role holds the same actions, SAM’s managed policies aside', async () => {
    const transformed = await transformAll(Object.fromEntries([...exports].map(([name, e]) => [name, e.template])));
    const failures: string[] = [];
    for (const [name, graph] of diagrams) {
      const result = transformed[name];
      if ('error' in result) {
        failures.push(`${name}: ${result.error}`);
        continue;
      }
      const ours = connectionsOf(synthesize(graph).template);
      const theirs = connectionsOf(result);
      for (const side of [ours, theirs]) side.services = side.services.filter((s) => !s.startsWith('resource '));
      if (JSON.stringify(ours.services) !== JSON.stringify(theirs.services)) failures.push(`${name}: services ${theirs.services.join(', ')} instead of ${ours.services.join(', ')}`);
      const missing = ours.connections.filter((c) => !theirs.connections.includes(c));
      if (missing.length) failures.push(`${name}: connections missing after the transform: ${missing.join(', ')}`);
      const ourGrants = roleGrants(synthesize(graph).template, graph);
      const samGrants = roleGrants(result, graph);
      for (const [fn, byNode] of ourGrants)
        for (const [target, actions] of byNode) {
          const held = new Set([...(samGrants.get(fn)?.get(target) ?? []), ...(samGrants.get(fn)?.get(ANY_RESOURCE) ?? [])]);
          const lost = [...actions].filter((a) => !held.has(a));
          if (lost.length) failures.push(`${name}: ${fn} lost ${lost.join(', ')} on ${target}`);
        }
      for (const [fn, byNode] of samGrants)
        for (const [target, actions] of byNode) {
          const extra = [...actions].filter((a) => !ourGrants.get(fn)?.get(target)?.has(a));
          if (extra.length) failures.push(`${name}: ${fn} gains ${extra.join(', ')} on ${target}`);
        }
      for (const [logicalId, r] of Object.entries(result.Resources))
        for (const arn of (r.Type === 'AWS::IAM::Role' ? (r.Properties?.ManagedPolicyArns as unknown[]) : undefined) ?? []) {
          const policy = JSON.stringify(arn).match(/policy\/([\w/-]+)/)?.[1];
          if (!policy || !SAM_MANAGED_POLICIES[policy]) failures.push(`${name}: ${logicalId} has the managed policy ${JSON.stringify(arn)}`);
        }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('GIVEN each SAM policy template a module uses for an access mode WHEN compared with SAM’s own definition THEN it grants exactly the mode’s actions', () => {
    const location = execFileSync('python3', ['-c', 'import samtranslator, os; print(os.path.dirname(samtranslator.__file__))'], { encoding: 'utf8' }).trim();
    const definitions = JSON.parse(readFileSync(`${location}/policy_templates_data/policy_templates.json`, 'utf8')).Templates as Record<
      string,
      { Definition: { Statement: { Action: string | string[] }[] } }
    >;
    let checked = 0;
    for (const kind of SERVICE_KINDS) {
      const sam = serviceOf(kind).sam as SamEmitter<never, string>;
      for (const [mode, policy] of Object.entries(sam.policies)) {
        if (!policy) continue;
        const template = policy(graphNodeOf(kind) as never).template;
        const actions = definitions[template].Definition.Statement.flatMap((s) => [s.Action].flat()).sort();
        expect(actions, `${kind} ${mode} -> ${template}`).toEqual([...serviceOf(kind).access.modes[mode].actions].sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('GIVEN the SAM exports WHEN imported again without their layout THEN the importer draws the same services and connections as from Eventform’s template', () => {
    const failures: string[] = [];
    for (const [name, graph] of diagrams) {
      const ours = connectionsOf(synthesize(graph).template);
      const again = connectionsOf(exports.get(name)!.template);
      for (const side of [ours, again]) side.services = side.services.filter((s) => !s.startsWith('resource '));
      if (JSON.stringify(again.services) !== JSON.stringify(ours.services)) failures.push(`${name}: services ${again.services.join(', ')} instead of ${ours.services.join(', ')}`);
      const missing = ours.connections.filter((c) => !again.connections.includes(c));
      if (missing.length) failures.push(`${name}: connections not drawn from the SAM template: ${missing.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('GIVEN a blueprint WHEN its SAM export (with its layout) is imported THEN the diagram comes back as from Eventform’s own template: the same nodes with the same props, the same edges', () => {
    const nodes = (g: Graph) => g.nodes.map((n) => ({ kind: n.kind, name: n.name, props: n.props })).sort((a, b) => a.name.localeCompare(b.name));
    const edges = (g: Graph) => {
      const names = new Map(g.nodes.map((n) => [n.id, n.name]));
      return g.edges.map((e) => `${names.get(e.source)} -> ${names.get(e.target)} ${JSON.stringify(e.props)}`).sort();
    };
    for (const blueprint of BLUEPRINTS) {
      const fromSam = importTemplate(exportSam(blueprint.graph).text);
      const fromOwn = importTemplate(toYaml(withLayout(synthesize(blueprint.graph).template, blueprint.graph)));
      if (!fromSam.ok || !fromOwn.ok) throw new Error(`${blueprint.id} does not import`);
      expect(nodes(fromSam.graph), blueprint.id).toEqual(nodes(fromOwn.graph));
      expect(edges(fromSam.graph), blueprint.id).toEqual(edges(fromOwn.graph));
      // The blueprint's own services, by name and kind, all come back.
      expect(nodes(fromSam.graph).map((n) => `${n.kind} ${n.name}`)).toEqual(expect.arrayContaining(nodes(blueprint.graph).map((n) => `${n.kind} ${n.name}`)));
    }
  });

  it('GIVEN one diagram WHEN exported twice THEN the text is byte-identical', () => {
    expect(exportSam(BLUEPRINTS[1].graph).text).toBe(exportSam(BLUEPRINTS[1].graph).text);
  });
});

/** Any node of a kind: a policy template's name does not depend on the node. */
function graphNodeOf(kind: (typeof SERVICE_KINDS)[number]) {
  return { id: 'n', kind, name: 'Node', position: { x: 0, y: 0 }, props: Object.fromEntries(serviceOf(kind).props.map((p) => [p.key, p.default])) };
}
