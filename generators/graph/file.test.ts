import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyGraph, type Graph } from './model';
import { propBag } from '../props/spec';
import { addNode, connect } from './operations';
import { parseGraphFile, serializeGraph } from './file';
import { documentedSchema } from './schema';
import { STRUCTURE_VALIDATOR_PATH, structureValidatorSource } from './structure-validator';
import Ajv from 'ajv';

function sampleGraph(): Graph {
  let graph: Graph = emptyGraph('Uploads');
  const bucket = addNode(graph, 's3', { x: 10, y: 20 }, { name: 'Uploads' });
  if (!bucket.ok) throw new Error(bucket.error);
  const fn = addNode(bucket.graph, 'lambda', { x: 300, y: 20 }, { name: 'Thumbnailer' });
  if (!fn.ok) throw new Error(fn.error);
  const edge = connect(fn.graph, bucket.value.id, fn.value.id, { props: { suffix: '.png' } });
  if (!edge.ok) throw new Error(edge.error);
  graph = edge.graph;
  return graph;
}

const fileOf = (graph: Graph) => JSON.parse(serializeGraph(graph));
const withFile = (mutate: (file: any) => void) => {
  const file = fileOf(sampleGraph());
  mutate(file);
  return parseGraphFile(JSON.stringify(file));
};

