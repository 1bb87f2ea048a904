/**
 * The corpus of real-world templates written by others (DESIGN §7). It is test data, not part of
 * the project: it is read where it lives, never copied in. EVENTFORM_CORPUS may point elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const CORPUS_CANDIDATES = [process.env.EVENTFORM_CORPUS, join(repoRoot, '../shared/corpus'), '/work/shared/corpus'].filter((c): c is string => !!c);

/** The corpus folder, or null where this machine has none (the corpus tests then report themselves skipped, by name). */
function corpusDirectory(): string | null {
  return CORPUS_CANDIDATES.find((c) => existsSync(join(c, 'INDEX.tsv'))) ?? null;
}

export interface CorpusEntry {
  filename: string;
  resourceCount: number;
  note?: string;
  text: string;
}

export function readCorpus(): CorpusEntry[] | null {
  const directory = corpusDirectory();
  if (!directory) return null;
  const rows = (file: string) =>
    readFileSync(join(directory, file), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t'));
  const notes = new Map(rows('NOTES.tsv').map(([filename, note]) => [filename, note]));
  return rows('INDEX.tsv').map(([filename, , , , , , count]) => ({
    filename,
    resourceCount: Number(count),
    note: notes.get(filename),
    text: readFileSync(join(directory, filename), 'utf8'),
  }));
}
