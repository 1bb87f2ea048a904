/**
 * Import speed: median time to read, recognize, wire and lay out templates of 40, 400 and 4,000
 * resources (queue, function, role and mapping per cluster), split into its phases, and the time
 * to write the imported diagram back. Target: 4,000 resources imported in under a second, with
 * phases that add up to the total.
 */
import { importTemplate } from '../generators/import';
import { autoLayout } from '../generators/graph/layout';
import { synthesize, toYaml } from '../generators';
import { medianTime } from './median';

const REPEAT = 5;
const TARGET_MS = 1000;

function templateOf(clusters: number): string {
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; i < clusters; i++)
    lines.push(
      `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties: { VisibilityTimeout: 60 }`,
      `  Fn${i}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: index.handler\n      Role: !GetAtt Role${i}.Arn\n      Code: { ZipFile: "def handler(e, c): pass" }\n      Environment: { Variables: { NEXT_QUEUE: !Ref Queue${(i + 1) % clusters} } }`,
      `  Role${i}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }`,
      `  Map${i}:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties: { EventSourceArn: !GetAtt Queue${i}.Arn, FunctionName: !Ref Fn${i} }`,
    );
  return `${lines.join('\n')}\n`;
}

const time = (fn: () => unknown) => medianTime(fn, REPEAT, false);

// Issue: laying out a 500-node diagram stays under a second.
{
  const imported = importTemplate(templateOf(250));
  if (!imported.ok) throw new Error(imported.error);
  const layout = time(() => autoLayout(imported.graph));
  console.log(`layout of a ${imported.graph.nodes.length}-node diagram: ${layout.toFixed(0)} ms (target < 1000 ms)`);
}

/** The import's phases as the importer times them, in the run whose total is the median: they add up to it. */
function medianImport(text: string) {
  importTemplate(text);
  const runs = Array.from({ length: REPEAT }, () => {
    const phases: Record<string, number> = {};
    const start = performance.now();
    const result = importTemplate(text, { phases });
    return { total: performance.now() - start, phases, result };
  }).sort((a, b) => a.total - b.total);
  return runs[Math.floor(REPEAT / 2)];
}

for (const clusters of [10, 100, 1000]) {
  const text = templateOf(clusters);
  const { total, phases, result } = medianImport(text);
  if (!result.ok) throw new Error(result.error);
  const exportMs = time(() => toYaml(synthesize(result.graph).template));
  const timed = Object.values(phases).reduce((a, b) => a + b, 0);
  const split = Object.entries(phases)
    .map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`)
    .join(' + ');
  console.log(
    `${clusters * 4} resources (${(text.length / 1024).toFixed(0)} KiB): import ${total.toFixed(0)} ms = ${split} (+ ${(total - timed).toFixed(1)} ms outside the phases) ms; export ${exportMs.toFixed(0)} ms; ${result.graph.nodes.length} nodes, ${result.graph.edges.length} edges${clusters === 1000 ? ` (target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'NOT met'})` : ''}`,
  );
}
