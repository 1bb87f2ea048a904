import type { SamEmitter } from '../types';
import type { BucketNode } from './cfn';

/** SAM's S3 policy templates grant more than a mode (versions, lifecycle, ACLs): plain statements. */
export const s3Sam: SamEmitter<BucketNode, 'read' | 'write' | 'read-write'> = { policies: { read: null, write: null, 'read-write': null }, rewrite: null };
