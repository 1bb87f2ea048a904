/**
 * Share links: the whole diagram, compressed into the URL fragment. The fragment never reaches a
 * server; opening it goes through the same checks as opening a file.
 */
import type LZString from 'lz-string';
import { parseGraphFile, serializeGraph, type ParsedGraph } from './file';
import type { Graph } from './model';

const PREFIX = 'share=';

let codec: typeof LZString | undefined;

/**
 * Loads lz-string, the first time a link is made or opened: most visits do neither, so the page's
 * first load goes without it. lz-string is CommonJS: its functions hang off the default export.
 */
export async function loadShareCodec(): Promise<void> {
  codec ??= (await import('lz-string')).default;
}

function loadedCodec(): typeof LZString {
  if (!codec) throw new Error('The share link code is not loaded yet: await loadShareCodec() first');
  return codec;
}

/** Whether a URL fragment ("#share=...") holds a share link. */
export const isShareFragment = (hash: string) => hash.replace(/^#/, '').startsWith(PREFIX);

/** The fragment that shares the diagram (after loadShareCodec). */
export function shareFragment(graph: Graph): string {
  return `${PREFIX}${loadedCodec().compressToEncodedURIComponent(serializeGraph(graph))}`;
}

/** The diagram in a URL fragment ("#share=..."), null when the fragment is not a share link (after loadShareCodec, when it is one). */
export function readShareFragment(hash: string): ParsedGraph | null {
  if (!isShareFragment(hash)) return null;
  const text = loadedCodec().decompressFromEncodedURIComponent(hash.replace(/^#/, '').slice(PREFIX.length));
  if (!text) return { ok: false, error: 'This share link is damaged: it could not be decompressed', problems: [] };
  try {
    return parseGraphFile(text);
  } catch (error) {
    return { ok: false, error: `This share link could not be read (${(error as Error).message})`, problems: [] };
  }
}
