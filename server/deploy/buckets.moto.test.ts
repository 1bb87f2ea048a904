import { GetBucketEncryptionCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { sharedSandboxForTests } from '../sandbox/testing';
import { createStagingBucket } from './buckets';

const sandbox = sharedSandboxForTests();

describe('the staging bucket', () => {
  it('GIVEN two deployments to one account and region staging at once WHEN both create the staging bucket THEN neither fails, and the bucket is encrypted', async () => {
    // Outside us-east-1, S3 answers a second create with BucketAlreadyOwnedByYou (us-east-1 answers 200).
    const s3 = new S3Client({ ...sandbox.config(), region: 'eu-west-1' });
    const bucket = 'eventform-staging-123456789012-eu-west-1';
    await expect(Promise.all([createStagingBucket(s3, bucket, 'eu-west-1'), createStagingBucket(s3, bucket, 'eu-west-1')])).resolves.toBeDefined();
    await expect(createStagingBucket(s3, bucket, 'eu-west-1')).resolves.toBeUndefined();
    const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
  });
});
