/**
 * Share links: the whole diagram, compressed into the URL fragment. The fragment never reaches a
 * server; opening it goes through the same checks as opening a file.
 */
// lz-string is CommonJS: its functions hang off the default export in every runtime.
import LZString from 'lz-string';
import { parseGraphFile, serializeGraph, type ParsedGraph } from './file';
import type { Graph } from './model';

const PREFIX = 'share=';

export function shareFragment(graph: Graph): string {
  return `${PREFIX}${LZString.compressToEncodedURIComponent(serializeGraph(graph))}`;
}

/** The diagram in a URL fragment ("#share=..."), null when the fragment is not a share link. */
export function readShareFragment(hash: string): ParsedGraph | null {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(PREFIX)) return null;
  const text = LZString.decompressFromEncodedURIComponent(fragment.slice(PREFIX.length));
  if (!text) return { ok: false, error: 'This share link is damaged: it could not be decompressed', problems: [] };
  try {
    return parseGraphFile(text);
  } catch (error) {
    return { ok: false, error: `This share link could not be read (${(error as Error).message})`, problems: [] };
  }
}
