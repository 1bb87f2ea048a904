/**
 * Regenerates docs/screenshot.png (the designer showing a small event-driven diagram) and
 * docs/imported-template.png (a public 32-service template opened with Open…, at first sight, in a
 * 1440x900 window).
 */
import { autoLayout } from '../generators/graph/layout';
import { addNode, connect, emptyGraph, moveNodes, serializeGraph, setNodeProp, type Graph, type ServiceKind } from '../generators';
import { join } from 'node:path';
import { launchChromium, startApp } from '../bench/server';
import { REAL_TEMPLATES_DIR } from '../generators/testing/real-templates';

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

    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await fresh.goto(app.url);
    await fresh.getByTestId('open-file').setInputFiles(join(REAL_TEMPLATES_DIR, 'serverlesspresso-core.yaml'));
    await fresh.locator('.react-flow__node').first().waitFor();
    await fresh.waitForTimeout(600);
    await fresh.screenshot({ path: 'docs/imported-template.png' });
    console.log('wrote docs/imported-template.png');
  } finally {
    await browser.close();
    app.stop();
  }
}

void main();
