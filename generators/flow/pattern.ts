/**
 * EventBridge event patterns (and SNS filter policies, which share their syntax): literal values,
 * prefix, suffix, anything-but, exists, numeric ranges and equals-ignore-case, nested by field.
 * Enough to show which rule an event takes; EventBridge itself remains the reference.
 */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function matchesPattern(pattern: Record<string, Json>, event: Record<string, unknown>): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    const value = Object.hasOwn(event, key) ? event[key] : undefined;
    if (Array.isArray(expected)) return expected.some((matcher) => matchesValue(matcher, value));
    if (expected && typeof expected === 'object') return value !== null && typeof value === 'object' && !Array.isArray(value) && matchesPattern(expected, value as Record<string, unknown>);
    return false;
  });
}

function matchesValue(matcher: Json, value: unknown): boolean {
  if (matcher && typeof matcher === 'object' && !Array.isArray(matcher)) {
    if ('exists' in matcher) return (value !== undefined) === (matcher.exists === true);
    if (value === undefined) return false;
    if (Array.isArray(value)) return value.some((v) => matchesValue(matcher, v));
    if ('prefix' in matcher) return typeof value === 'string' && typeof matcher.prefix === 'string' && value.startsWith(matcher.prefix);
    if ('suffix' in matcher) return typeof value === 'string' && typeof matcher.suffix === 'string' && value.endsWith(matcher.suffix);
    if ('equals-ignore-case' in matcher) return typeof value === 'string' && String(matcher['equals-ignore-case']).toLowerCase() === value.toLowerCase();
    if ('anything-but' in matcher) {
      const but = matcher['anything-but'];
      if (Array.isArray(but)) return !but.some((b) => b === value);
      if (but && typeof but === 'object') return !matchesValue(but, value);
      return but !== value;
    }
    if ('numeric' in matcher && Array.isArray(matcher.numeric)) return typeof value === 'number' && numericHolds(matcher.numeric, value);
    return false;
  }
  if (Array.isArray(value)) return value.some((v) => v === matcher);
  return value === matcher;
}

function numericHolds(conditions: Json[], value: number): boolean {
  for (let i = 0; i + 1 < conditions.length; i += 2) {
    const [operator, bound] = [conditions[i], Number(conditions[i + 1])];
    const holds = { '=': value === bound, '<': value < bound, '<=': value <= bound, '>': value > bound, '>=': value >= bound }[String(operator)];
    if (!holds) return false;
  }
  return true;
}

/** An example value a pattern accepts: how the animation builds "an event this rule matches". */
export function exampleFor(pattern: Record<string, Json>): Record<string, unknown> {
  const example: Record<string, unknown> = {};
  for (const [key, expected] of Object.entries(pattern)) {
    if (Array.isArray(expected)) {
      const value = exampleValue(expected[0]);
      if (value !== undefined) example[key] = value;
    } else if (expected && typeof expected === 'object') example[key] = exampleFor(expected);
  }
  return example;
}

function exampleValue(matcher: Json | undefined): unknown {
  if (matcher === undefined) return undefined;
  if (matcher === null || typeof matcher !== 'object' || Array.isArray(matcher)) return matcher;
  if ('prefix' in matcher) return `${String(matcher.prefix)}example`;
  if ('suffix' in matcher) return `example${String(matcher.suffix)}`;
  if ('equals-ignore-case' in matcher) return matcher['equals-ignore-case'];
  if ('anything-but' in matcher) return 'something-else';
  if ('exists' in matcher) return matcher.exists ? 'present' : undefined;
  if ('numeric' in matcher && Array.isArray(matcher.numeric)) {
    const bound = Number(matcher.numeric[1]);
    return String(matcher.numeric[0]).startsWith('>') ? bound + 1 : String(matcher.numeric[0]).startsWith('<') ? bound - 1 : bound;
  }
  return undefined;
}

export const parsePattern = (text: string): Record<string, Json> | null => {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Json>) : null;
  } catch {
    return null;
  }
};
