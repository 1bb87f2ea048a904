import { expect, test } from '@playwright/test';
import { connectNodes, dragToCanvas, freshDesigner, inspector, node, showOutput } from './helpers';

const templatePane = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'CloudFormation template' });

test('GIVEN a bucket connected to a function WHEN the edge is selected THEN the template highlights the permission and the notification, in YAML and JSON, and downloads', async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon S3', { x: 120, y: 120 });
  await dragToCanvas(page, 'AWS Lambda', { x: 480, y: 120 });
  await connectNodes(page, node(page, 'Bucket1'), node(page, 'Function1'));
  await showOutput(page, 'Template');
  const text = page.getByTestId('template-text');
  await expect(text).toContainText('Bucket1ToFunction1Permission:');
  const highlighted = text.locator('[data-highlight]');
  await expect(highlighted.filter({ hasText: 'Bucket1ToFunction1Permission:' })).toHaveCount(1);
  await expect(highlighted.filter({ hasText: 'Principal: s3.amazonaws.com' })).toHaveCount(1);
  await expect(highlighted.filter({ hasText: 'LambdaConfigurations:' })).toHaveCount(1);
  await expect(highlighted.filter({ hasText: 'Function1LogGroup:' })).toHaveCount(0);

  await templatePane(page).getByLabel('JSON').check();
  await expect(text).toContainText('"Bucket1ToFunction1Permission": {');
  await expect(highlighted.filter({ hasText: '"Principal": "s3.amazonaws.com"' })).toHaveCount(1);

  await templatePane(page).getByLabel('YAML').check();
  const download = page.waitForEvent('download');
  await templatePane(page).getByRole('button', { name: 'Download template.yaml' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('template.yaml');
  const body = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  expect(body).toMatch(/^ {2}Bucket1ToFunction1Permission:$/m);
  expect(body).toMatch(/DependsOn:\n\s+- Bucket1ToFunction1Permission/);
});

test("GIVEN a queue whose visibility timeout equals its consumer's timeout THEN a problem is shown on the node and in the list, and choosing it selects the queue", async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon SQS', { x: 120, y: 120 });
  await dragToCanvas(page, 'AWS Lambda', { x: 480, y: 120 });
  await connectNodes(page, node(page, 'Queue1'), node(page, 'Function1'));
  await node(page, 'Queue1').click();
  const visibility = inspector(page).getByLabel('Visibility timeout (seconds)');
  await visibility.fill('20');
  await visibility.press('Enter');
  await expect(node(page, 'Queue1').getByTestId('node-badge')).toHaveAccessibleName('1 error');
  await page.getByRole('tab', { name: /Problems/ }).click();
  const problem = page.getByRole('list', { name: 'Problems' }).getByRole('button', { name: /visibility timeout \(20 s\) is shorter than Function1's timeout \(30 s\)/ });
  await expect(problem).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await problem.click();
  await expect(inspector(page).getByRole('heading', { name: '2 nodes and 1 connection selected' })).toBeVisible();
});

test('GIVEN a function WHEN its code is edited in the code editor THEN the template inlines the new code, and it can go back to the template', async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'AWS Lambda', { x: 200, y: 120 });
  await node(page, 'Function1').click();
  const editor = inspector(page).getByRole('textbox', { name: 'Function1 code' });
  await expect(editor).toContainText('import base64, json, os, time, uuid');
  await editor.fill('def handler(event, context):\n    return {"greeting": "hi from the editor"}\n');
  await inspector(page).getByLabel('Memory (MiB)').focus();
  await showOutput(page, 'Template');
  await expect(page.getByTestId('template-text')).toContainText('hi from the editor');
  await inspector(page).getByRole('button', { name: 'Back to the template' }).click();
  await expect(page.getByTestId('template-text')).not.toContainText('hi from the editor');
});
