/**
 * Public templates written by others, kept in test-data/real-templates with their source
 * (SOURCES.tsv): the inputs of the layout and readability tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-data/real-templates');

export interface RealTemplate {
  file: string;
  repository: string;
  text: string;
}

export function readRealTemplates(): RealTemplate[] {
  return readFileSync(join(REAL_TEMPLATES_DIR, 'SOURCES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [file, repository] = line.split('\t');
      return { file, repository, text: readFileSync(join(REAL_TEMPLATES_DIR, file), 'utf8') };
    });
}
