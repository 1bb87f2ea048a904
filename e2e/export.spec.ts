import { expect, test } from '@playwright/test';
import { serviceOf } from '../generators/services/registry';
import { ICON_URLS } from '../components/icons/icons.generated';
import { connectNodes, dragToCanvas, freshDesigner, node, zoomUntil } from './helpers';

/** A fresh designer with a queue (Queue1) that triggers a function (Function1). */
async function queueTriggeringFunction(page: import('@playwright/test').Page) {
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon SQS', { x: 120, y: 120 });
  await dragToCanvas(page, 'AWS Lambda', { x: 460, y: 160 });
  await connectNodes(page, node(page, 'Queue1'), node(page, 'Function1'));
}

async function downloaded(page: import('@playwright/test').Page, button: string) {
  const download = page.waitForEvent('download');
  // The exports are behind the toolbar's Export button.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), body: Buffer.concat(await (await file.createReadStream()).toArray()) };
}

test('GIVEN a diagram WHEN exported as PNG and SVG THEN real images of the whole diagram are downloaded', async ({ page }) => {
  await queueTriggeringFunction(page);

  const png = await downloaded(page, 'Export PNG');
  expect(png.name).toBe('Untitled-diagram.png');
  expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const [width, height] = [png.body.readUInt32BE(16), png.body.readUInt32BE(20)];
  expect(width).toBeGreaterThan(height);
  expect(png.body.length).toBeGreaterThan(5000);

  const svg = await downloaded(page, 'Export SVG');
  expect(svg.name).toBe('Untitled-diagram.svg');
  const text = svg.body.toString();
  expect(text).toMatch(/<svg[^>]+width="\d+"/);
  expect(text).toContain('Queue1');
  expect(text).toContain('Function1');
  // The services' icons travel inside the image, as the data URLs the nodes show.
  expect(text).toContain(ICON_URLS[serviceOf('sqs').icon]);
  expect(text).toContain(ICON_URLS[serviceOf('lambda').icon]);
});

test('GIVEN a canvas zoomed out until its icons are small bitmaps WHEN exported as SVG THEN the image still carries the icons as SVGs', async ({ page }) => {
  await queueTriggeringFunction(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await zoomUntil(page, '-', (zoom) => zoom < 0.3);
  await expect(node(page, 'Queue1').locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);

  const text = (await downloaded(page, 'Export SVG')).body.toString();
  expect(text).toContain(ICON_URLS[serviceOf('sqs').icon]);
  expect(text).toContain(ICON_URLS[serviceOf('lambda').icon]);
  // Once the image is made, the canvas draws its bitmaps again.
  await expect(node(page, 'Queue1').locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
});

test('GIVEN a queue that triggers a function WHEN exported as a CDK app and as a SAM template from the toolbar THEN a zip of the CDK project and the SAM template are downloaded', async ({ page }) => {
  await queueTriggeringFunction(page);

  const cdk = await downloaded(page, 'Export CDK app');
  expect(cdk.name).toBe('untitled-diagram-cdk.zip');
  // A zip (PK) holding the project's files, the stack naming the queue's event source.
  expect(cdk.body.subarray(0, 2).toString()).toBe('PK');
  for (const path of [
    'untitled-diagram-cdk/package.json',
    'untitled-diagram-cdk/cdk.json',
    'untitled-diagram-cdk/bin/app.ts',
    'untitled-diagram-cdk/lib/untitled-diagram-stack.ts',
    'untitled-diagram-cdk/functions/Function1/index.py',
  ])
    expect(cdk.body.includes(Buffer.from(path)), path).toBe(true);
  await expect(page.getByText(/Exported the CDK app UntitledDiagram/)).toBeVisible();

  const sam = await downloaded(page, 'Export SAM template');
  expect(sam.name).toBe('untitled-diagram-sam.yaml');
  const text = sam.body.toString();
  expect(text).toContain('Transform: AWS::Serverless-2016-10-31');
  expect(text).toMatch(/Function1:\n\s+Type: AWS::Serverless::Function/);
  expect(text).toMatch(/Type: SQS\n\s+Properties:\n\s+Queue: !GetAtt Queue1\.Arn/);
});

test('GIVEN a connection WHEN zoomed out until its label would be under 6 px THEN the canvas leaves the label out (the edge keeps it in its name), and an SVG exported then still shows it', async ({
  page,
}) => {
  await queueTriggeringFunction(page);
  await expect(page.locator('.react-flow__edge-text')).toHaveText('triggers');

  const zoom = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  while ((await zoom()) >= 0.375) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(page.locator('.react-flow__edge-text')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Queue1 triggers Function1' })).toHaveCount(1);

  const svg = await downloaded(page, 'Export SVG');
  // The label's own text element, not only the edge's accessible name (an attribute).
  expect(svg.body.toString()).toMatch(/class="react-flow__edge-text"[^>]*>triggers</);
  // After the export the canvas is as it was.
  await expect(page.locator('.react-flow__edge-text')).toHaveCount(0);
});
