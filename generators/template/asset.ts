/**
 * Function assets, as the AWS CDK and `sam build` make them: a function whose code does not fit
 * inline (longer than CloudFormation's 4,096 characters, several files, or npm packages) is built
 * into a zip when the diagram is deployed or synthesized with --assets, named by the hash of what
 * it is built from, and referenced by bucket and key. The bucket is the staging bucket deploys
 * already use for large templates, one per account and region.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { FunctionSources } from '../services/lambda/sources';
import type { CfnValue } from './cfn';

/** Bumped when the way assets are built changes, so an old zip is never taken for a new one. */
const BUILD_FORMAT = 1;

export interface FunctionAsset extends FunctionSources {
  /** The hash of the sources, packages, runtime and build format: the zip is `assets/<id>.zip`. */
  id: string;
  /** The function's logical id and node, for messages. */
  logicalId: string;
  nodeId: string;
  runtime: string;
}

export const STAGING_BUCKET_PREFIX = 'eventform-staging';
export const stagingBucketName = (account: string, region: string) => `${STAGING_BUCKET_PREFIX}-${account}-${region}`;
export const assetKey = (asset: Pick<FunctionAsset, 'id'>) => `assets/${asset.id}.zip`;

/** Where the template points a function's code: the staging bucket of the account and region it is deployed to. */
export const assetCode = (asset: FunctionAsset): Record<string, CfnValue> => ({
  S3Bucket: { 'Fn::Sub': `${STAGING_BUCKET_PREFIX}-\${AWS::AccountId}-\${AWS::Region}` },
  S3Key: assetKey(asset),
});

export function assetOf(sources: FunctionSources, runtime: string, logicalId: string, nodeId: string): FunctionAsset {
  const files = Object.fromEntries(Object.entries(sources.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  const dependencies = Object.fromEntries(Object.entries(sources.dependencies).sort(([a], [b]) => (a < b ? -1 : 1)));
  const identity = JSON.stringify({ format: BUILD_FORMAT, runtime, language: sources.language, entry: sources.entry, files, dependencies });
  return { ...sources, files, dependencies, runtime, logicalId, nodeId, id: bytesToHex(sha256(utf8ToBytes(identity))).slice(0, 40) };
}
