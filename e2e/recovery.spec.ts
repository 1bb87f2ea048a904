import { expect, test } from '@playwright/test';
import { connectNodes, dragToCanvas, freshDesigner, node, nodeByLabel, viewSettled } from './helpers';

test('GIVEN a corrupt autosave WHEN the app opens THEN it explains, offers the broken copy and shows a working canvas', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('eventform:autosave', '{"format":"eventform/graph","version":1,"nodes":[{"id":');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  const banner = page.getByRole('alert').filter({ hasText: 'could not be restored' });
  await expect(banner).toContainText('not valid JSON');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download broken copy' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toBe('{"format":"eventform/graph","version":1,"nodes":[{"id":');
  await dragToCanvas(page, 'Amazon SQS', { x: 200, y: 200 });
  await expect(nodeByLabel(page, 'Queue1')).toBeVisible();
});

test('GIVEN selected nodes WHEN duplicated, deleted and laid out from the keyboard and toolbar THEN the diagram follows', async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'AWS Lambda', { x: 150, y: 150 });
  await dragToCanvas(page, 'Amazon API Gateway', { x: 550, y: 350 });
  await connectNodes(page, node(page, 'Api1'), node(page, 'Function1'));
  await node(page, 'Function1').click();
  await page.keyboard.press('Control+d');
  await expect(nodeByLabel(page, 'Function2')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  await page.getByRole('button', { name: 'Auto-layout' }).click();
  // Both positions read in each poll: the layout moves every node.
  await expect.poll(async () => (await node(page, 'Api1').boundingBox())!.x - (await node(page, 'Function1').boundingBox())!.x).toBeLessThan(0);
  await viewSettled(page);

  await node(page, 'Api1').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});
