/**
 * How much of what a reader of a template expects the canvas draws, measured on public templates
 * written by others (test-data/real-templates and test-data/connection-templates). A person read
 * each template and listed, in test-data/READER-EDGES.tsv, every connection it makes between the
 * services it declares, with what in the template says so; `drawable` is "no" for a connection of
 * a kind the canvas has no row for (an API writing to a table). The importer never sees that list.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTemplate } from '../import';

const TEST_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-data');

export interface ReaderEdge {
  template: string;
  from: string;
  to: string;
  drawable: boolean;
  why: string;
}

export interface TemplateMeasure {
  template: string;
  expected: ReaderEdge[];
  drawn: { from: string; to: string }[];
  warnings: string[];
}

export function readReaderEdges(): ReaderEdge[] {
  return readFileSync(join(TEST_DATA, 'READER-EDGES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [template, from, to, drawable, why] = line.split('\t');
      return { template, from, to, drawable: drawable === 'yes', why };
    });
}

/** Each template of the list, imported: what it draws (by node name) and what it warns of. */
export function measureTemplates(expected = readReaderEdges()): TemplateMeasure[] {
  const templates = [...new Set(expected.map((e) => e.template))];
  return templates.map((template) => {
    const result = importTemplate(readFileSync(join(TEST_DATA, template), 'utf8'), { name: template });
    if (!result.ok) throw new Error(`${template}: ${result.error}`);
    const { graph } = result;
    const nameOf = (id: string) => graph.nodes.find((n) => n.id === id)!.name;
    return {
      template,
      expected: expected.filter((e) => e.template === template),
      drawn: graph.edges.map((e) => ({ from: nameOf(e.source), to: nameOf(e.target) })),
      warnings: result.warnings.map((w) => w.message),
    };
  });
}

export interface Summary {
  /** Connections of kinds the canvas draws that a reader expects, and how many of them are drawn. */
  expected: number;
  found: number;
  /** Drawn edges, and how many no reader listed. */
  drawn: number;
  wrong: { template: string; from: string; to: string }[];
  missed: ReaderEdge[];
  /** Expected connections of kinds the canvas lacks; and every expected connection not drawn that no warning names. */
  undrawable: number;
  silent: ReaderEdge[];
}

const same = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from === b.from && a.to === b.to;

export function summarize(measures: readonly TemplateMeasure[]): Summary {
  const summary: Summary = { expected: 0, found: 0, drawn: 0, wrong: [], missed: [], undrawable: 0, silent: [] };
  for (const { template, expected, drawn, warnings } of measures) {
    // Said means a warning names an end of the connection; CloudFront and other services the canvas does not model are listed but not held to it.
    const said = (edge: ReaderEdge) => edge.why.includes('no service of the canvas') || warnings.some((w) => w.includes(edge.to) || w.includes(edge.from));
    for (const edge of expected.filter((e) => e.drawable)) {
      summary.expected++;
      if (drawn.some((d) => same(d, edge))) summary.found++;
      else {
        summary.missed.push(edge);
        if (!said(edge)) summary.silent.push(edge);
      }
    }
    summary.drawn += drawn.length;
    for (const edge of drawn) if (!expected.some((e) => same(e, edge))) summary.wrong.push({ template, ...edge });
    for (const edge of expected.filter((e) => !e.drawable)) {
      summary.undrawable++;
      if (!said(edge)) summary.silent.push(edge);
    }
  }
  return summary;
}
