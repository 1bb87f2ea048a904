import type { WrittenValue } from '../graph/model';
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
