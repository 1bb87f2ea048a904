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
  /**
   * Smallest zoom, as a share of the readable one, at which the whole diagram is framed: 1 unless
   * the template's flow runs deeper than a laptop screen holds at a readable zoom (said why below).
   */
  framedAt: number;
}

/**
 * Templates whose diagram, drawn truthfully, is too deep to show whole with readable names: they
 * are framed whole a little smaller, names at no less than this share of the readable size.
 */
const DEEPER_THAN_A_SCREEN: Readonly<Record<string, { framedAt: number; why: string }>> = {
  'serverlesspresso-core.yaml': {
    framedAt: 0.85,
    why: 'its flow runs 8 services deep (API, function, table, stream handler, bus, workflow, function, bucket): 8 columns and their labels need about 2,480 canvas units, more than a 1,300-pixel canvas shows at the readable zoom',
  },
};

export function readRealTemplates(): RealTemplate[] {
  return readFileSync(join(REAL_TEMPLATES_DIR, 'SOURCES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [file, repository] = line.split('\t');
      return { file, repository, text: readFileSync(join(REAL_TEMPLATES_DIR, file), 'utf8'), framedAt: DEEPER_THAN_A_SCREEN[file]?.framedAt ?? 1 };
    });
}
