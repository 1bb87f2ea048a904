/**
 * A function of three files (about 20 KB) with one npm package, drawn in a diagram: its template
 * lints clean, it deploys to moto_server, and the code moto holds is the bundle that was built.
 */
import { GetFunctionCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { synthesize, toYaml } from '../../generators';
import { diagram } from '../../generators/graph/build';
import { assetKey } from '../../generators/template/asset';
import { lintTemplates } from '../../generators/testing/cfn-lint';
import { carryOutDeployment, planDeployment } from '../deploy/deployment';
import { sharedSandboxForTests } from '../sandbox/testing';
import { buildAsset } from './build';
import { threeFileFunction } from './fixtures';

const sandbox = sharedSandboxForTests();

describe('a function with files and a package, deployed', () => {
  const source = threeFileFunction();
  const graph = diagram({
    name: 'Word lookup',
    nodes: { Words: 'sqs', Lookup: ['lambda', { runtime: 'nodejs22.x', code: source.main, files: JSON.stringify(source.files), dependencies: source.dependencies }] },
    edges: [['Words', 'Lookup']],
  });

  it('GIVEN the diagram WHEN synthesized THEN the function refers to its zip in the staging bucket and the template lints clean', async () => {
    const { template, assets } = synthesize(graph);
    expect(template.Resources.Lookup.Properties!.Code).toEqual({ S3Bucket: { 'Fn::Sub': 'eventform-staging-${AWS::AccountId}-${AWS::Region}' }, S3Key: assetKey(assets[0]) });
    expect((await lintTemplates({ 'lookup.yaml': toYaml(template) })).get('lookup.yaml')).toEqual([]);
  }, 60_000);

  it('GIVEN the diagram WHEN deployed to the sandbox THEN the function moto created runs the bundle that was built', async () => {
    const plan = await planDeployment(sandbox.env(), graph, 'lookup', () => {}, ['CAPABILITY_IAM']);
    if (plan.kind !== 'changes') throw new Error('expected changes');
    expect(await carryOutDeployment(sandbox.env(), graph, 'lookup', plan.changeSetName, () => {})).toBe(true);
    const [asset] = synthesize(graph).assets;
    const built = await buildAsset(asset);
    const lambda = new LambdaClient(sandbox.config());
    const name = (await lambda.send(new ListFunctionsCommand({}))).Functions!.find((f) => f.FunctionName!.startsWith('Lookup-'))!.FunctionName!;
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
    expect(fn.Configuration?.CodeSha256).toBe(built.sha256);
    expect(fn.Configuration?.CodeSize).toBe(built.bytes);
    // The zip in the bucket it was created from is one bundle, with fflate and both helper files inside.
    const staged = await new S3Client(sandbox.config()).send(new GetObjectCommand({ Bucket: 'eventform-staging-123456789012-us-east-1', Key: assetKey(asset) }));
    const files = unzipSync(new Uint8Array(await staged.Body!.transformToByteArray()));
    const bundle = new TextDecoder().decode(files['index.js']);
    expect(Object.keys(files)).toEqual(['index.js']);
    expect(bundle).toContain('gzipSync');
    expect(bundle).toContain('word: "juliett"');
    expect(bundle).toMatch(/describe = \(row\) => `\$\{row\.word\}/);
  }, 180_000);
});
