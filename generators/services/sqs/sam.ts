import type { SamEmitter } from '../types';
import type { QueueNode } from './cfn';

/** SQSSendMessagePolicy grants sqs:SendMessage* and SQSPollerPolicy the batch actions too: plain statements. */
export const sqsSam: SamEmitter<QueueNode, 'send' | 'consume'> = { policies: { send: null, consume: null }, rewrite: null };
