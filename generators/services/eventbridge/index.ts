import { chunks, perMillion } from '../../cost/types';
import { plural } from '../../flow/types';
import { ruleTargetSettings } from '../../rules/mapping-import';
import type { CfnValue } from '../../template/cfn';
import type { ServiceModule } from '../types';
import { busKey, busNamesAsParameters, impliedBus, parameterBusKey, ruleSharedKey, sharedBusName } from './buses';
import { eventbridgeCfn } from './cfn';
import { eventbridgeProps } from './props';
import { eventbridgeCdk } from './cdk';
import { eventbridgeSam } from './sam';

/** us-east-1 list prices (see cost/prices.ts for the date); each 64 KB of an event is metered as one. */
const EVENTBRIDGE_PRICES = { perMillionCustomEvents: 1.0, eventChunkKB: 64 } as const;

const RULE = 'AWS::Events::Rule';

export const eventbridge: ServiceModule<'eventbridge', typeof eventbridgeProps, 'put-events'> = {
  kind: 'eventbridge',
  title: 'Amazon EventBridge',
  shortTitle: 'EventBridge',
  asTarget: 'put events on a bus',
  description: 'Event bus whose rules route matching events to targets',
  group: 'router',
  defaultName: 'EventBus',
  modelled: true,
  icon: 'ArchitectureServiceAmazonEventBridge',
  props: eventbridgeProps,
  subtitle: () => undefined,
  code: null,
  cfn: eventbridgeCfn,
  cdk: eventbridgeCdk,
  sam: eventbridgeSam,
  access: {
    modes: { 'put-events': { label: 'puts events', actions: ['events:PutEvents'], sends: true, reads: false } },
    defaultMode: 'put-events',
    deliver: 'events:PutEvents',
  },
  imports: {
    // A rule on a bus the template does not define (the default bus) is drawn as that bus.
    types: ['AWS::Events::EventBus', RULE],
    bindings: {
      schedule: { paths: [['ScheduleExpression']], absent: '', types: [RULE] },
      // A rule drawn as the bus it is on: the default bus, or one the template is given (shown as written).
      busType: { paths: [['EventBusName']], absent: 'default', types: [RULE], readOnly: true, read: (raw) => (raw === 'default' ? raw : undefined) },
    },
    propsOfType: (type) => ({ busType: type === RULE ? 'default' : 'custom' }),
    children: { [RULE]: ['EventBusName'], 'AWS::Events::Archive': ['SourceArn'] },
    childrenByValue: { [RULE]: { property: 'EventBusName', parentProperty: 'Name' } },
    sharedKey: ruleSharedKey,
    sharedName: sharedBusName,
    parameterKey: parameterBusKey,
    wiringView: busNamesAsParameters,
    impliedSource: impliedBus,
    samEvents: { EventBridgeRule: 'EventBusName', CloudWatchEvent: 'EventBusName' },
    samPolicies: { EventBridgePutEventsPolicy: 'put-events' },
    samPolicyKeys: { EventBridgePutEventsPolicy: (parameters) => busKey(parameters.EventBusName) },
    // A rule target's dead-letter queue is a prop of the edge to that target (ruleTargetSettings).
    propOfEdgeAt: (path) => (path.includes('DeadLetterConfig') ? [...path.slice(0, path.indexOf('DeadLetterConfig')), 'Arn'] : undefined),
    // The rule's pattern as written (one with intrinsics, ${AWS::AccountId}, is shown that way and kept), and its target's failure handling.
    edgeProps(resources, logicalId, path): Record<string, CfnValue> {
      const resource = resources[logicalId];
      return resource?.Type === RULE ? ruleTargetSettings(resource.Properties ?? {}, path) : {};
    },
  },
  flow: {
    failable: false,
    receive({ node }, sim) {
      for (const link of sim.out) sim.carry(link);
      if (sim.out.length === 0) sim.note('waiting', `${node.name} has no rule: the event goes nowhere`);
    },
    scenarios: (_node, { fromLinks }) => [...fromLinks(), { label: 'an event from example.unmatched', data: { source: 'example.unmatched', 'detail-type': 'Example', detail: {} }, count: 1 }],
    fromCode: (writer, node, count, data) => ({ text: `${writer.name} puts ${plural(count, 'event')} on ${node.name}`, data: { source: 'eventform.function', 'detail-type': 'Record', detail: data } }),
  },
  cost: {
    estimate(node, usage) {
      // Events AWS services send (a bucket's) are free; events put by code, an API or a pipe are not.
      const custom = Math.max(0, usage.events(node) - usage.freeEvents(node));
      const units = custom * chunks(usage.load.averagePayloadKB, EVENTBRIDGE_PRICES.eventChunkKB);
      return { items: [{ label: 'Custom events', quantity: units, unit: 'events', usd: perMillion(units, EVENTBRIDGE_PRICES.perMillionCustomEvents) }] };
    },
  },
  diagnostics: {
    node(bus, { index, report }) {
      if (!index.out(bus).length) report('warning', 'bus-without-rules', `${bus.name} has no rules: its events go nowhere`, [bus]);
      if (bus.props.schedule && bus.props.busType === 'custom')
        report('info', 'schedule-on-default-bus', `${bus.name}'s schedule runs on the default bus: scheduled rules cannot live on a custom bus`, [bus]);
    },
  },
  tags: { 'AWS::Events::EventBus': 'list' },
  handlerRole: 'event',
};
