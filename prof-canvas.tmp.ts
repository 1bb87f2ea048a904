import { writeFileSync } from 'node:fs';
import { addNode, checkConnection, connect, emptyGraph, serializeGraph, PALETTE_KINDS, type Graph } from './generators';
import { launchChromium, startApp } from './bench/server';
function benchGraph(nodeCount: number, edgeCount: number): Graph {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let graph = emptyGraph('Canvas benchmark');
  for (let i = 0; i < nodeCount; i++) {
    const a = addNode(graph, PALETTE_KINDS[i % PALETTE_KINDS.length], { x: (i % 25) * 260, y: Math.floor(i / 25) * 120 });
    if (a.ok) graph = a.graph;
  }
  for (let t = 0; graph.edges.length < edgeCount && t < 200000; t++) {
    const a = graph.nodes[Math.floor(random() * nodeCount)];
    const b = graph.nodes[Math.floor(random() * nodeCount)];
    if (!checkConnection(graph, a.id, b.id).ok) continue;
    const l = connect(graph, a.id, b.id);
    if (l.ok) graph = l.graph;
  }
  return graph;
}
const N = Number(process.argv[2] ?? 2000);
const graph = benchGraph(N, N * 1.2);
const app = await startApp();
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
await context.addInitScript(`localStorage.setItem('eventform:autosave', ${JSON.stringify(serializeGraph(graph))});`);
const page = await context.newPage();
await page.goto(`${app.url}/`);
await page
  .locator('.react-flow__node')
  .nth(N - 1)
  .waitFor({ state: 'attached' });
await page.waitForTimeout(1000);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const box = (await page.locator('.react-flow__node').first().boundingBox())!;
const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
await page.mouse.move(start.x, start.y);
await page.mouse.down();
await cdp.send('Profiler.start');
const began = Date.now();
for (let i = 0; Date.now() - began < 3000; i++) {
  await page.mouse.move(start.x + 150 * Math.sin(i / 15), start.y + 80 * Math.cos(i / 20));
  await page.waitForTimeout(8);
}
const { profile } = await cdp.send('Profiler.stop');
await page.mouse.up();
writeFileSync('/tmp/prof/canvas.cpuprofile', JSON.stringify(profile));
await browser.close();
app.stop();
