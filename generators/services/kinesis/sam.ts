import type { SamEmitter } from '../types';
import type { StreamNode } from './cfn';

/** SAM's Kinesis templates grant stream administration (KinesisCrudPolicy) or miss PutRecords: plain statements. */
export const kinesisSam: SamEmitter<StreamNode, 'write' | 'read'> = { policies: { write: null, read: null }, rewrite: null };
