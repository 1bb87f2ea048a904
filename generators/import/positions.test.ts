import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CfnValue } from '../template/cfn';
import { readCorpus } from '../testing/corpus';
import { readRealTemplates } from '../testing/real-templates';
import { documentPositions, eventPositions, positionsOf } from './positions';
import { readTemplateSource, schemaFor, untag } from './source';

const DEPTH = 200;

/** Every path of a value, down to its leaves (map keys and list indexes). */
function pathsOf(value: CfnValue, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

const connectionTemplates = resolve(__dirname, '../../test-data/connection-templates');
const templates = [
  ...(readCorpus() ?? []).map((c) => ({ name: c.filename, text: c.text })),
  ...readRealTemplates().map((t) => ({ name: t.file, text: t.text })),
  ...readdirSync(connectionTemplates)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(join(connectionTemplates, f), 'utf8') })),
];

describe('where a template wrote each value', () => {
  it('GIVEN the corpus, real and connection templates THEN there are enough to compare (the corpus is on this machine)', () => {
    expect(templates.length).toBeGreaterThanOrEqual(35);
  });

  it.each(templates)('GIVEN $name THEN js-yaml’s events place every key and value where the yaml library’s tree does', ({ text }) => {
    // GIVEN the template as the importer reads it (paths as written: tags not yet turned to long form)
    const written = readTemplateSource(text).value;
    // WHEN both locators read it
    const fast = eventPositions(text, schemaFor(text), DEPTH, untag);
    const tree = documentPositions(text, DEPTH);
    // THEN the fast one answers, and agrees everywhere
    expect(fast).toBeDefined();
    for (const path of pathsOf(written)) {
      expect(fast!.ofKey(path), `key at ${JSON.stringify(path)}`).toEqual(tree.ofKey(path));
      expect(fast!.ofValue(path), `value at ${JSON.stringify(path)}`).toEqual(tree.ofValue(path));
    }
  });

  it.each([
    ['a merge key (a plain key to the core schema)', 'Base: &base\n  A: 1\nResources:\n  Q:\n    <<: *base\n    Type: AWS::SQS::Queue\n'],
    ['keys js-yaml reorders', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      b: 1\n      2: x\n'],
    ['tags, anchors and comments', 'Resources: # the resources\n  Q: &q\n    # a queue\n    Type: !Sub "AWS::SQS::${A}"\n    Properties: !If\n      - C\n      - { A: !Ref B }\n      - []\n  R: *q\n'],
    ['a JSON template', '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", "Properties": { "Tags": [ { "Key": "a", "Value": "b" } ] } }\n  }\n}\n'],
    ['empty values and block scalars', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n    Code: |\n      line\n\n      more\n    After: x\n'],
  ])('GIVEN %s WHEN located THEN every position agrees with the yaml library’s tree (the events’ tree, or the yaml library’s where they decline)', (_, text) => {
    const written = readTemplateSource(text).value;
    const located = positionsOf(text, schemaFor(text), DEPTH, untag);
    const tree = documentPositions(text, DEPTH);
    for (const path of pathsOf(written)) {
      expect(located.ofKey(path), `key at ${JSON.stringify(path)}`).toEqual(tree.ofKey(path));
      expect(located.ofValue(path), `value at ${JSON.stringify(path)}`).toEqual(tree.ofValue(path));
    }
  });

  it('GIVEN a flow map entry with no value (js-yaml reads its key and no value node) WHEN a path goes through that map THEN the events decline and the yaml library answers, then and after', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata: { Lonely, B: 1 }\n';
    const located = eventPositions(text, schemaFor(text), DEPTH, untag)!;
    // A path that does not go through the odd map is answered by the events, as the tree would.
    expect(located.ofKey(['Resources', 'Q', 'Type'])).toEqual({ line: 3, column: 5 });
    expect(located.ofKey(['Resources', 'Q', 'Metadata', 'B'])).toEqual({ line: 4, column: 25 });
    expect(located.ofValue(['Resources', 'Q', 'Type'])).toEqual(documentPositions(text, DEPTH).ofValue(['Resources', 'Q', 'Type']));
  });

  it('GIVEN a 1,000-function template with a warning for each function THEN each is placed where the yaml library places it', () => {
    const clusters = Array.from({ length: 1000 }, (_, i) => `  Fn${i}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Environment: { Variables: { NEXT: !Ref Fn${(i + 1) % 1000} } }`);
    const text = `Resources:\n${clusters.join('\n')}\n`;
    const located = positionsOf(text, schemaFor(text), DEPTH, untag);
    const tree = documentPositions(text, DEPTH);
    for (const i of [0, 1, 500, 999]) {
      const path = ['Resources', `Fn${i}`, 'Properties', 'Environment', 'Variables', 'NEXT'];
      expect(located.ofValue(path)).toEqual(tree.ofValue(path));
      expect(located.ofValue(path)?.line).toBe(2 + i * 4 + 3);
    }
  });
});
