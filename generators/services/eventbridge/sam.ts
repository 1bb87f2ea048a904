import type { SamEmitter } from '../types';
import { busName, type BusNode } from './cfn';

export const eventbridgeSam: SamEmitter<BusNode, 'put-events'> = {
  policies: { 'put-events': (node) => ({ template: 'EventBridgePutEventsPolicy', parameters: { EventBusName: busName(node) } }) },
  rewrite: null,
};
