/** Prints how much of what a reader expects the importer draws (see generators/testing/reader-edges.ts). */
import { measureTemplates, summarize } from '../generators/testing/reader-edges';

const measures = measureTemplates();
const summary = summarize(measures);
const percent = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`${measures.length} templates`);
console.log(`drawn: ${summary.found} of ${summary.expected} expected connections (${percent(summary.found, summary.expected)})`);
console.log(`wrong: ${summary.wrong.length} of ${summary.drawn} drawn edges (${percent(summary.wrong.length, summary.drawn)})`);
console.log(`not drawable: ${summary.undrawable}; not drawn and named by no warning: ${summary.silent.length}`);
for (const edge of summary.missed) console.log(`  missed ${edge.template}: ${edge.from} -> ${edge.to} (${edge.why})`);
for (const edge of summary.wrong) console.log(`  wrong ${edge.template}: ${edge.from} -> ${edge.to}`);
for (const edge of summary.silent) console.log(`  silent ${edge.template}: ${edge.from} -> ${edge.to}`);
