/** The inspector's button styles. */
export const BUTTON = 'rounded border px-2 py-1 text-sm disabled:cursor-not-allowed disabled:text-slate-300';
export const DANGER_BUTTON = 'rounded border border-red-300 px-2 py-1 text-sm text-red-700 disabled:cursor-not-allowed disabled:text-slate-300';
