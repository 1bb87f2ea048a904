/**
 * A template value written the way a reader of the template would say it: ${Name} for a Ref,
 * ${Name.Attr} for a GetAtt, a Sub's own string, a Join joined. Used wherever the canvas shows a
 * value it keeps as the template wrote it.
 */
import type { CfnValue } from './cfn';

export function readable(value: CfnValue | undefined): string {
  if (value === undefined || value === null) return '?';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(readable).join(', ');
  const entries = Object.entries(value);
  if (entries.length !== 1) return JSON.stringify(value);
  const [fn, arg] = entries[0];
  if (fn === 'Ref') return `\${${String(arg)}}`;
  if (fn === 'Fn::GetAtt') return `\${${Array.isArray(arg) ? arg.join('.') : String(arg)}}`;
  if (fn === 'Fn::Sub') return Array.isArray(arg) ? String(arg[0]) : String(arg);
  if (fn === 'Fn::Join' && Array.isArray(arg) && Array.isArray(arg[1])) return arg[1].map(readable).join(String(arg[0]));
  if (fn === 'Fn::ImportValue') return `the export ${readable(arg)}`;
  if (fn === 'Fn::If' && Array.isArray(arg)) return `${readable(arg[1])} if ${String(arg[0])}, else ${readable(arg[2])}`;
  if (fn === 'Fn::FindInMap' && Array.isArray(arg)) return `${arg.map(readable).join('.')} (from Mappings)`;
  if (fn === 'Fn::Select' && Array.isArray(arg)) return `item ${readable(arg[0])} of ${readable(arg[1])}`;
  return JSON.stringify(value);
}

/** Whether a value holds an intrinsic function anywhere: resolved only when the stack is deployed. */
export function hasIntrinsic(value: CfnValue | undefined): boolean {
  if (value === null || value === undefined || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasIntrinsic);
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition')) return true;
  return Object.values(value).some(hasIntrinsic);
}

/** The value with every intrinsic replaced by its readable text: JSON a person can read (a rule's pattern). */
export function forReading(value: CfnValue): CfnValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(forReading);
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return readable(value);
  return Object.fromEntries(keys.map((key) => [key, forReading(value[key])]));
}
