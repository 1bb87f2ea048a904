/**
 * Which bus a rule (or a SAM EventBridgeRule / CloudWatchEvent event) is on, when the template does
 * not define it: the account's default bus, or a bus the template is given (a parameter, an
 * import). Rules on the same such bus share one node, so the bus is drawn once and every rule on it
 * hangs off it; a SAM event on the default bus, or a Schedule event, is drawn on a node that stands
 * for the default bus without being a resource of the template.
 */
import type { Props } from '../../props/spec';
import type { CfnValue } from '../../template/cfn';
import { readable } from '../../template/readable';
import type { ImpliedSource } from '../types';

const DEFAULT = 'bus:default';

/** The key of the bus a rule's EventBusName names, when the template does not define it. */
export function busKey(eventBusName: CfnValue | undefined): string {
  if (eventBusName === undefined || eventBusName === 'default') return DEFAULT;
  return `bus:${JSON.stringify(eventBusName)}`;
}

/** Rules on a bus outside the template share its node; a scheduled rule is a schedule, a node of its own. */
export function ruleSharedKey(type: string, properties: Record<string, CfnValue>): string | undefined {
  if (type !== 'AWS::Events::Rule' || properties.EventPattern === undefined) return undefined;
  return busKey(properties.EventBusName);
}

/** DefaultBus; a bus given as `${EventBusName}` is drawn as EventBusName. */
export function sharedBusName(key: string): string {
  if (key === DEFAULT) return 'DefaultBus';
  const words = readable(JSON.parse(key.slice('bus:'.length)) as CfnValue)
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
  return words
    ? words
        .split(' ')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join('')
        .slice(0, 60)
    : 'EventBus';
}

const DEFAULT_BUS_NOTE = "The account's default event bus, which the template's SAM events use: drawn so what they route shows; it is not a resource of the template, and export leaves it out.";

export function impliedBus(eventType: string, event: Record<string, CfnValue>): ImpliedSource | undefined {
  if (eventType === 'EventBridgeRule' || eventType === 'CloudWatchEvent') {
    const key = busKey(event.EventBusName);
    // A bus given by a parameter has a name only when deployed: without a rule resource on it, it is not drawn.
    return key === DEFAULT ? { key, drawn: { name: 'DefaultBus', props: { busType: 'default', schedule: '' }, note: DEFAULT_BUS_NOTE } } : { key };
  }
  if (eventType === 'Schedule' && typeof event.Schedule === 'string') {
    const props: Props = { busType: 'default', schedule: event.Schedule };
    return {
      key: `schedule:${event.Schedule}`,
      drawn: {
        name: 'Schedule',
        props,
        note: `A schedule, ${readable(event.Schedule)}, that SAM turns into a rule on the default bus: drawn so it shows; the rule is the function's event in the template.`,
      },
    };
  }
  return undefined;
}
