/** Logical ids and physical names derived from node names: renaming a node renames its resources. */
import type { GraphNode } from '../graph/model';
import { stackUuid, sub, type CfnValue } from './cfn';

export const id = (node: GraphNode, suffix = '') => `${node.name}${suffix}`;
export const pairId = (from: GraphNode, to: GraphNode, suffix: string) => `${from.name}To${to.name}${suffix}`;

/** Bucket names are lower-case and at most 63 characters: 26 of the node's name, a dash, the stack's uuid. */
export const BUCKET_NAME_PREFIX_LENGTH = 26;
export const bucketPrefix = (node: GraphNode) => node.name.toLowerCase().slice(0, BUCKET_NAME_PREFIX_LENGTH);

/**
 * A bucket's name is known before the bucket exists, so its ARN can be written without a
 * reference to the bucket: that is what keeps bucket -> permission -> bucket free of cycles.
 */
export const bucketName = (node: GraphNode): CfnValue => sub(`${bucketPrefix(node)}-\${Uuid}`, { Uuid: stackUuid });
export const bucketArn = (node: GraphNode, path = ''): CfnValue =>
  sub(`arn:\${AWS::Partition}:s3:::${bucketPrefix(node)}-\${Uuid}${path}`, { Uuid: stackUuid });
