import { getAtt, type CfnValue } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { bucketArn, bucketName, id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import type { s3Props } from './props';

export type BucketNode = NodeOfSpecs<'s3', typeof s3Props>;

export const s3Cfn: ServiceEmitter<BucketNode> = {
  arn: (node) => bucketArn(node),
  address: { suffix: 'BUCKET_NAME', value: (node) => bucketName(node) },
  emit(node, { builder }) {
    const website = node.props.mode === 'website';
    const retain = node.props.retainOnDelete ? 'Retain' : 'Delete';
    const properties: Record<string, CfnValue> = {
      BucketName: bucketName(node),
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      PublicAccessBlockConfiguration: website
        ? { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false }
        : { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    };
    if (node.props.versioning) properties.VersioningConfiguration = { Status: 'Enabled' };
    if (website) properties.WebsiteConfiguration = { IndexDocument: node.props.indexDocument, ErrorDocument: node.props.errorDocument };
    builder.add(id(node), { Type: 'AWS::S3::Bucket', DeletionPolicy: retain, UpdateReplacePolicy: retain, Properties: properties }, node.id);
    builder.output(id(node, 'BucketName'), { Description: `Name of the ${node.name} bucket`, Value: bucketName(node) });
    if (website) {
      // Public read of the pages only; ACLs stay disabled (BucketOwnerEnforced).
      builder.add(
        id(node, 'PublicReadPolicy'),
        {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: bucketName(node),
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Sid: 'PublicReadOfPages', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: bucketArn(node, '/*') }],
            },
          },
          DependsOn: [id(node)],
        },
        node.id,
      );
      builder.output(id(node, 'WebsiteUrl'), { Description: `Website address of ${node.name}`, Value: getAtt(id(node), 'WebsiteURL') });
    }
  },
  finalize(node, { builder }) {
    // Notifications are added by edges; S3 requires the configuration keys to be present only when used.
    const props = builder.touch(id(node), node.id).Properties!;
    const notifications = props.NotificationConfiguration as Record<string, CfnValue[]> | undefined;
    if (notifications) for (const key of Object.keys(notifications)) if (Array.isArray(notifications[key]) && notifications[key].length === 0) delete notifications[key];
  },
};
