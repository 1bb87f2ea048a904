'use client';

import { Component, type ReactNode } from 'react';
import { AUTOSAVE_KEY, setAsideSave } from '@/store/autosave';
import { downloadText } from './download';

/**
 * If rendering ever fails, the user sees what happened and can take the diagram with them;
 * the autosave is untouched, so a reload usually brings everything back.
 */
export class CrashBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    const saved = typeof window !== 'undefined' ? window.localStorage.getItem(AUTOSAVE_KEY) : null;
    return (
      <main role="alert" className="mx-auto max-w-xl p-8">
        <h1 className="text-xl font-semibold">Something went wrong in the designer</h1>
        <p className="mt-2 text-slate-700">{this.state.error.message}</p>
        <p className="mt-2 text-slate-700">
          Your diagram is saved in this browser. Reload to continue, or download it first. If it fails again, start with an empty canvas: the broken diagram is kept, and offered for download.
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" className="rounded bg-blue-600 px-3 py-1.5 text-white" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button
            type="button"
            className="rounded border px-3 py-1.5"
            onClick={() => {
              setAsideSave(window.localStorage);
              // A share link in the address would open the same diagram again.
              window.location.replace(window.location.pathname);
            }}
          >
            Start with an empty canvas
          </button>
          {saved && (
            <button type="button" className="rounded border px-3 py-1.5" onClick={() => downloadText('diagram.eventform.json', saved)}>
              Download diagram
            </button>
          )}
        </div>
      </main>
    );
  }
}
