import type { Link } from '../../graph/index-graph';
import { literal } from '../../export/cdk/writer';

/** The construct id of something an edge adds ("OrdersToHandlerRule"). */
export const pairName = (link: Pick<Link, 'source' | 'target'>, suffix: string) => `${link.source.name}To${link.target.name}${suffix}`;

/** "OrdersToHandler" as a string literal. */
export const pairId = (link: Pick<Link, 'source' | 'target'>, suffix: string) => literal(pairName(link, suffix));

/** The comment above an edge's statements: what the edge means. */
export const says = (link: Link) => `${link.source.name} -> ${link.target.name}: ${link.rule.meaning}`;

/** Lambda's event filtering patterns as lambda.FilterCriteria calls. */
export function filtersCode(text: string, lambda: string): string | undefined {
  if (!text) return undefined;
  return `[${(JSON.parse(text) as object[]).map((pattern) => `${lambda}.FilterCriteria.filter(${JSON.stringify(pattern)})`).join(', ')}]`;
}

/** An event pattern's JSON as aws-events' EventPattern: camelCase top-level keys, prefixes with events.Match. */
export function eventPatternCode(text: string, events: string): string {
  const pattern = JSON.parse(text) as Record<string, unknown>;
  const fields = Object.entries(pattern).map(([key, value]) => {
    const name = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    return `${name}: ${matcherCode(name, value, events)}`;
  });
  return `{ ${fields.join(', ')} }`;
}

function matcherCode(field: string, value: unknown, events: string): string {
  // `detail` is free-form in aws-events; the other fields are lists of strings, or a matcher.
  if (field === 'detail' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) return JSON.stringify(value);
  if (Array.isArray(value) && value.length === 1) {
    const only = value[0] as Record<string, unknown>;
    if (only && typeof only === 'object' && Object.keys(only).length === 1) {
      if (typeof only.prefix === 'string') return `${events}.Match.prefix(${literal(only.prefix)})`;
      if (typeof only.suffix === 'string') return `${events}.Match.suffix(${literal(only.suffix)})`;
      if (only.exists === true) return `${events}.Match.exists()`;
      if (only.exists === false) return `${events}.Match.doesNotExist()`;
    }
  }
  // A content filter aws-events has no matcher for: written as the pattern says.
  return `${JSON.stringify(value)} as unknown as string[]`;
}
