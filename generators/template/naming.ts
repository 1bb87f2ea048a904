/** Logical ids and physical names derived from node names: renaming a node renames its resources. */
import { stackUuid, sub, type CfnValue } from './cfn';

/** Names are all these helpers need of a node. */
type Named = { name: string };

export const id = (node: Named, suffix = '') => `${node.name}${suffix}`;
export const pairId = (from: Named, to: Named, suffix: string) => `${from.name}To${to.name}${suffix}`;

/** Bucket names are lower-case and at most 63 characters: 26 of the node's name, a dash, the stack's uuid. */
export const BUCKET_NAME_PREFIX_LENGTH = 26;
export const bucketPrefix = (node: Named) => node.name.toLowerCase().slice(0, BUCKET_NAME_PREFIX_LENGTH);

/**
 * A bucket's name is known before the bucket exists, so its ARN can be written without a
 * reference to the bucket: that is what keeps bucket -> permission -> bucket free of cycles.
 */
export const bucketName = (node: Named): CfnValue => sub(`${bucketPrefix(node)}-\${Uuid}`, { Uuid: stackUuid });
export const bucketArn = (node: Named, path = ''): CfnValue => sub(`arn:\${AWS::Partition}:s3:::${bucketPrefix(node)}-\${Uuid}${path}`, { Uuid: stackUuid });

/** Function names: up to 27 characters of the node's name, a dash, the stack's uuid (64 in all). */
export const FUNCTION_NAME_PREFIX_LENGTH = 27;
export const functionPrefix = (node: Named) => node.name.slice(0, FUNCTION_NAME_PREFIX_LENGTH);

/**
 * Functions get known names for the same reason as buckets: two functions that call each other, or a
 * function that feeds a workflow or delivery stream which calls it back, refer to each other's ARN;
 * built from the name, the ARN needs no reference, so there is no cycle.
 */
export const functionName = (node: Named): CfnValue => sub(`${functionPrefix(node)}-\${Uuid}`, { Uuid: stackUuid });
export const functionArn = (node: Named): CfnValue => sub(`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${functionPrefix(node)}-\${Uuid}`, { Uuid: stackUuid });
