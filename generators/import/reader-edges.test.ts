/**
 * The connections a reader of real templates expects (test-data/READER-EDGES.tsv, listed by a
 * person from the templates, not from the importer's output) against what the canvas draws.
 */
import { describe, expect, it } from 'vitest';
import { measureTemplates, readReaderEdges, summarize } from '../testing/reader-edges';

describe('public templates as a reader reads them', () => {
  const listed = readReaderEdges();
  const summary = summarize(measureTemplates(listed));

  it('GIVEN the reader’s list THEN it covers every real template and connection template, with a reason on every row', () => {
    expect(new Set(listed.map((e) => e.template.split('/')[0]))).toEqual(new Set(['real-templates', 'connection-templates']));
    expect(listed.filter((e) => !e.why)).toEqual([]);
  });

  it('THEN at least 95% of the connections a reader expects between services the canvas connects are drawn', () => {
    expect(summary.found / summary.expected, `missed: ${JSON.stringify(summary.missed)}`).toBeGreaterThanOrEqual(0.95);
  });

  it('THEN at most 1% of the drawn edges are ones no reader expects', () => {
    expect(summary.wrong.length / summary.drawn, `wrong: ${JSON.stringify(summary.wrong)}`).toBeLessThanOrEqual(0.01);
  });

  it('THEN each expected connection the canvas does not draw is named by a warning', () => {
    expect(summary.silent).toEqual([]);
  });
});
