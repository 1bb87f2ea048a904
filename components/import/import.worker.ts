/// <reference lib="webworker" />
/**
 * The import, off the page's thread: a hostile template cannot freeze the tab, and the page stops
 * the worker when it takes too long.
 */
import { importTemplate, type ImportResult } from '@/generators/import';

export interface ImportRequest {
  text: string;
  name: string;
}

export type ImportAnswer = ImportResult | { ok: false; error: string; crashed: true };

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  let answer: ImportAnswer;
  try {
    answer = importTemplate(event.data.text, { name: event.data.name });
  } catch (error) {
    answer = { ok: false, error: (error as Error).message, crashed: true };
  }
  self.postMessage(answer);
};
