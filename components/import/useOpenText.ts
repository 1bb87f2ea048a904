'use client';

import { useCallback } from 'react';
import { parseGraphFile, serviceOf } from '@/generators';
import { useDesignerStore } from '../designer/store-context';
import { importInWorker } from './run-import';

const SHOWN_WARNINGS = 3;

/** True when text is an Eventform diagram file rather than a template. */
const isDiagramFile = (text: string) => /^\s*\{/.test(text) && /"format"\s*:\s*"eventform\/graph"/.test(text);

/** True when pasted text is worth trying as a template (anything else is not ours to take over). */
export const looksLikeTemplate = (text: string) => /(^|[\n{,])\s*["']?(Resources|AWSTemplateFormatVersion)["']?\s*:/.test(text);

/**
 * Opens text as a diagram: a diagram file as it is, anything else imported as a CloudFormation or
 * SAM template. A failure says where and changes nothing; a success can be undone.
 */
export function useOpenText() {
  const store = useDesignerStore();
  return useCallback(
    async (label: string, text: string): Promise<boolean> => {
      const state = store.getState();
      if (isDiagramFile(text)) {
        const parsed = parseGraphFile(text);
        if (!parsed.ok) {
          const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problem${parsed.problems.length > 2 ? 's' : ''})` : '';
          state.notify('error', `Could not open ${label}. ${parsed.error}${more}. The canvas was left as it was.`);
          return false;
        }
        state.replaceGraph(parsed.graph);
        state.notify('info', `Opened ${label}${parsed.migratedFrom !== undefined ? ` (upgraded from format ${parsed.migratedFrom})` : ''}. Undo brings the previous diagram back.`);
        return true;
      }
      // The importer runs in a worker (loaded on first use: most sessions never import), with a time limit.
      const result = await importInWorker({ text, name: label.replace(/\.(template\.)?(ya?ml|json|template)$/i, '') });
      if (!result.ok) {
        // A crash is a bug of ours or a limit reached, not the file's syntax: said as such. Nothing changes.
        const what = 'crashed' in result ? `Eventform could not import it: ${result.error}` : result.error;
        state.notify('error', `Could not import ${label}: ${what}. The canvas was left as it was.`);
        return false;
      }
      const { graph, warnings } = result;
      state.replaceGraph(graph);
      const generic = graph.nodes.filter((n) => !serviceOf(n.kind).modelled).length;
      const summary = `Imported ${label}: ${graph.nodes.length} nodes${generic ? ` (${generic} kept as CloudFormation resources)` : ''} and ${graph.edges.length} connections. Exporting writes back everything it holds. Undo brings the previous diagram back.`;
      if (warnings.length === 0) state.notify('info', summary);
      else {
        const listed = warnings
          .slice(0, SHOWN_WARNINGS)
          .map((w) => `${w.line ? `line ${w.line}: ` : ''}${w.message}`)
          .join(' · ');
        const more = warnings.length > SHOWN_WARNINGS ? ` · and ${warnings.length - SHOWN_WARNINGS} more` : '';
        state.notify('warning', `${summary} ${warnings.length} warning${warnings.length > 1 ? 's' : ''}: ${listed}${more}`);
      }
      return true;
    },
    [store],
  );
}
