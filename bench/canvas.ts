/**
 * Canvas frame rate while dragging one node of a 500-node / 600-edge diagram, in headless
 * Chromium, for the designer and, in the same run, for a bare React Flow page with the same
 * elements. Prints both and the ratio (target: designer >= 0.8 x bare).
 */
import type { Page } from 'playwright-core';
import { addNode, checkConnection, connect, emptyGraph, serializeGraph, PALETTE_KINDS, type Graph } from '../generators';
import { launchChromium, median, startApp } from './server';

const NODES = 500;
const EDGES = 600;
const DRAG_MS = 3000;
const ROUNDS = 3;

function benchGraph(): Graph {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let graph = emptyGraph('Canvas benchmark');
  for (let i = 0; i < NODES; i++) {
    const added = addNode(graph, PALETTE_KINDS[i % PALETTE_KINDS.length], { x: (i % 25) * 260, y: Math.floor(i / 25) * 120 });
    if (!added.ok) throw new Error(added.error);
    graph = added.graph;
  }
  for (let attempts = 0; graph.edges.length < EDGES && attempts < 200_000; attempts++) {
    const a = graph.nodes[Math.floor(random() * NODES)];
    const b = graph.nodes[Math.floor(random() * NODES)];
    if (!checkConnection(graph, a.id, b.id).ok) continue;
    const linked = connect(graph, a.id, b.id);
    if (linked.ok) graph = linked.graph;
  }
  if (graph.edges.length < EDGES) throw new Error(`only ${graph.edges.length} edges could be drawn`);
  return graph;
}

/** Frames per second that requestAnimationFrame delivers while the mouse drags the first node. */
async function dragFps(page: Page): Promise<number> {
  const box = await page.locator('.react-flow__node').first().boundingBox();
  if (!box) throw new Error('no node to drag');
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Strings, not functions: the TypeScript runner rewrites functions in ways the page cannot run.
  await page.evaluate(`(() => {
    window.frames_ = 0;
    window.t0_ = performance.now();
    const tick = () => { window.frames_++; window.raf_ = requestAnimationFrame(tick); };
    window.raf_ = requestAnimationFrame(tick);
  })()`);
  const began = Date.now();
  for (let i = 0; Date.now() - began < DRAG_MS; i++) {
    await page.mouse.move(start.x + 150 * Math.sin(i / 15), start.y + 80 * Math.cos(i / 20));
    await page.waitForTimeout(8);
  }
  const { frames, ms } = (await page.evaluate('(() => { cancelAnimationFrame(window.raf_); return { frames: window.frames_, ms: performance.now() - window.t0_ }; })()')) as {
    frames: number;
    ms: number;
  };
  await page.mouse.up();
  return frames / (ms / 1000);
}

async function main() {
  const graph = benchGraph();
  const app = await startApp({ rebuild: process.argv.includes('--rebuild') });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    await context.addInitScript(
      `localStorage.setItem('eventform:autosave', ${JSON.stringify(serializeGraph(graph))});
       localStorage.setItem('eventform:bench-graph', ${JSON.stringify(JSON.stringify({ nodes: graph.nodes, edges: graph.edges }))});`,
    );
    const page = await context.newPage();
    const designer: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await page.goto(`${app.url}/`);
      await page
        .locator('.react-flow__node')
        .nth(NODES - 1)
        .waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      designer.push(await dragFps(page));
      await page.goto(`${app.url}/bench/bare-react-flow`);
      await page
        .locator('.react-flow__node')
        .nth(NODES - 1)
        .waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      bare.push(await dragFps(page));
    }
    const d = median(designer);
    const b = median(bare);
    console.log(`diagram: ${graph.nodes.length} nodes, ${graph.edges.length} edges; ${ROUNDS} rounds of ${DRAG_MS} ms drags`);
    console.log(`designer:        ${d.toFixed(1)} fps (median; rounds ${designer.map((v) => v.toFixed(1)).join(', ')})`);
    console.log(`bare React Flow: ${b.toFixed(1)} fps (median; rounds ${bare.map((v) => v.toFixed(1)).join(', ')})`);
    console.log(`ratio designer / bare: ${(d / b).toFixed(2)} (target >= 0.80: ${d / b >= 0.8 ? 'met' : 'NOT met'})`);
  } finally {
    await browser.close();
    app.stop();
  }
}

void main();
