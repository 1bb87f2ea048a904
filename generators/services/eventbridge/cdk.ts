import type { CdkEmitter } from '../types';
import { literal } from '../../export/cdk/writer';
import { isDefaultBus, type BusNode } from './cfn';

export const eventbridgeCdk: CdkEmitter<BusNode, 'put-events'> = {
  declare(node, w) {
    const events = w.use('events');
    if (isDefaultBus(node)) w.declare(node, `    const ${w.v(node)} = ${events}.EventBus.fromEventBusName(this, ${literal(node.name)}, 'default');`);
    else w.declare(node, `    const ${w.v(node)} = new ${events}.EventBus(this, ${literal(node.name)}, { eventBusName: \`\${${w.use('cdk')}.Aws.STACK_NAME}-${node.name}\` });`);
  },
  arn: (node, w) => `${w.v(node)}.eventBusArn`,
  address: (node, w) => `${w.v(node)}.eventBusName`,
  grants: { 'put-events': { method: 'grantPutEventsTo' } },
};
