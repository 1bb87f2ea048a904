import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../generators';
import { diagram } from '../generators/graph/build';
import { parseTemplateYaml } from '../generators/template/reader';

const cli = (args: string[]) => spawnSync(process.execPath, ['bin/eventform.mjs', ...args], { encoding: 'utf8' });

describe('eventform synth', () => {
  it('GIVEN the image blueprint (a function with an npm package) WHEN synthesized without --assets THEN it says why and writes nothing; WITH --assets THEN the zip is written where the template says', () => {
    const refused = cli(['synth', 'image-processing']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Thumbnailer has code built into a zip: give --assets DIR/);
    expect(refused.stdout).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'eventform-assets-'));
    const result = cli(['synth', 'image-processing', '--assets', dir, '--format', 'json']);
    expect(result.status).toBe(0);
    const key = JSON.parse(result.stdout).Resources.Thumbnailer.Properties.Code.S3Key as string;
    expect(key).toMatch(/^assets\/[0-9a-f]{40}\.zip$/);
    expect(result.stderr).toContain(`wrote ${join(dir, key)} for Thumbnailer`);
    const zip = readFileSync(join(dir, key));
    // A zip (PK), with sharp's Linux binary inside.
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('node_modules/@img/sharp-linux-x64/'))).toBe(true);
  }, 120_000);

  it('GIVEN a blueprint name WHEN synthesized THEN the YAML template is printed and the exit code is 0', () => {
    const result = cli(['synth', 'website']);
    expect(result.status).toBe(0);
    const template = parseTemplateYaml(result.stdout) as any;
    expect(Object.keys(template.Resources)).toContain('Hello');
    expect(template.Resources.Site.Properties.WebsiteConfiguration).toEqual({ IndexDocument: 'index.html', ErrorDocument: 'error.html' });
  });

  it('GIVEN a graph file and --format json -o FILE THEN the JSON template is written to the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventform-cli-'));
    const file = join(dir, 'jobs.eventform.json');
    writeFileSync(file, serializeGraph(diagram({ nodes: { Jobs: 'sqs', Worker: 'lambda' }, edges: [['Jobs', 'Worker']] })));
    const out = join(dir, 'template.json');
    const result = cli(['synth', file, '--format', 'json', '-o', out]);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).Resources.JobsToWorkerMapping.Type).toBe('AWS::Lambda::EventSourceMapping');
    expect(result.stderr).toMatch(/wrote .*template\.json/);
  });

  it('GIVEN a diagram with an error THEN the diagnostics are printed and the exit code is 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventform-cli-'));
    const file = join(dir, 'loop.eventform.json');
    writeFileSync(
      file,
      serializeGraph(
        diagram({
          nodes: { Photos: 's3', Resizer: 'lambda' },
          edges: [
            ['Photos', 'Resizer'],
            ['Resizer', 'Photos', { access: 'write' }],
          ],
        }),
      ),
    );
    const result = cli(['synth', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/error: Resizer writes into Photos, which triggers it on every new object: an infinite loop/);
  });

  it('GIVEN an unknown name or bad options THEN usage errors exit with 2', () => {
    expect(cli(['synth', 'nope']).stderr).toMatch(/neither a blueprint \(website, banking, image-processing, streaming\) nor a readable file/);
    expect(cli(['synth', 'nope']).status).toBe(2);
    expect(cli(['synth', 'website', '--format', 'xml']).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
  });

  it('GIVEN the same blueprint twice THEN the output is byte-identical', () => {
    const run = () => execFileSync(process.execPath, ['bin/eventform.mjs', 'synth', 'banking'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(run()).toBe(run());
  });
});

describe('eventform import', () => {
  const template = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties: { VisibilityTimeout: 90 }
  Worker:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: i.h, Role: arn:aws:iam::1:role/r, Code: { ZipFile: x } }
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Worker }
Outputs:
  Queue: { Value: !Ref Jobs }
`;

  it('GIVEN a template WHEN imported with -o and synthesized back THEN the diagram holds its nodes and edges and the template means the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventform-cli-'));
    const source = join(dir, 'jobs.yaml');
    writeFileSync(source, template);
    const graphFile = join(dir, 'jobs.eventform.json');
    const imported = cli(['import', source, '-o', graphFile]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toMatch(/imported .*jobs\.yaml: 2 nodes \(0 kept as generic CloudFormation resources\), 1 edges; wrote/);
    const graph = JSON.parse(readFileSync(graphFile, 'utf8'));
    expect(graph.nodes.map((n: { name: string; kind: string }) => `${n.name}:${n.kind}`)).toEqual(['Jobs:sqs', 'Worker:lambda']);
    const synthesized = cli(['synth', graphFile]);
    expect(synthesized.status).toBe(0);
    const back = parseTemplateYaml(synthesized.stdout) as Record<string, any>;
    expect(back.Metadata['Eventform::Layout'].nodes.Jobs).toEqual(graph.nodes[0].position);
    delete back.Metadata;
    expect(back).toEqual(parseTemplateYaml(template));
  });

  it('GIVEN a broken template THEN the error names FILE:LINE:COLUMN and the exit code is 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventform-cli-'));
    const source = join(dir, 'broken.yaml');
    writeFileSync(source, 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  Jobs:\n    Type: AWS::SNS::Topic\n');
    const result = cli(['import', source]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/broken\.yaml:4:3: error: a key is written twice in the same map \("Jobs"\)/);
    expect(cli(['import']).status).toBe(2);
  });
});

describe('files the command line is given', () => {
  it('GIVEN a device that never ends (/dev/zero) THEN it is refused at once, not read', () => {
    const result = spawnSync(process.execPath, ['bin/eventform.mjs', 'import', '/dev/zero'], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\/dev\/zero is not a regular file/);
  });

  it('GIVEN a template saved as UTF-16 with a byte-order mark THEN it imports like its UTF-8 copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventform-cli-'));
    const text = 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n';
    const file = join(dir, 'queue.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = cli(['import', file]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).nodes.map((n: { name: string }) => n.name)).toEqual(['Jobs']);
  });
});

describe('eventform export', () => {
  it('GIVEN the banking blueprint WHEN exported with -o DIR THEN DIR holds a CDK project (package.json, cdk.json, bin/app.ts, the stack, one folder per function) and a second export into it is refused', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'eventform-cdk-cli-')), 'app');
    const result = cli(['export', 'cdk', 'banking', '-o', dir]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/wrote the CDK app BankingFixedDeposits to .*lib\/banking-fixed-deposits-stack\.ts/);
    expect(JSON.parse(readFileSync(join(dir, 'cdk.json'), 'utf8')).app).toBe('npx tsx bin/app.ts');
    expect(readFileSync(join(dir, 'bin/app.ts'), 'utf8')).toContain("new BankingFixedDepositsStack(app, 'BankingFixedDeposits')");
    const stack = readFileSync(join(dir, 'lib/banking-fixed-deposits-stack.ts'), 'utf8');
    expect(stack).toContain('deposits.grantWriteData(createDeposit);');
    expect(stack).toContain('new tasks.LambdaInvoke(');
    expect(readFileSync(join(dir, 'functions/CreateDeposit/index.py'), 'utf8')).toContain('def handler(event, context):');
    const again = cli(['export', 'cdk', 'banking', '-o', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('is not empty');
  }, 60_000);

  it('GIVEN the banking blueprint WHEN exported as SAM THEN the template is printed with its transform, functions and events; GIVEN the image blueprint (a function with a package) WITHOUT -o THEN it says why, WITH -o DIR THEN the code is written beside template.yaml', () => {
    const printed = cli(['export', 'sam', 'banking']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('Transform: AWS::Serverless-2016-10-31');
    expect(printed.stdout).toContain('Type: AWS::Serverless::Function');
    expect(printed.stdout).toContain('Type: AWS::Serverless::StateMachine');
    const refused = cli(['export', 'sam', 'image-processing']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('give -o DIR');
    const dir = join(mkdtempSync(join(tmpdir(), 'eventform-sam-cli-')), 'app');
    const written = cli(['export', 'sam', 'image-processing', '-o', dir]);
    expect(written.status).toBe(0);
    expect(readFileSync(join(dir, 'template.yaml'), 'utf8')).toContain('CodeUri: functions/Thumbnailer/');
    expect(JSON.parse(readFileSync(join(dir, 'functions/Thumbnailer/package.json'), 'utf8')).dependencies.sharp).toBeDefined();
  }, 60_000);

  it('GIVEN a missing format or folder WHEN export is run THEN it prints the usage and exits 2', () => {
    expect(cli(['export', 'banking', '-o', '/tmp/x']).status).toBe(2);
    const noFolder = cli(['export', 'cdk', 'banking']);
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toContain('Usage: eventform export cdk');
  });
});
