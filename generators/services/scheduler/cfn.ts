import { getAtt } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import type { schedulerProps } from './props';

export type ScheduleNode = NodeOfSpecs<'scheduler', typeof schedulerProps>;

/** A schedule needs its one target to exist in CloudFormation: the connection to it writes the resource. */
export const schedulerCfn: ServiceEmitter<ScheduleNode> = {
  arn: (node) => getAtt(id(node), 'Arn'),
  address: { suffix: 'SCHEDULE_NAME', value: (node) => ({ Ref: id(node) }) },
  emit: () => undefined,
  finalize: () => undefined,
};
