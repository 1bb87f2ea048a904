'use client';

import type { ImportAnswer, ImportRequest } from './import.worker';

/** How long an import may run before the page gives up on it (a real template takes well under a second). */
export const IMPORT_TIME_LIMIT_MS = 20_000;

/** Imports a template in a worker, which is stopped if it outlives the limit. */
export function importInWorker(request: ImportRequest, limitMs = IMPORT_TIME_LIMIT_MS): Promise<ImportAnswer> {
  return new Promise((resolve) => {
    // Bundled by scripts/build-worker.mjs (part of every build): the same importer the CLI runs.
    const worker = new Worker('/workers/import.js', { type: 'module' });
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({
        ok: false,
        error: `reading it took more than ${limitMs / 1000} seconds, so it was stopped (a template that large or that nested is not one CloudFormation would take)`,
        crashed: true,
      });
    }, limitMs);
    worker.onmessage = (event: MessageEvent<ImportAnswer>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ ok: false, error: event.message || 'the import stopped unexpectedly', crashed: true });
    };
    worker.postMessage(request);
  });
}