describe('graph file', () => {
  it('GIVEN a diagram WHEN saved and opened THEN it is identical', () => {
    const graph = sampleGraph();
    const parsed = parseGraphFile(serializeGraph(graph));
    expect(parsed).toEqual({ ok: true, graph });
  });

  it('GIVEN the minimum shape of the format with empty props THEN defaults are filled in', () => {
    const parsed = parseGraphFile(
      JSON.stringify({
        format: 'eventform/graph',
        version: 1,
        nodes: [{ id: 'q', kind: 'sqs', name: 'Jobs', position: { x: 0, y: 0 }, props: {} }],
        edges: [],
      }),
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.graph.nodes[0].props).toMatchObject({ fifo: false, visibilityTimeoutSeconds: 180 });
  });

  it('GIVEN a version 0 file WHEN opened THEN it is migrated to the current version', () => {
    const v0 = {
      format: 'eventform/graph',
      version: 0,
      title: 'Prototype',
      nodes: [
        { id: 'a', type: 'sqs', label: 'Jobs', x: 1, y: 2, data: { fifo: true } },
        { id: 'b', type: 'lambda', label: 'Worker', x: 300, y: 2, data: {} },
      ],
      edges: [{ id: 'e', from: 'a', to: 'b', data: { batchSize: 5 } }],
    };
    const parsed = parseGraphFile(JSON.stringify(v0));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.migratedFrom).toBe(0);
    expect(parsed.graph.name).toBe('Prototype');
    expect(parsed.graph.nodes.map((n) => [n.kind, n.name, n.position])).toEqual([
      ['sqs', 'Jobs', { x: 1, y: 2 }],
      ['lambda', 'Worker', { x: 300, y: 2 }],
    ]);
    expect(propBag(parsed.graph.nodes[0]).fifo).toBe(true);
    expect(parsed.graph.edges[0]).toMatchObject({ source: 'a', target: 'b', props: { batchSize: 5, batchingWindowSeconds: 0 } });
  });

  it('GIVEN broken JSON THEN the error gives line and column', () => {
    const parsed = parseGraphFile('{\n  "format": "eventform/graph",\n  "version": 1,,\n}');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^The file is not valid JSON: line 3, column 16: a property name in double quotes was expected/);
  });

  it.each<[string, (file: any) => void, RegExp]>([
    ['an unknown kind', (f) => (f.nodes[0].kind = 'ec2'), /nodes\[0\]\.kind: must be equal to one of the allowed values/],
    ['an invalid name', (f) => (f.nodes[1].name = 'bad name'), /nodes\[1\]\.name: A name may contain only letters and digits/],
    ['a duplicate name', (f) => (f.nodes[1].name = 'uploads'), /nodes\[1\]\.name: Another node is already named Uploads/],
    ['an out-of-range prop', (f) => (f.nodes[1].props.memoryMiB = 5), /nodes\[1\]\.props\.memoryMiB: Memory must be between 128 and 10240 MiB/],
    ['an unknown prop', (f) => (f.nodes[1].props.color = 'red'), /nodes\[1\]\.props\.color: unknown property "color"/],
    ['a forbidden edge', (f) => f.edges.push({ id: 'x', source: f.nodes[1].id, target: f.nodes[1].id, props: {} }), /edges\[1\]: A function cannot invoke itself/],
    // Each edge is checked against those read before it (the index grows as the file is read).
    ['the same connection twice', (f) => f.edges.push({ ...f.edges[0], id: 'again' }), /edges\[1\]: Uploads is already connected to Thumbnailer/],
    ['a dangling edge', (f) => (f.edges[0].target = 'nowhere'), /edges\[0\]: Both ends of a connection must be nodes/],
    ['a duplicate id', (f) => (f.nodes[1].id = f.nodes[0].id), /nodes\[1\]\.id: the id ".*" is used twice/],
    ['a newer version', (f) => (f.version = 7), /newer Eventform \(format version 7\)/],
    ['another format', (f) => (f.format = 'drawio'), /not an Eventform diagram/],
    ['a nested object as prop', (f) => (f.nodes[0].props.mode = { $ref: 'x' }), /nodes\[0\]\.props\.mode: must be string,number,boolean/],
  ])('GIVEN a file with %s THEN it is refused saying where', (_, mutate, expected) => {
    const parsed = withFile(mutate);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a node', '"kind":', /holds a key named "__proto__": refused/],
    ['props', '"mode":', /holds a key named "__proto__": refused/],
  ])('GIVEN a "__proto__" key in %s THEN it is refused and nothing is polluted', (_, before, expected) => {
    const text = serializeGraph(sampleGraph()).replace(before, `"__proto__": {"polluted": true}, ${before}`);
    const parsed = parseGraphFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('GIVEN a "__proto__" key inside an embedded template (where any key is allowed) THEN it is refused too, not dropped', () => {
    const imported = serializeGraph({ ...sampleGraph(), template: { Resources: {} } }).replace('"Resources": {}', '"Resources": {}, "Metadata": {"__proto__": {"polluted": true}}');
    const parsed = parseGraphFile(imported);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('GIVEN a "__proto__" key spelled with \\u escapes THEN it is refused as well', () => {
    const text = serializeGraph({ ...sampleGraph(), template: { Resources: {} } }).replace('"Resources": {}', '"Resources": {}, "Metadata": {"\\u005f_proto__": {"polluted": true}}');
    const parsed = parseGraphFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('GIVEN brackets inside strings, after escaped quotes and backslashes THEN only those outside strings count as nesting', () => {
    const withMetadata = (metadata: string) => serializeGraph({ ...sampleGraph(), template: { Resources: {} } }).replace('"Resources": {}', `"Resources": {}, "Metadata": ${metadata}`);
    const note = `a quote " a backslash \\ ${'[{'.repeat(200)} ends with a backslash \\`;
    const kept = parseGraphFile(withMetadata(JSON.stringify({ Note: note })));
    expect(kept.ok && kept.graph.template?.Metadata).toEqual({ Note: note });
    // The string "\\" ends at its second quote: the brackets after it are outside it.
    const deep = parseGraphFile(withMetadata(`[${JSON.stringify('\\')}, ${'['.repeat(150)}${']'.repeat(150)}]`));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.error).toMatch(/nests more than 100 levels deep/);
  });

  it('GIVEN a file nested 100,000 levels deep (a 2.6 KB share link could carry one) THEN it is refused before anything recurses into it', () => {
    const deep = serializeGraph({ ...sampleGraph(), template: { Resources: {} } }).replace('"Resources": {}', `"Resources": {}, "Metadata": ${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const parsed = parseGraphFile(deep);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/nests more than 100 levels deep/);
  });

  it('GIVEN a CloudFormation template THEN it is told apart from a diagram', () => {
    const parsed = parseGraphFile('{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}');
    expect(parsed).toMatchObject({ ok: false, error: 'This is a CloudFormation template, not an Eventform diagram' });
  });

  it('GIVEN a file over the size limit THEN it is refused before parsing', () => {
    const parsed = parseGraphFile(`{"pad":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/at most 5 MiB/);
  });
});

describe('documented JSON Schema', () => {
  it('GIVEN docs/graph-file.schema.json THEN it is exactly what the catalog generates (run npm run schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/graph-file.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(documentedSchema());
  });

  it('GIVEN the structural schema THEN the validator the page loads is what ajv compiles from it today (run npm run schema)', () => {
    const committed = readFileSync(new URL(`../../${STRUCTURE_VALIDATOR_PATH}`, import.meta.url), 'utf8');
    expect(committed).toBe(structureValidatorSource());
  });

  it('GIVEN the documented schema THEN it accepts a saved diagram and rejects a bad node prop', () => {
    const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(documentedSchema());
    const file = fileOf(sampleGraph());
    expect(validate(file)).toBe(true);
    file.nodes[1].props.memoryMiB = 1;
    expect(validate(file)).toBe(false);
  });
});
