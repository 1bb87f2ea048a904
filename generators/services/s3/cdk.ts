import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import type { BucketNode } from './cfn';

export const s3Cdk: CdkEmitter<BucketNode, 'read' | 'write' | 'read-write'> = {
  declare(node, w) {
    const [s3, cdk] = [w.use('s3'), w.use('cdk')];
    const website = node.props.mode === 'website';
    const props: Record<string, unknown> = {
      encryption: w.code(`${s3}.BucketEncryption.S3_MANAGED`),
      objectOwnership: w.code(`${s3}.ObjectOwnership.BUCKET_OWNER_ENFORCED`),
      blockPublicAccess: w.code(
        website ? `new ${s3}.BlockPublicAccess({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false })` : `${s3}.BlockPublicAccess.BLOCK_ALL`,
      ),
    };
    if (node.props.versioning) props.versioned = true;
    if (w.contributions(node, 'eventBridgeEnabled').length) props.eventBridgeEnabled = true;
    if (website) Object.assign(props, { websiteIndexDocument: node.props.indexDocument, websiteErrorDocument: node.props.errorDocument, publicReadAccess: true });
    props.removalPolicy = w.code(`${cdk}.RemovalPolicy.${node.props.retainOnDelete ? 'RETAIN' : 'DESTROY'}`);
    w.declare(node, `    const ${w.v(node)} = new ${s3}.Bucket(this, ${literal(node.name)}, ${literal(props, '    ')});`);
  },
  arn: (node, w) => `${w.v(node)}.bucketArn`,
  address: (node, w) => `${w.v(node)}.bucketName`,
  grants: {
    read: {
      method: 'grantRead',
      extra: {
        actions: ['s3:GetBucket*', 's3:GetObject*', 's3:List*'],
        why: "CDK's read grant: an object's versions, tags and metadata and the bucket's listing and location, read-only, on this bucket only",
      },
    },
    write: {
      method: 'grantPut',
      extra: {
        actions: ['s3:Abort*', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        why: "CDK's put grant: an object's tags, retention and legal hold with the object, on this bucket's objects only",
      },
    },
    'read-write': {
      method: 'grantReadWrite',
      extra: {
        actions: ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        why: "CDK's read-write grant: the read and put grants' object metadata and versions, on this bucket only",
      },
    },
  },
};
