/**
 * What a deployment puts in the account's staging bucket before its change set: each function's
 * code (built here, unless the bucket already has it: keys are hashes of the sources) and a
 * template too large to send inline. The bucket and every key are asked about at once.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { assetKey, stagingBucketName, type FunctionAsset } from '../../generators/template/asset';
import { AssetBuildError, buildAsset, mib } from '../assets/build';
import { bucketExists, createStagingBucket, objectExists, putZip, stageTemplate } from './buckets';
import { DeployError, type Emit } from './events';

export interface StagingInput {
  account: string;
  region: string;
  stackName: string;
  assets: readonly FunctionAsset[];
  /** A template over CloudFormation's inline limit, with its size in bytes. */
  largeTemplate?: { body: string; bytes: number };
  /** A local emulator's endpoint: its own URL form for the staged template. */
  endpoint?: string;
}

/** Stages the functions' code and a large template; returns the staged template's URL when there is one. */
export async function stage(s3: S3Client, input: StagingInput, emit: Emit): Promise<string | undefined> {
  const bucket = stagingBucketName(input.account, input.region);
  const [bucketThere, ...staged] = await Promise.all([bucketExists(s3, bucket), ...input.assets.map((asset) => objectExists(s3, bucket, assetKey(asset)))]);
  if (!bucketThere) await createStagingBucket(s3, bucket, input.region);
  for (const [i, asset] of input.assets.entries()) {
    const packages = Object.entries(asset.dependencies).map(([name, version]) => `${name}@${version}`);
    const about = `${Object.keys(asset.files).length} files${packages.length ? `, ${packages.join(', ')}` : ''}`;
    if (bucketThere && staged[i]) {
      emit({ type: 'phase', phase: 'staging', message: `${asset.logicalId}'s code (${about}): already in ${bucket}, not built or uploaded again` });
      continue;
    }
    emit({ type: 'phase', phase: 'staging', message: `Building ${asset.logicalId}'s code (${about})` });
    const built = await buildAsset(asset).catch((error: unknown) => {
      throw error instanceof AssetBuildError ? new DeployError(`${asset.logicalId}: ${error.message}`) : error;
    });
    await putZip(s3, bucket, assetKey(asset), built.zip);
    emit({ type: 'phase', phase: 'staging', message: `${asset.logicalId}'s code, ${mib(built.bytes)} zipped (${mib(built.unzippedBytes)} unzipped): uploaded to ${bucket}` });
  }
  if (!input.largeTemplate) return undefined;
  emit({ type: 'phase', phase: 'staging', message: `The template is ${input.largeTemplate.bytes} bytes: uploading it to a staging bucket first` });
  // moto resolves S3 URLs in AWS's own form internally; other emulators are asked by their endpoint.
  return stageTemplate(s3, { bucket, region: input.region, stackName: input.stackName, body: input.largeTemplate.body, endpoint: input.endpoint });
}
