import type { SamEmitter } from '../types';
import type { ScheduleNode } from './cfn';

/** A schedule stays AWS::Scheduler::Schedule: as a function's ScheduleV2 event SAM would rename it after the function. */
export const schedulerSam: SamEmitter<ScheduleNode, never> = { policies: {}, rewrite: null };
