import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../../blueprints';
import { diagram } from '../../graph/build';
import type { Graph } from '../../graph/model';
import { serviceOf } from '../../services/registry';
import type { CdkEmitter } from '../../services/types';
import type { Template } from '../../template/cfn';
import { synthesize } from '../../template/synth';
import { describeFindings, lintTemplates } from '../../testing/cfn-lint';
import { validGraphArbitrary } from '../../testing/random-graph';
import { RULE_FIXTURES } from '../../testing/rule-fixtures';
import { ANY_RESOURCE, CDK_GRANTS_ON_ANY_RESOURCE, CDK_SERVICE_ROLE_EXTRAS, connectionsOf, roleGrants } from '../../testing/export-compare';
import { CDK_APP_VERSIONS, exportCdkApp } from './app';
import { synthApp, writeApp } from '../../testing/cdk-synth';

const RANDOM_GRAPHS = 50;
const CDK_NOTIFICATIONS_HANDLER = /^lambda BucketNotificationsHandler[0-9a-f]+$/;
const SEED = 20261202;

const diagrams: [string, Graph][] = [
  ...BLUEPRINTS.map((b) => [`blueprint ${b.id}`, b.graph] as [string, Graph]),
  ...RULE_FIXTURES.map((f) => [`rule ${f.key}`, diagram(f.spec)] as [string, Graph]),
  ...fc.sample(validGraphArbitrary(10), { numRuns: RANDOM_GRAPHS, seed: SEED }).map((g, i) => [`random ${i}`, g] as [string, Graph]),
];

/** Every action a CDK grant helper of the target's kind may add beyond Eventform's own, as its module lists them. */
function acceptedExtras(kind: Graph['nodes'][number]['kind']): Set<string> {
  const cdk = serviceOf(kind).cdk as CdkEmitter<never, string> | null;
  return new Set(Object.values(cdk?.grants ?? {}).flatMap((g) => g?.extra?.actions ?? []));
}

const root = process.cwd();
const scratch = join(root, '.eventform', 'cdk-export-test');
const synthesized = new Map<string, Template>();

