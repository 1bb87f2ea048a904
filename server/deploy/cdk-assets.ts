/**
 * Deploying a stack a CDK app synthesized (`cdk.out/<Stack>.template.json`): its file assets (the
 * function code) are published where the template expects them, as `cdk deploy` does, from the
 * asset manifest beside it. In AWS the bucket is the one `cdk bootstrap` made; in the sandbox,
 * where nobody bootstrapped, the bucket and the bootstrap version parameter are made here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { zipOf } from '../assets/build';
import { clientConfig } from '../aws/target';
import { stageAsset } from './buckets';
import type { Environment } from './clients';
import { DeployError, type Emit } from './events';
import type { CdkAssets, FileAsset } from './cdk-asset-manifest';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** A directory asset as a zip of its files (paths relative to it, sorted: the same folder gives the same zip). */
function packaged(asset: FileAsset, dir: string): Uint8Array {
  const source = join(dir, asset.source.path);
  if (asset.source.packaging === 'file') return readFileSync(source);
  const entries = Object.fromEntries(
    filesUnder(source)
      .sort()
      .map((file) => [relative(source, file), new Uint8Array(readFileSync(file))]),
  );
  return zipOf(entries);
}

const substitute = (text: string, account: string, region: string) => text.replaceAll('${AWS::AccountId}', account).replaceAll('${AWS::Region}', region).replaceAll('${AWS::Partition}', 'aws');

async function bucketExists(s3: S3Client, bucket: string) {
  return s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  );
}

/** In the sandbox, what `cdk bootstrap` would have made: the version parameter the template checks. */
async function bootstrapSandbox(env: Environment, parameter: string) {
  const { SSMClient, PutParameterCommand } = await import('@aws-sdk/client-ssm');
  const ssm = new SSMClient(clientConfig(env.target, env.credentials));
  await ssm.send(new PutParameterCommand({ Name: parameter, Value: '30', Type: 'String', Overwrite: true }));
}

export async function publishCdkAssets(env: Environment, s3: S3Client, account: string, assets: CdkAssets, emit: Emit) {
  // A local emulator (the sandbox, or moto or LocalStack at an endpoint) has nobody who ran cdk bootstrap.
  const sandbox = env.target.kind !== 'aws';
  if (assets.bootstrapParameter && sandbox) await bootstrapSandbox(env, assets.bootstrapParameter);
  for (const [hash, asset] of Object.entries(assets.files)) {
    for (const destination of Object.values(asset.destinations)) {
      const bucket = substitute(destination.bucketName, account, env.target.region);
      if (!(await bucketExists(s3, bucket))) {
        if (!sandbox) throw new DeployError(`The CDK asset bucket ${bucket} does not exist: run \`npx cdk bootstrap\` in this account and region first`);
        await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      }
      const body = packaged(asset, assets.dir);
      const staged = await stageAsset(s3, bucket, destination.objectKey, body);
      emit({
        type: 'phase',
        phase: 'staging',
        message: `CDK asset ${hash.slice(0, 12)} (${asset.source.path}): ${staged === 'uploaded' ? `uploaded to ${bucket}` : `already in ${bucket}, not uploaded again`}`,
      });
    }
  }
}
