import { getAtt, sub } from '../../template/cfn';
import type { ServiceEmitter } from '../../template/context';
import { id } from '../../template/naming';
import type { NodeOfSpecs } from '../types';
import type { eventbridgeProps } from './props';

export type BusNode = NodeOfSpecs<'eventbridge', typeof eventbridgeProps>;

export const isDefaultBus = (node: BusNode) => node.props.busType === 'default';

/** The bus's name (GetAtt Name: emulators resolve a bus's Ref inconsistently). */
export const busName = (node: BusNode) => (isDefaultBus(node) ? 'default' : getAtt(id(node), 'Name'));

export const eventbridgeCfn: ServiceEmitter<BusNode> = {
  arn: (node) => (isDefaultBus(node) ? sub('arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default') : getAtt(id(node), 'Arn')),
  address: { suffix: 'EVENT_BUS_NAME', value: (node) => busName(node) },
  emit(node, { builder }) {
    if (isDefaultBus(node)) return;
    builder.add(id(node), { Type: 'AWS::Events::EventBus', Properties: { Name: sub(`\${AWS::StackName}-${node.name}`) } }, node.id);
    builder.output(id(node, 'EventBusName'), { Description: `Name of the ${node.name} event bus`, Value: busName(node) });
  },
  finalize: () => undefined,
};
