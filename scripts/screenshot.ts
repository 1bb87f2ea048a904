/** Regenerates docs/screenshot.png: the designer showing a small event-driven diagram. */
import { autoLayout } from '../generators/graph/layout';
import { addNode, connect, emptyGraph, moveNodes, serializeGraph, setNodeProp, type Graph, type ServiceKind } from '../generators';
import { launchChromium, startApp } from '../bench/server';

function demoGraph(): Graph {
  let graph = emptyGraph('Orders demo');
  const ids: Record<string, string> = {};
  const add = (kind: ServiceKind, name: string) => {
    const r = addNode(graph, kind, { x: 0, y: 0 }, { name });
    if (!r.ok) throw new Error(r.error);
    graph = r.graph;
    ids[name] = r.value.id;
  };
  const link = (a: string, b: string) => {
    const r = connect(graph, ids[a], ids[b]);
    if (!r.ok) throw new Error(r.error);
    graph = r.graph;
  };
  add('s3', 'Website');
  const site = setNodeProp(graph, ids.Website, 'mode', 'website');
  if (site.ok) graph = site.graph;
  add('apigateway', 'OrdersApi');
  add('lambda', 'PlaceOrder');
  add('dynamodb', 'Orders');
  add('sns', 'OrderEvents');
  add('sqs', 'Fulfilment');
  add('lambda', 'Audit');
  link('Website', 'OrdersApi');
  link('OrdersApi', 'PlaceOrder');
  link('PlaceOrder', 'Orders');
  link('PlaceOrder', 'OrderEvents');
  link('OrderEvents', 'Fulfilment');
  link('OrderEvents', 'Audit');
  const laid = moveNodes(graph, autoLayout(graph));
  return laid.ok ? laid.graph : graph;
}

async function main() {
  const app = await startApp();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 800 } });
    await context.addInitScript(`localStorage.setItem('eventform:autosave', ${JSON.stringify(serializeGraph(demoGraph()))});`);
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('group', { name: 'OrdersApi invokes (ANY /{proxy+}) PlaceOrder' }).waitFor();
    await page.locator('.react-flow__node', { hasText: 'PlaceOrder' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'docs/screenshot.png' });
    console.log('wrote docs/screenshot.png');
  } finally {
    await browser.close();
    app.stop();
  }
}

void main();
