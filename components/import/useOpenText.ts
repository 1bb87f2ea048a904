'use client';

import { useCallback } from 'react';
import { parseGraphFile, serviceOf } from '@/generators';
import { useDesignerStore } from '../designer/store-context';

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
      // The importer (and its YAML parser) loads on first use: most sessions never import.
      const { importTemplate } = await import('@/generators/import');
      let result: ReturnType<typeof importTemplate>;
      try {
        result = importTemplate(text, { name: label.replace(/\.(template\.)?(ya?ml|json|template)$/i, '') });
      } catch (error) {
        // A bug of ours, not the file's: say so, and still change nothing.
        state.notify('error', `Could not import ${label}: Eventform failed on it (${(error as Error).message}). The canvas was left as it was.`);
        return false;
      }
      if (!result.ok) {
        state.notify('error', `Could not import ${label}: ${result.error}. The canvas was left as it was.`);
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
