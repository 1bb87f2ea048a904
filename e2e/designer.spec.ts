import { expect, test } from '@playwright/test';
import { serviceOf } from '../generators/services/registry';
import { connectNodes, dragToCanvas, freshDesigner, inspector, node, nodeByLabel, notice, paletteItem } from './helpers';

test.describe('designer', () => {
  test('GIVEN an empty canvas WHEN a person drags two services and connects them THEN a labelled edge appears', async ({ page }) => {
    await freshDesigner(page);
    await dragToCanvas(page, 'Amazon SQS', { x: 150, y: 200 });
    await dragToCanvas(page, 'AWS Lambda', { x: 500, y: 200 });
    await expect(nodeByLabel(page, 'Queue1')).toBeVisible();
    await expect(nodeByLabel(page, 'Function1')).toBeVisible();

    await connectNodes(page, node(page, 'Queue1'), node(page, 'Function1'));
    const edge = page.getByRole('group', { name: 'Queue1 triggers Function1' });
    await expect(edge).toHaveCount(1);
    await expect(page.locator('.react-flow__edge-text')).toHaveText('triggers');
    await expect(inspector(page).getByRole('heading', { name: 'Queue1 triggers Function1' })).toBeVisible();
    await expect(inspector(page).getByLabel('Batch size (messages)')).toHaveValue('10');
  });

  test('GIVEN a queue triggering a function WHEN a person routes it through a pipe and picks an enrichment THEN only the pipe’s fields show, and the enrichment is one of the diagram’s functions', async ({
    page,
  }) => {
    await freshDesigner(page);
    await dragToCanvas(page, 'Amazon SQS', { x: 150, y: 200 });
    await dragToCanvas(page, 'AWS Lambda', { x: 500, y: 120 });
    await dragToCanvas(page, 'AWS Lambda', { x: 500, y: 320 });
    await connectNodes(page, node(page, 'Queue1'), node(page, 'Function1'));
    await expect(inspector(page).getByLabel('Report partial batch failures')).toBeVisible();
    await expect(inspector(page).getByLabel('Enrichment (optional)')).toHaveCount(0);

    await inspector(page).getByLabel('Through').selectOption('pipe');
    await expect(inspector(page).getByLabel('Report partial batch failures')).toHaveCount(0);
    const enrichment = inspector(page).getByLabel('Enrichment (optional)');
    await expect(enrichment.locator('option')).toHaveText(['none', 'Function1', 'Function2']);
    await enrichment.selectOption('Function2');
    await expect(page.getByRole('group', { name: 'Queue1 pipes to, enriched Function1' })).toHaveCount(1);
  });

  test('GIVEN the designer THEN every tab list owns only its tabs, as ARIA requires (a button among them hides the list from screen readers)', async ({ page }) => {
    await freshDesigner(page);
    const strangers = await page.evaluate(() =>
      [...document.querySelectorAll('[role="tablist"]')].flatMap((list) =>
        [...list.children].filter((child) => child.getAttribute('role') !== 'tab').map((child) => `${list.getAttribute('aria-label')}: ${child.outerHTML.slice(0, 80)}`),
      ),
    );
    expect(await page.locator('[role="tablist"]').count()).toBeGreaterThan(0);
    expect(strangers).toEqual([]);
  });

  test('GIVEN the palette THEN each service is named by the title it shows and described by the line under it', async ({ page }) => {
    await freshDesigner(page);
    const lambda = paletteItem(page, 'AWS Lambda');
    await expect(lambda).toHaveAccessibleName('AWS Lambda');
    await expect(lambda).toHaveAccessibleDescription(serviceOf('lambda').description);
  });

  test('GIVEN SNS and DynamoDB WHEN a person connects them THEN it is refused with the reason and the fix', async ({ page }) => {
    await freshDesigner(page);
    await dragToCanvas(page, 'Amazon SNS', { x: 150, y: 200 });
    await dragToCanvas(page, 'Amazon DynamoDB', { x: 500, y: 200 });
    await connectNodes(page, node(page, 'Topic1'), node(page, 'Table1'));
    await expect(notice(page)).toHaveText(/SNS cannot write to a table: put a Lambda between them/);
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  });

  test('GIVEN a node WHEN renamed in the inspector THEN invalid names are explained, a valid one applies, and undo/redo work', async ({ page }) => {
    await freshDesigner(page);
    await dragToCanvas(page, 'AWS Lambda', { x: 300, y: 200 });
    await node(page, 'Function1').click();
    const name = inspector(page).getByLabel('Name', { exact: true });
    await name.fill('Order handler');
    await expect(inspector(page).getByRole('alert')).toHaveText(/only letters and digits \(not space\)/);
    await name.fill('OrderHandler');
    await name.press('Enter');
    await expect(nodeByLabel(page, 'OrderHandler')).toBeVisible();

    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await page.keyboard.press('Control+z');
    await expect(nodeByLabel(page, 'Function1')).toBeVisible();
    await page.keyboard.press('Control+Shift+z');
    await expect(nodeByLabel(page, 'OrderHandler')).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(nodeByLabel(page, 'Function1')).toBeVisible();
  });

  test('GIVEN a diagram WHEN the page is reloaded THEN it is restored exactly', async ({ page }) => {
    await freshDesigner(page);
    await dragToCanvas(page, 'Amazon S3', { x: 150, y: 120 });
    await dragToCanvas(page, 'AWS Lambda', { x: 450, y: 160 });
    await connectNodes(page, node(page, 'Bucket1'), node(page, 'Function1'));
    await node(page, 'Function1').click();
    const memory = inspector(page).getByLabel('Memory (MiB)');
    await memory.fill('1024');
    await memory.press('Enter');
    const before = await page.evaluate(() => localStorage.getItem('eventform:autosave'));
    const boxBefore = await node(page, 'Bucket1').boundingBox();

    await page.reload();
    await expect(nodeByLabel(page, 'Bucket1')).toBeVisible();
    await expect(page.getByRole('group', { name: 'Bucket1 triggers Function1' })).toHaveCount(1);
    expect(await page.evaluate(() => localStorage.getItem('eventform:autosave'))).toBe(before);
    await node(page, 'Function1').click();
    await expect(inspector(page).getByLabel('Memory (MiB)')).toHaveValue('1024');
    expect(boxBefore).not.toBeNull();
  });

  test('GIVEN only a keyboard WHEN a person tabs to a palette item and presses Enter THEN the node is added and selected', async ({ page }) => {
    await freshDesigner(page);
    const search = page.getByRole('searchbox', { name: 'Services' });
    await search.focus();
    await page.keyboard.type('queue');
    await page.keyboard.press('Tab');
    await expect(paletteItem(page, 'Amazon SQS')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nodeByLabel(page, 'Queue1')).toBeVisible();
    await expect(inspector(page).getByRole('heading', { name: 'Queue1' })).toBeVisible();
    await expect(nodeByLabel(page, 'Queue1')).toHaveClass(/selected/);
  });

  test('GIVEN a malformed diagram file WHEN opened THEN the error says where and the canvas is unchanged', async ({ page }) => {
    await freshDesigner(page);
    await dragToCanvas(page, 'Amazon SQS', { x: 200, y: 200 });
    await page.getByTestId('open-file').setInputFiles({
      name: 'broken.eventform.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "format": "eventform/graph",\n  "version": 1,\n  "nodes": [,]\n}'),
    });
    await expect(notice(page)).toHaveText(/Could not open broken\.eventform\.json\. The file is not valid JSON: line 4, column 13: a value was expected\. The canvas was left as it was\./);
    await expect(page.locator('.react-flow__node')).toHaveCount(1);
    await expect(nodeByLabel(page, 'Queue1')).toBeVisible();
  });
});
