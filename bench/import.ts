/**
 * Import speed: median time to read, recognize, wire and lay out templates of 40, 400 and 4,000
 * resources (queue, function, role and mapping per cluster), split into its phases, and the time
 * to write the imported diagram back. No target in the issue; printed so a regression shows.
 */
import { importTemplate } from '../generators/import';
import { readTemplateSource } from '../generators/import/source';
import { autoLayout } from '../generators/graph/layout';
import { synthesize, toYaml } from '../generators';
import { medianTime } from './median';

const REPEAT = 5;

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

for (const clusters of [10, 100, 1000]) {
  const text = templateOf(clusters);
  const imported = importTemplate(text);
  if (!imported.ok) throw new Error(imported.error);
  const parse = time(() => readTemplateSource(text));
  const total = time(() => importTemplate(text));
  const layout = time(() => autoLayout(imported.graph));
  const exportMs = time(() => toYaml(synthesize(imported.graph).template));
  console.log(
    `${clusters * 4} resources (${(text.length / 1024).toFixed(0)} KiB): import ${total.toFixed(0)} ms = parse ${parse.toFixed(0)} ms + layout ${layout.toFixed(0)} ms + the rest ${(total - parse - layout).toFixed(0)} ms; export ${exportMs.toFixed(0)} ms; ${imported.graph.nodes.length} nodes, ${imported.graph.edges.length} edges`,
  );
}
