/**
 * Public templates that use the connections real architectures use beyond the first rule table
 * (test-data/connection-templates, with their sources): each is drawn with those connections, and
 * exported unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '.';
import { readTemplateSource } from './source';
import { synthesize } from '../template/synth';
import { toYaml } from '../template/writer';
import type { Graph } from '../graph/model';

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../../test-data/connection-templates/${file}`, import.meta.url)), 'utf8');
const meaning = (text: string) => JSON.parse(JSON.stringify(readTemplateSource(text).value));
const edges = (graph: Graph) =>
  graph.edges.map((e) => ({ from: graph.nodes.find((n) => n.id === e.source)!.name, to: graph.nodes.find((n) => n.id === e.target)!.name, props: e.props, owns: e.origin?.logicalIds }));

describe('sqs-pipes-stepfunctions.yaml (aws-samples/serverless-patterns, eventbridge-pipes-sqs-to-stepfunctions)', () => {
  const text = read('sqs-pipes-stepfunctions.yaml');
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);

  it('WHEN imported THEN the queue pipes to the workflow (batch 1) and redrives to its dead-letter queue after 5 receives', () => {
    expect(edges(result.graph)).toEqual(
      expect.arrayContaining([
        { from: 'SourceQueue', to: 'TargetStateMachine', props: { batchSize: 1, filterPatterns: '', enrichment: '' }, owns: ['SqsToSFN', 'EventBridgePipesRole'] },
        { from: 'SourceQueue', to: 'SourceQueueDLQ', props: { maxReceiveCount: 5 }, owns: [] },
      ]),
    );
    expect(result.graph.edges).toHaveLength(2);
    expect(result.graph.nodes.find((n) => n.name === 'SourceQueue')?.props).toMatchObject({ deadLetterQueue: false });
  });

  it('WHEN exported THEN it means exactly what it meant', () => {
    expect(meaning(toYaml(synthesize(result.graph).template))).toEqual(meaning(text));
  });
});

describe('kinesis-pipes-enrichment-stepfunctions.yaml (aws-samples/serverless-patterns, kinesis-eventbridge-pipes-filter-enrichment-sfn)', () => {
  const text = read('kinesis-pipes-enrichment-stepfunctions.yaml');
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);

  it('WHEN imported THEN the stream pipes to the express workflow with its filter and batch size, enriched by the function', () => {
    expect(edges(result.graph)).toEqual([
      {
        from: 'SourceStream',
        to: 'TargetSfn',
        props: { batchSize: 10, filterPatterns: JSON.stringify([{ data: { category: ['PASS_FILTER'] } }]), enrichment: 'EnrichmentLambda' },
        owns: ['Pipe', 'PipeIamRole'],
      },
    ]);
    expect(result.graph.nodes.find((n) => n.name === 'TargetSfn')?.props).toMatchObject({ workflowType: 'EXPRESS' });
  });

  it('WHEN exported THEN it means exactly what it meant', () => {
    expect(meaning(toYaml(synthesize(result.graph).template))).toEqual(meaning(text));
  });
});

describe('kinesis-pipes-eventbus.yaml (aws-samples/serverless-patterns, kinesis-stream-to-eventbridge-sam)', () => {
  const text = read('kinesis-pipes-eventbus.yaml');
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);

  it('WHEN imported THEN the stream pipes to the custom bus, one record at a time', () => {
    expect(edges(result.graph)).toEqual([{ from: 'KinesisStream', to: 'CustomEventBus', props: { batchSize: 1, filterPatterns: '', enrichment: '' }, owns: ['Pipe', 'PipeRole'] }]);
  });

  it('WHEN exported THEN it means exactly what it meant', () => {
    expect(meaning(toYaml(synthesize(result.graph).template))).toEqual(meaning(text));
  });
});
