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

/**
 * A bus the template names (a literal name, a parameter, an import) without defining it: drawn so
 * the rules on it and the functions putting events on it connect to something; it stands for no
 * resource of the template, so export adds nothing for it.
 */
function outsideBus(key: string, name: CfnValue): NonNullable<ImpliedSource['drawn']> {
  const literal = typeof name === 'string';
  const shown = readable(name);
  return {
    name: sharedBusName(key),
    props: { busType: 'custom', schedule: '' },
    note: `The event bus ${shown}, which the template's SAM events use but does not define: drawn so what they route shows; it is not a resource of the template, and export leaves it out.`,
    written: {
      busType: {
        value: shown,
        why: literal ? 'a bus outside the template, which the template names' : 'the template is given it when the stack is deployed',
      },
    },
  };
}

const DEFAULT_BUS_NOTE = "The account's default event bus, which the template's SAM events use: drawn so what they route shows; it is not a resource of the template, and export leaves it out.";

export function impliedBus(eventType: string, event: Record<string, CfnValue>): ImpliedSource | undefined {
  if (eventType === 'EventBridgeRule' || eventType === 'CloudWatchEvent') {
    const key = busKey(event.EventBusName);
    if (key === DEFAULT) return { key, drawn: { name: 'DefaultBus', props: { busType: 'default', schedule: '' }, note: DEFAULT_BUS_NOTE } };
    return { key, drawn: outsideBus(key, event.EventBusName as CfnValue) };
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

/** The key of a bus given as a parameter's value (`EventBusName: !Ref BusName`). */
export const parameterBusKey = (parameter: string) => busKey({ Ref: parameter });

const isRef = (value: CfnValue | undefined): value is { Ref: string } => !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { Ref?: unknown }).Ref === 'string';

function eachBusName(value: CfnValue | undefined, visit: (name: CfnValue) => void): void {
  if (!value || typeof value !== 'object') return;
  const entries: [string, CfnValue][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, v] of entries) {
    if (key === 'EventBusName') visit(v);
    else eachBusName(v, visit);
  }
}

/**
 * A template may name one bus two ways: `!Ref BusName` in one place and BusName's default,
 * "Serverlesspresso", in another. Edge recovery reads the literal as the parameter, so both hang off
 * one node; a default shared by two such parameters stays ambiguous and is left as written.
 */
export function busNamesAsParameters<R extends { Properties?: Record<string, CfnValue> }>(resources: Record<string, R>, parameters: Readonly<Record<string, CfnValue>>): Record<string, R> {
  const byDefault = new Map<string, string | null>();
  for (const resource of Object.values(resources))
    eachBusName(resource?.Properties, (name) => {
      if (!isRef(name)) return;
      const declared = parameters[name.Ref];
      const fallback = declared && typeof declared === 'object' && !Array.isArray(declared) ? declared.Default : undefined;
      if (typeof fallback !== 'string' || fallback === 'default') return;
      const known = byDefault.get(fallback);
      byDefault.set(fallback, known === undefined || known === name.Ref ? name.Ref : null);
    });
  const named = new Map([...byDefault].filter((entry): entry is [string, string] => entry[1] !== null));
  if (named.size === 0) return resources;
  const rewrite = (value: CfnValue): CfnValue => {
    if (!value || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(rewrite);
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'EventBusName' && typeof v === 'string' && named.has(v) ? { Ref: named.get(v)! } : rewrite(v)]));
  };
  return Object.fromEntries(
    Object.entries(resources).map(([id, resource]) => [id, resource?.Properties ? { ...resource, Properties: rewrite(resource.Properties) as Record<string, CfnValue> } : resource]),
  );
}
