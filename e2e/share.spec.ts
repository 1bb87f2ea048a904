import { expect, test } from '@playwright/test';
import { connectNodes, dragToCanvas, freshDesigner, inspector, node, nodeByLabel, paletteItem } from './helpers';

test('GIVEN a diagram WHEN its share link is opened in a fresh browser THEN the same diagram shows read-only, and a copy becomes editable', async ({ browser }) => {
  const author = await browser.newContext();
  await author.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await author.newPage();
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon SQS', { x: 120, y: 120 });
  await dragToCanvas(page, 'AWS Lambda', { x: 460, y: 120 });
  await connectNodes(page, node(page, 'Queue1'), node(page, 'Function1'));
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByTestId('notice')).toContainText('nothing is sent to a server');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=/);
  await author.close();

  const reader = await browser.newContext();
  const view = await reader.newPage();
  await view.goto(link);
  await expect(nodeByLabel(view, 'Queue1')).toBeVisible();
  await expect(view.getByRole('group', { name: 'Queue1 triggers Function1' })).toHaveCount(1);
  await expect(view.getByRole('status').filter({ hasText: 'viewing a shared diagram' })).toBeVisible();
  await expect(paletteItem(view, 'AWS Lambda')).toHaveCount(0);
  // Dragging a node of a read-only diagram pans the view at most: the nodes keep their places relative to each other.
  const gap = async () => {
    const [a, b] = [await node(view, 'Queue1').boundingBox(), await node(view, 'Function1').boundingBox()];
    return { dx: Math.round(b!.x - a!.x), dy: Math.round(b!.y - a!.y) };
  };
  const before = await gap();
  const box = (await node(view, 'Queue1').boundingBox())!;
  await view.mouse.move(box.x + 60, box.y + 30);
  await view.mouse.down();
  await view.mouse.move(box.x + 260, box.y + 200, { steps: 8 });
  await view.mouse.up();
  expect(await gap()).toEqual(before);
  await node(view, 'Function1').click();
  await expect(inspector(view).getByLabel('Name', { exact: true })).toBeDisabled();

  await view.getByRole('button', { name: 'Make a copy' }).click();
  await expect(paletteItem(view, 'AWS Lambda')).toBeVisible();
  await node(view, 'Function1').click();
  const name = inspector(view).getByLabel('Name', { exact: true });
  await name.fill('Worker');
  await name.press('Enter');
  await view.reload();
  expect(view.url()).not.toContain('#share=');
  await expect(nodeByLabel(view, 'Worker')).toBeVisible();
  await reader.close();
});