describe('CDK app export', () => {
  it(`GIVEN every blueprint, every rule fixture and ${RANDOM_GRAPHS} random graphs (seed ${SEED}) WHEN each is exported THEN the app synthesizes with aws-cdk-lib and shows the same services and connections`, async () => {
    rmSync(scratch, { recursive: true, force: true });
    const failures: string[] = [];
    for (const [i, [name, graph]] of diagrams.entries()) {
      // Synthesis is synchronous: between diagrams the worker answers the test runner.
      await new Promise((resolve) => setImmediate(resolve));
      const app = exportCdkApp(graph);
      let template: Template;
      try {
        template = synthApp(app, writeApp(app, join(scratch, `app${i}`)));
      } catch (error) {
        failures.push(`${name}: does not synthesize: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      // A diagram of nothing deployable (a schedule without a target, the default bus alone) gives an empty stack either way.
      if (Object.keys(synthesize(graph).template.Resources).length === 0) {
        if (Object.keys(template.Resources ?? {}).length) failures.push(`${name}: Eventform deploys nothing, the CDK app something`);
        continue;
      }
      synthesized.set(name, template);
      const ours = connectionsOf(synthesize(graph).template);
      const theirs = connectionsOf(template);
      // CDK sets bucket notifications with a function of its own (a custom resource's handler): not a service of the diagram.
      theirs.services = theirs.services.filter((s) => !CDK_NOTIFICATIONS_HANDLER.test(s));
      // Service roles the importer keeps as generic resources are named differently by each (CDK names a rule's role after the rule): the services compared are the diagram's kinds.
      for (const side of [ours, theirs]) side.services = side.services.filter((s) => !s.startsWith('resource '));
      if (JSON.stringify(ours.services) !== JSON.stringify(theirs.services)) failures.push(`${name}: services ${theirs.services.join(', ')} instead of ${ours.services.join(', ')}`);
      const missing = ours.connections.filter((c) => !theirs.connections.includes(c));
      if (missing.length) failures.push(`${name}: connections missing from the CDK template: ${missing.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('GIVEN the same exports WHEN the roles of each CDK template are compared with Eventform’s, per function and per service THEN each holds every action Eventform grants and nothing more than the extras listed with why', () => {
    const failures: string[] = [];
    for (const [name, graph] of diagrams) {
      const template = synthesized.get(name);
      if (!template) continue;
      const ours = roleGrants(synthesize(graph).template, graph);
      const theirs = roleGrants(template, graph);
      for (const [fn, byNode] of ours) {
        for (const [target, actions] of byNode) {
          const cdkActions = new Set([...(theirs.get(fn)?.get(target) ?? []), ...(theirs.get(fn)?.get(ANY_RESOURCE) ?? [])]);
          const lost = [...actions].filter((a) => !cdkActions.has(a) && ![...cdkActions].some((c) => c.endsWith('*') && a.startsWith(c.slice(0, -1))));
          if (lost.length) failures.push(`${name}: ${fn} lost ${lost.join(', ')} on ${target}`);
        }
      }
      const functions = new Set(graph.nodes.filter((n) => n.kind === 'lambda').map((n) => n.name));
      for (const [fn, byNode] of theirs) {
        for (const [target, actions] of byNode) {
          const accepted = !functions.has(fn)
            ? new Set(CDK_SERVICE_ROLE_EXTRAS[fn]?.actions ?? [])
            : target === ANY_RESOURCE
              ? new Set(Object.keys(CDK_GRANTS_ON_ANY_RESOURCE))
              : acceptedExtras(graph.nodes.find((n) => n.name === target)!.kind);
          const extra = [...actions].filter((a) => !ours.get(fn)?.get(target)?.has(a) && !accepted.has(a));
          if (extra.length) failures.push(`${name}: ${fn} gains ${extra.join(', ')} on ${target}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('GIVEN the synthesized CDK templates WHEN cfn-lint checks them in one batch THEN it reports no errors', async () => {
    const results = await lintTemplates(Object.fromEntries([...synthesized].map(([name, t]) => [name, JSON.stringify(t, null, 1)])));
    const failures = [...results]
      .filter(([, findings]) => findings.some((f) => f.Level === 'Error'))
      .map(([name, findings]) => `${name}:\n${describeFindings(findings.filter((f) => f.Level === 'Error'))}`);
    expect(failures).toEqual([]);
    expect(results.size).toBe(synthesized.size);
  }, 300_000);

  it('GIVEN the exported apps WHEN TypeScript checks them all in one program THEN there are no type errors', async () => {
    const tsconfig = {
      compilerOptions: { target: 'ES2022', module: 'commonjs', lib: ['es2022'], strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node'] },
      include: ['app*/lib/**/*.ts', 'app*/bin/**/*.ts'],
    };
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig));
    // Run without blocking the worker: a long synchronous call starves the test runner's messages.
    const output = await new Promise<string>((resolve) =>
      execFile(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(scratch, 'tsconfig.json')], { encoding: 'utf8' }, (error, stdout) => resolve(stdout || (error ? String(error) : ''))),
    );
    expect(output).toBe('');
  }, 300_000);

  it('GIVEN one diagram WHEN it is exported twice THEN the files are byte-identical, and the app pins the aws-cdk-lib and constructs this project tests with', () => {
    const graph = BLUEPRINTS[1].graph;
    expect(exportCdkApp(graph).files).toEqual(exportCdkApp(graph).files);
    const pinned = JSON.parse(exportCdkApp(graph).files['package.json']).dependencies;
    expect(pinned).toEqual({
      'aws-cdk-lib': (JSON.parse(execFileSync('node', ['-p', "JSON.stringify(require('aws-cdk-lib/package.json'))"], { encoding: 'utf8' })) as { version: string }).version,
      constructs: (JSON.parse(execFileSync('node', ['-p', "JSON.stringify(require('constructs/package.json'))"], { encoding: 'utf8' })) as { version: string }).version,
    });
    expect(pinned).toEqual(CDK_APP_VERSIONS);
  });
});
