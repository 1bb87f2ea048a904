import type { SamEmitter } from '../types';
import type { ResourceNode } from './index';

/** An imported resource is written back as the template has it. */
export const resourceSam: SamEmitter<ResourceNode, never> = { policies: {}, rewrite: null };
