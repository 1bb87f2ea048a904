import { plural } from '../../flow/types';
import { bucketArn, bucketPrefix, BUCKET_NAME_PREFIX_LENGTH } from '../../template/naming';
import type { ServiceModule } from '../types';
import { s3Cfn, type BucketNode } from './cfn';
import { s3Props } from './props';
import { s3Cdk } from './cdk';
import { s3Sam } from './sam';

/** us-east-1 list prices (see cost/prices.ts for the date), S3 Standard. */
const S3_PRICES = { storagePerGbMonth: 0.023, putPer1000: 0.005, getPer1000: 0.0004 } as const;

export const s3: ServiceModule<'s3', typeof s3Props, 'read' | 'write' | 'read-write'> = {
  kind: 's3',
  title: 'Amazon S3',
  shortTitle: 'S3',
  asTarget: 'write to a bucket',
  description: 'Object storage or a static website; object events start work',
  group: 'source',
  defaultName: 'Bucket',
  modelled: true,
  icon: 'ArchitectureServiceAmazonSimpleStorageService',
  props: s3Props,
  subtitle: () => undefined,
  code: null,
  cfn: s3Cfn,
  cdk: s3Cdk,
  sam: s3Sam,
  access: {
    modes: {
      read: { label: 'reads', actions: ['s3:GetObject', 's3:ListBucket'], sends: false, reads: true },
      write: { label: 'writes', actions: ['s3:AbortMultipartUpload', 's3:PutObject'], sends: true, reads: false },
      'read-write': { label: 'reads/writes', actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject'], sends: true, reads: true },
    },
    defaultMode: 'read-write',
    // Object actions apply to keys, ListBucket to the bucket itself.
    resources: (node, _mode, actions) => (actions.includes('s3:ListBucket') ? [bucketArn(node), bucketArn(node, '/*')] : [bucketArn(node, '/*')]),
  },
  imports: {
    types: ['AWS::S3::Bucket'],
    bindings: {
      versioning: {
        paths: [['VersioningConfiguration', 'Status']],
        absent: false,
        read: (raw) => (raw === 'Enabled' ? true : raw === 'Suspended' ? false : undefined),
        write: (value) => (value ? 'Enabled' : 'Suspended'),
      },
      // A bucket with a website configuration serves pages; its public read is in its policy, which stays as written.
      mode: {
        paths: [['WebsiteConfiguration']],
        absent: 'storage',
        readOnly: true,
        why: 'a website is the website configuration and the public read policy together: edit them in the template',
        read: (raw) => (raw && typeof raw === 'object' && !Array.isArray(raw) ? 'website' : undefined),
      },
      indexDocument: { paths: [['WebsiteConfiguration', 'IndexDocument']], read: (raw) => (typeof raw === 'string' ? raw : undefined) },
      errorDocument: { paths: [['WebsiteConfiguration', 'ErrorDocument']], read: (raw) => (typeof raw === 'string' ? raw : undefined) },
    },
    // CDK sets a bucket's notifications with a custom resource that names the bucket.
    children: { 'AWS::S3::BucketPolicy': ['Bucket'], 'Custom::S3BucketNotifications': ['BucketName'] },
    // A policy naming the bucket by the same expression as the bucket's own name (Eventform's known names).
    childrenByValue: { 'AWS::S3::BucketPolicy': { property: 'Bucket', parentProperty: 'BucketName' } },
    samEvents: { S3: 'Bucket' },
    samPolicies: { S3ReadPolicy: 'read', S3WritePolicy: 'write', S3CrudPolicy: 'read-write', S3FullAccessPolicy: 'read-write' },
  },
  flow: {
    failable: false,
    receive(_arrival, sim) {
      for (const link of sim.out) sim.carry(link);
    },
    scenarios(node, { fromLinks }) {
      const upload = (key: string, sizeKB: number) => ({ label: `upload ${key}`, data: { key, eventName: 's3:ObjectCreated:Put', sizeKB }, count: 1 });
      return [
        ...(node.props.mode === 'website' ? [{ label: 'a visitor opens index.html', data: { key: 'index.html', eventName: 'page-view' }, count: 1 }] : []),
        upload('photo.png', 2048),
        ...fromLinks(),
        upload('report.pdf', 300),
        { label: 'delete photo.png', data: { key: 'photo.png', eventName: 's3:ObjectRemoved:Delete' }, count: 1 },
      ];
    },
    fromCode: (writer, node, count, data) => ({
      text: `${writer.name} writes ${plural(count, 'object')} to ${node.name}`,
      data: { key: String(data.key ?? 'result.json'), eventName: 's3:ObjectCreated:Put' },
    }),
  },
  cost: {
    estimate(node, usage) {
      const count = usage.events(node);
      const website = node.props.mode === 'website';
      // A website's visitors read its pages: the load arrives as GETs, not uploads.
      const visited = website && usage.isEntry(node);
      const puts = visited ? 0 : count;
      const gets = usage.reads(node) + (visited ? count : 0);
      const storage = usage.load.storageGB;
      return {
        items: [
          { label: 'Storage', quantity: storage, unit: 'GB-months', usd: storage * S3_PRICES.storagePerGbMonth },
          ...(puts ? [{ label: 'PUT requests', quantity: puts, unit: 'requests', usd: (puts / 1000) * S3_PRICES.putPer1000 }] : []),
          ...(gets ? [{ label: 'GET requests', quantity: gets, unit: 'requests', usd: (gets / 1000) * S3_PRICES.getPer1000 }] : []),
        ],
      };
    },
  },
  diagnostics: {
    all(buckets, { report }) {
      const seen = new Map<string, BucketNode>();
      for (const bucket of buckets) {
        const prefix = bucketPrefix(bucket);
        const other = seen.get(prefix);
        if (other)
          report('error', 'bucket-name-clash', `${other.name} and ${bucket.name} give the same bucket name prefix "${prefix}": make their first ${BUCKET_NAME_PREFIX_LENGTH} characters differ`, [
            other,
            bucket,
          ]);
        seen.set(prefix, bucket);
      }
    },
  },
  tags: { 'AWS::S3::Bucket': 'list' },
  handlerRole: 's3_object',
};
