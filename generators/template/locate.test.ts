import { describe, expect, it } from 'vitest';
import { diagram } from '../graph/build';
import { locateContribution } from './locate';
import { synthesize } from './synth';
import { toJson, toYaml } from './writer';

const graph = diagram({ nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker']] });
const { template, provenance } = synthesize(graph);

const linesOf = (text: string, range: { from: number; to: number }) => text.split('\n').slice(range.from - 1, range.to);

describe('locating what an element added', () => {
  it.each([
    ['YAML', toYaml(template)],
    ['JSON', toJson(template)],
  ])("GIVEN the %s template and the edge Jobs -> Worker THEN the mapping is created, and the consume statement is found in the worker's role", (_, text) => {
    const found = locateContribution(text, provenance.get('e_Jobs_Worker'));
    expect(found.created).toHaveLength(1);
    const mapping = linesOf(text, found.created[0]).join('\n');
    expect(mapping).toMatch(/JobsToWorkerMapping/);
    expect(mapping).toMatch(/AWS::Lambda::EventSourceMapping/);
    expect(mapping).not.toMatch(/AWS::Lambda::Function/);
    expect(found.statements).toHaveLength(1);
    const statement = linesOf(text, found.statements[0]).join('\n');
    expect(statement).toMatch(/ConsumeJobs/);
    expect(statement).toMatch(/sqs:ReceiveMessage/);
    expect(statement).not.toMatch(/WriteOwnLogs/);
  });

  it('GIVEN the Worker node THEN its role, log group and function are created and nothing else', () => {
    const text = toYaml(template);
    const found = locateContribution(text, provenance.get('n_Worker'));
    const firstLines = found.created.map((r) => linesOf(text, r)[0].trim());
    expect(firstLines.sort()).toEqual(['Worker:', 'WorkerLogGroup:', 'WorkerRole:']);
  });
});
