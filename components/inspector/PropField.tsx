'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';
import { validateValue, type PropSpec, type PropValue } from '@/generators';

interface Props {
  spec: PropSpec;
  value: PropValue;
  /** Applies the value; returns the refusal, if any, so the field can show it. */
  onCommit: (value: PropValue) => string | null;
  /** For a field naming a node of the diagram (a pipe's enrichment): the names it may take. */
  choices?: readonly string[];
}

const inputClass = 'mt-1 w-full rounded border px-2 py-1 text-sm';

/**
 * One property, validated as it is typed. Text and numbers are applied on Enter or when the field
 * is left (so typing "1024" is one undo step, not four); choices and switches apply at once.
 */
export function PropField({ spec, value, onCommit, choices }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(String(value));
    setError(null);
  }, [value]);

  const parse = (text: string): PropValue => (spec.type === 'integer' ? (text.trim() === '' ? NaN : Number(text)) : text);
  const check = (text: string) => validateValue(spec, parse(text));
  const commit = (text: string) => {
    const problem = check(text);
    if (problem) return setError(problem);
    if (parse(text) !== value) setError(onCommit(parse(text)));
  };
  const describedBy = [spec.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  let control: ReactNode;
  if (spec.type === 'boolean') {
    return (
      <div className="py-1.5">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={value === true} onChange={(e) => setError(onCommit(e.target.checked))} aria-describedby={describedBy} />
          {spec.label}
        </label>
        {spec.help && (
          <p id={`${id}-help`} className="text-xs text-slate-500">
            {spec.help}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  }
  if (choices) {
    // The diagram's nodes of the kinds the field names, and none; a name no node has any more stays shown until changed.
    const names = choices.includes(String(value)) || value === '' ? choices : [String(value), ...choices];
    control = (
      <select id={id} className={inputClass} value={String(value)} onChange={(e) => setError(onCommit(e.target.value))} aria-describedby={describedBy}>
        <option value="">none</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    );
  } else if (spec.type === 'enum') {
    control = (
      <select id={id} className={inputClass} value={String(value)} onChange={(e) => setError(onCommit(e.target.value))} aria-describedby={describedBy}>
        {spec.options
          .filter((o) => !o.hidden || o.value === value)
          .map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
      </select>
    );
  } else {
    const shared = {
      id,
      value: draft,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy,
      className: `${inputClass} ${error ? 'border-red-500' : 'border-slate-300'} ${spec.type === 'string' && spec.multiline ? 'font-mono' : ''}`,
      onChange: (e: { target: { value: string } }) => {
        setDraft(e.target.value);
        setError(check(e.target.value));
      },
      onBlur: () => commit(draft),
      onKeyDown: (e: React.KeyboardEvent) => {
        if (e.key === 'Escape') {
          setDraft(String(value));
          setError(null);
        } else if (e.key === 'Enter' && !(spec.type === 'string' && spec.multiline && !e.ctrlKey)) {
          e.preventDefault();
          commit(draft);
        }
      },
    };
    control =
      spec.type === 'string' && spec.multiline ? (
        <textarea rows={3} spellCheck={false} {...shared} />
      ) : (
        <input type={spec.type === 'integer' ? 'number' : 'text'} inputMode={spec.type === 'integer' ? 'numeric' : undefined} spellCheck={false} {...shared} />
      );
  }
  return (
    <div className="py-1.5">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {spec.label}
        {spec.type === 'integer' && spec.unit ? ` (${spec.unit})` : ''}
      </label>
      {control}
      {spec.help && (
        <p id={`${id}-help`} className="mt-0.5 text-xs text-slate-500">
          {spec.help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-0.5 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
