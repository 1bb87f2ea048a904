import type { WrittenValue } from '../graph/model';
import type { PropValue } from '../props/spec';
import type { CfnValue } from '../template/cfn';
import { forReading, hasIntrinsic, readable } from '../template/readable';

/** A template value a prop cannot hold, as the inspector shows it: readable, and why it stays as written. */
export function keptAsWritten(raw: CfnValue, label: string): WrittenValue {
  const single = raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 1;
  return {
    value: (single ? readable(raw) : JSON.stringify(forReading(raw))).slice(0, 4096),
    why: hasIntrinsic(raw) ? 'the template computes it when the stack is deployed' : `no value of the ${label.toLowerCase()} field says this`,
  };
}

/** A template's scalar as a prop of the given type ("5" is 5, "true" is true), or undefined when it is none. */
export function coerce(raw: CfnValue, type: string): PropValue | undefined {
  if (type === 'integer') return typeof raw === 'number' || (typeof raw === 'string' && /^-?\d+$/.test(raw)) ? Number(raw) : undefined;
  if (type === 'boolean') return raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : undefined;
  return typeof raw === 'string' ? raw : undefined;
}
