/**
 * First load, as Lighthouse (mobile, its default simulated throttling) sees it: the designer and,
 * in the same run and from the same server, the bare React Flow page (bench/canvas.ts's baseline),
 * each loaded ROUNDS times in turn with a new Chromium. Prints the medians of the performance score
 * and of the largest contentful paint, and the designer's accessibility score with every audit it
 * fails. Targets: performance within 0.03 of the bare page, LCP within 0.5 s of it, accessibility 1.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumLaunch } from '../playwright.config';
import { median } from './median';
import { startApp } from './server';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PAGES = { designer: '/', bare: '/bench/bare-react-flow' } as const;
type Which = keyof typeof PAGES;

interface Reading {
  performance: number;
  lcpMs: number;
  /** Lighthouse's metrics (FCP, SI, TBT, CLS) in short, and what painted last. */
  metrics: string;
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
  const chrome = await chromeLauncher.launch({ chromePath: chromiumLaunch.executablePath, chromeFlags: ['--headless=new', ...chromiumLaunch.args] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${result.lhr.runtimeError.message}`);
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
  } finally {
    chrome.kill();
  }
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
