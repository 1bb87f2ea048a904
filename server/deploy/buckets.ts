/**
 * The S3 side of a deployment: the staging bucket, staged code and templates, website pages,
 * emptying a stack's buckets. Loaded only by a deployment that touches S3 (a short command that
 * does not saves loading the S3 client).
 */
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketEncryptionCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { errorPage, indexPage } from '../../blueprints/website/pages';
import type { WebsiteUpload } from './website';

/** Deletes every object version and delete marker, so CloudFormation can delete the bucket. */
export async function emptyBucket(s3: S3Client, bucket: string): Promise<number> {
  let removed = 0;
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionMarker }));
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key!, ...(v.VersionId && v.VersionId !== 'null' ? { VersionId: v.VersionId } : {}) }));
    for (let i = 0; i < objects.length; i += 1000) {
      await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects.slice(i, i + 1000), Quiet: true } }));
      removed += objects.slice(i, i + 1000).length;
    }
    if (!page.IsTruncated) return removed;
    keyMarker = page.NextKeyMarker;
    versionMarker = page.NextVersionIdMarker;
  }
}

const answered = (request: Promise<unknown>) =>
  request.then(
    () => true,
    () => false,
  );

/** Whether a bucket is there and this account may use it. */
export const bucketExists = (s3: S3Client, bucket: string) => answered(s3.send(new HeadBucketCommand({ Bucket: bucket })));

export const objectExists = (s3: S3Client, bucket: string, key: string) => answered(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));

/** Makes the staging bucket of an account and region (as `sam deploy --resolve-s3` keeps one): private and encrypted. */
export async function createStagingBucket(s3: S3Client, bucket: string, region: string) {
  await s3.send(new CreateBucketCommand({ Bucket: bucket, ...(region !== 'us-east-1' ? { CreateBucketConfiguration: { LocationConstraint: region as never } } : {}) })).catch((error) => {
    // Another deployment to this account (another tab, another command) made it a moment ago: it is ours to use.
    if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  });
  await s3.send(
    new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } }),
  );
  await s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
}

export async function putZip(s3: S3Client, bucket: string, key: string, zip: Uint8Array) {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: zip, ContentType: 'application/zip' }));
}

export async function stageTemplate(s3: S3Client, input: { bucket: string; region: string; stackName: string; body: string; endpoint?: string }): Promise<string> {
  const key = `templates/${input.stackName}-${createHash('sha256').update(input.body).digest('hex').slice(0, 16)}.json`;
  await s3.send(new PutObjectCommand({ Bucket: input.bucket, Key: key, Body: input.body, ContentType: 'application/json' }));
  return input.endpoint ? `${input.endpoint.replace(/\/$/, '')}/${input.bucket}/${key}` : `https://${input.bucket}.s3.${input.region}.amazonaws.com/${key}`;
}

/** Uploads a built zip unless the bucket already has it: keys are content hashes, so a key that is there holds these bytes. */
export async function stageAsset(s3: S3Client, bucket: string, key: string, zip: Uint8Array): Promise<'uploaded' | 'already staged'> {
  if (await objectExists(s3, bucket, key)) return 'already staged';
  await putZip(s3, bucket, key, zip);
  return 'uploaded';
}

/** A website bucket's pages (server/deploy/website.ts says which bucket and which API they call). */
export async function uploadPages(s3: S3Client, upload: WebsiteUpload & { route: string; title: string }) {
  const target = upload.apiUrl ? `${upload.apiUrl.replace(/\/$/, '')}${upload.route}` : null;
  // Both at once: neither depends on the other.
  await Promise.all([
    s3.send(new PutObjectCommand({ Bucket: upload.bucket, Key: 'index.html', Body: indexPage(upload.title, target), ContentType: 'text/html; charset=utf-8' })),
    s3.send(new PutObjectCommand({ Bucket: upload.bucket, Key: 'error.html', Body: errorPage(upload.title), ContentType: 'text/html; charset=utf-8' })),
  ]);
}
