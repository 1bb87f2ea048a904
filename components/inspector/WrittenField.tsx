import type { WrittenValue } from '@/generators';

/** A prop an imported element shows as its template wrote it: the value, and why it is not editable here. */
export function WrittenField({ label, written }: { label: string; written: WrittenValue }) {
  return (
    <dl className="mt-3" data-testid="as-written">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="break-all font-mono text-sm text-slate-800">{written.value === '' ? 'none' : written.value}</dd>
      <dd className="text-xs text-slate-500">As in the template: {written.why}.</dd>
    </dl>
  );
}
