import { describe, expect, it } from 'vitest';
import { blueprintById } from '../../blueprints';
import { diagram } from '../graph/build';
import { presentationSteps } from './steps';

describe('presentation steps', () => {
  it('GIVEN a blueprint THEN its steps follow the events: overview, then each note, a node before the connections leaving it', () => {
    const graph = blueprintById('image-processing')!.graph;
    const steps = presentationSteps(graph);
    expect(steps.map((s) => s.title)).toEqual([
      'Image processing',
      'Uploads (S3)',
      'Uploads → Thumbnailer',
      'Thumbnailer (Lambda)',
      'Thumbnailer → Uploads',
      'Thumbnailer → ImageMetadata',
      'Thumbnailer → Thumbnails',
      'ImageMetadata (DynamoDB)',
      'Thumbnails (S3)',
    ]);
    // Every note of the blueprint is told exactly once.
    const notes = [...graph.nodes.map((n) => n.note), ...graph.edges.map((e) => e.note)];
    expect(
      steps
        .slice(1)
        .map((s) => s.text)
        .sort(),
    ).toEqual([...notes].sort());
    const edgeStep = steps.find((s) => s.title === 'Uploads → Thumbnailer')!;
    expect(edgeStep.nodeIds.length).toBe(2);
    expect(edgeStep.edgeIds.length).toBe(1);
  });

  it('GIVEN a workflow THEN its steps are told in the order they run, a condition before its default', () => {
    const titles = presentationSteps(blueprintById('banking')!.graph).map((s) => s.title);
    expect(titles.slice(3, 8)).toEqual([
      'DepositWorkflow (Step Functions)',
      'DepositWorkflow → ValidateDeposit',
      'DepositWorkflow → CreateDeposit',
      'DepositWorkflow → RejectDeposit',
      'ValidateDeposit (Lambda)',
    ]);
  });

  it('GIVEN a diagram without notes THEN each service and connection says what it is', () => {
    const graph = diagram({ nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker']] });
    expect(presentationSteps(graph).map((s) => [s.title, s.text])).toEqual([
      ['Test diagram', '2 services (SQS, Lambda) and 1 connection. Each step shows one of them, in the order events travel.'],
      ['Jobs (SQS)', 'Queue that buffers messages until a consumer takes them'],
      ['Jobs → Worker', 'queue triggers function'],
      ['Worker (Lambda)', 'Function that runs your code for each event'],
    ]);
  });

  it('GIVEN a cycle with no entry point THEN every node is still visited once', () => {
    const graph = diagram({
      nodes: { A: 'lambda', B: 'lambda' },
      edges: [
        ['A', 'B', { access: 'invoke' }],
        ['B', 'A', { access: 'invoke' }],
      ],
    });
    expect(presentationSteps(graph).map((s) => s.title)).toEqual(['Test diagram', 'A (Lambda)', 'A → B', 'B (Lambda)', 'B → A']);
  });
});
