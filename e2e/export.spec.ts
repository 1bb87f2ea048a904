import { expect, test } from '@playwright/test';
import { connectNodes, dragToCanvas, freshDesigner, node } from './helpers';

async function downloaded(page: import('@playwright/test').Page, button: string) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), body: Buffer.concat(await (await file.createReadStream()).toArray()) };
}

test('GIVEN a diagram WHEN exported as PNG and SVG THEN real images of the whole diagram are downloaded', async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon SQS', { x: 120, y: 120 });
  await dragToCanvas(page, 'AWS Lambda', { x: 460, y: 160 });
  await connectNodes(page, node(page, 'Queue1'), node(page, 'Function1'));

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
  expect(text).toContain('Icon-Architecture');
});
