import type { CfnValue } from '../template/cfn';
import { referencesOf } from '../template/analysis';

export interface Reference {
  /** The logical id referred to. */
  target: string;
  /** Where, below the value walked. */
  path: (string | number)[];
}

const INTRINSICS = ['Ref', 'Fn::GetAtt', 'Fn::Sub'];

/** Every reference inside a value, with the path of the intrinsic function that makes it. */
export function referencesWithPaths(value: CfnValue | undefined, path: (string | number)[] = []): Reference[] {
  if (value === null || value === undefined || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => referencesWithPaths(item, [...path, i]));
  const keys = Object.keys(value);
  if (keys.length === 1 && INTRINSICS.includes(keys[0])) return [...new Set(referencesOf(value))].map((target) => ({ target, path }));
  return keys.flatMap((key) => referencesWithPaths(value[key], [...path, key]));
}

/** IAM action names ("dynamodb:PutItem") anywhere inside a value. */
export function actionsIn(value: CfnValue | undefined, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(value)) into.push(value);
  } else if (Array.isArray(value)) value.forEach((v) => actionsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => actionsIn(v, into));
  return into;
}

/** The value at the first of several paths that is present. */
export function findRaw(properties: Record<string, CfnValue>, paths: readonly (readonly string[])[]): CfnValue | undefined {
  for (const path of paths) {
    let value: CfnValue | undefined = properties;
    for (const key of path) value = value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}
