'use client';

import { useAction } from './ActionsProvider';

/** A button for one action of the registry: its label, its hint, enabled as the action says. */
export function ActionButton({ id, className, label, onDone }: { id: string; className?: string; label?: string; onDone?: () => void }) {
  const { action, enabled, run } = useAction(id);
  return (
    <button
      type="button"
      onClick={() => {
        run();
        onDone?.();
      }}
      disabled={!enabled}
      title={action.hint}
      className={className ?? 'rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-300'}
    >
      {label ?? action.label}
    </button>
  );
}
