/**
 * First load, as Lighthouse (mobile, its default simulated throttling) sees it: the designer and,
 * in the same run and from the same server, the bare React Flow page (bench/canvas.ts's baseline),
 * each loaded ROUNDS times in turn with a new Chromium. Prints the medians of the performance score
 * and of the largest contentful paint, and the designer's accessibility score with every audit it
 * fails. Targets: performance within 0.03 of the bare page, LCP within 0.5 s of it, accessibility 1.
 *
 * Five loads each, as Lighthouse's own guidance on variability advises (the median of five halves
 * the spread of one). Its simulated LCP is two-valued here: it adds the download of each script that
 * finished before the first frame was presented, unless that script's evaluation is seen to start
 * after it, and Lantern drops tasks under 10 ms, so a chunk that only registers its modules is never
 * ruled out (Next's 48 KB router chunk: ~0.9 s at slow 4G). A matter of a few milliseconds on an
 * unthrottled machine. Each round prints FCP and LCP, so a reader sees which loads those were.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromiumLaunch } from '../playwright.config';
import { median } from './median';
import { startApp } from './server';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
/**
 * Lighthouse 12 (13 needs Node 22), fetched by npx on the first run: a benchmark's tool, kept out of
 * the project's dependencies so `npm ci` (and the tests) never install it.
 */
const LIGHTHOUSE = 'lighthouse@12.8.2';
const run = promisify(execFile);

interface Audit {
  score: number | null;
  numericValue?: number;
  title: string;
  details?: unknown;
}
interface Report {
  runtimeError?: { message: string };
  categories: Record<'performance' | 'accessibility', { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}
const PAGES = { designer: '/', bare: '/bench/bare-react-flow' } as const;
type Which = keyof typeof PAGES;

interface Reading {
  performance: number;
  lcpMs: number;
  /** Lighthouse's other metrics (FCP, SI, TBT, CLS) in short. */
  metrics: string;
  /** What painted last: the largest contentful paint's element. */
  lcpElement: string;
  accessibility: number;
  failing: string[];
}

/** The largest contentful paint's element, as Lighthouse names it (a selector and its first words). */
function lcpElementOf(details: unknown): string {
  const tables = (details as { items?: { items?: { node?: { selector?: string; nodeLabel?: string } }[] }[] } | undefined)?.items ?? [];
  const node = tables.flatMap((table) => table.items ?? []).find((item) => item.node)?.node;
  return node ? `${node.selector} "${(node.nodeLabel ?? '').slice(0, 40)}"` : 'none';
}

async function audit(url: string): Promise<Reading> {
  const { stdout } = await run(
    'npx',
    ['-y', LIGHTHOUSE, url, '--output=json', '--output-path=stdout', '--only-categories=performance,accessibility', '--quiet', `--chrome-flags=--headless=new ${chromiumLaunch.args.join(' ')}`],
    { env: { ...process.env, CHROME_PATH: chromiumLaunch.executablePath }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as Report;
  const { categories, audits } = report;
  if (report.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${report.runtimeError.message}`);
  const failing = (categories.accessibility.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && audits[ref.id]?.score !== 1)
    .map((ref) => `${ref.id} (${audits[ref.id].title})`);
  return {
    performance: categories.performance.score ?? 0,
    lcpMs: audits['largest-contentful-paint'].numericValue ?? Number.NaN,
    accessibility: categories.accessibility.score ?? 0,
    failing,
    metrics: [
      ['FCP', 'first-contentful-paint'],
      ['SI', 'speed-index'],
      ['TBT', 'total-blocking-time'],
    ]
      .map(([name, id]) => `${name} ${Math.round(audits[id].numericValue ?? 0)} ms`)
      .concat(`CLS ${(audits['cumulative-layout-shift'].numericValue ?? 0).toFixed(3)}`)
      .join(', '),
    lcpElement: lcpElementOf(audits['largest-contentful-paint-element']?.details),
  };
}

async function main() {
  const app = await startApp({ rebuild: process.argv.includes('--rebuild') });
  try {
    const readings: Record<Which, Reading[]> = { designer: [], bare: [] };
    for (let round = 0; round < ROUNDS; round++)
      for (const which of Object.keys(PAGES) as Which[]) {
        const reading = await audit(`${app.url}${PAGES[which]}`);
        readings[which].push(reading);
        console.log(
          `round ${round + 1} ${which.padEnd(8)} performance ${reading.performance.toFixed(2)}, LCP ${(reading.lcpMs / 1000).toFixed(2)} s, accessibility ${reading.accessibility.toFixed(2)}; ${reading.metrics}; LCP element ${reading.lcpElement}`,
        );
      }
    const med = (which: Which, pick: (r: Reading) => number) => median(readings[which].map(pick));
    const performance = { designer: med('designer', (r) => r.performance), bare: med('bare', (r) => r.performance) };
    const lcp = { designer: med('designer', (r) => r.lcpMs), bare: med('bare', (r) => r.lcpMs) };
    const accessibility = med('designer', (r) => r.accessibility);
    const failing = [...new Set(readings.designer.flatMap((r) => r.failing))];
    const performanceMet = performance.designer >= performance.bare - 0.03;
    const lcpMet = lcp.designer <= lcp.bare + 500;
    console.log(
      `performance (median): designer ${performance.designer.toFixed(2)}, bare ${performance.bare.toFixed(2)}; ratio ${(performance.designer / performance.bare).toFixed(2)} (target: within 0.03 of the bare page: ${performanceMet ? 'met' : 'NOT met'})`,
    );
    console.log(
      `largest contentful paint (median): designer ${(lcp.designer / 1000).toFixed(2)} s, bare ${(lcp.bare / 1000).toFixed(2)} s; ratio ${(lcp.designer / lcp.bare).toFixed(2)} (target: within 0.5 s of the bare page: ${lcpMet ? 'met' : 'NOT met'})`,
    );
    console.log(`accessibility of the designer: ${accessibility.toFixed(2)} (target 1.00: ${accessibility === 1 ? 'met' : 'NOT met'})${failing.length ? `; failing: ${failing.join(', ')}` : ''}`);
  } finally {
    app.stop();
  }
}

void main();
