/** Functions with several files and npm packages, as a person edits them in the inspector. */
import { expect, test } from '@playwright/test';
import { dragToCanvas, freshDesigner, inspector, node, nodeByLabel, showOutput, showPanel } from './helpers';

test('GIVEN the image blueprint WHEN its thumbnailer is selected THEN its two files and its npm package show, and the template pane gives its zip and the zip size', async ({ page }) => {
  await freshDesigner(page);
  await page.getByRole('button', { name: 'Blueprints…' }).click();
  await page.getByRole('button', { name: 'Open Image processing' }).click();
  await nodeByLabel(page, 'Thumbnailer').click();
  const files = inspector(page).getByRole('tablist', { name: 'Thumbnailer files' });
  await expect(files.getByRole('tab')).toHaveText(['index.js', 'thumbnail.js']);
  await expect(inspector(page).getByRole('textbox', { name: 'Thumbnailer code' })).toContainText("require('./thumbnail.js')");
  await files.getByRole('tab', { name: 'thumbnail.js' }).click();
  await expect(inspector(page).getByRole('textbox', { name: 'Thumbnailer thumbnail.js' })).toContainText("require('sharp')");
  await expect(inspector(page).getByLabel('npm packages')).toHaveValue('sharp@0.35.5');
  await expect(inspector(page).getByTestId('code-packaging')).toContainText('Built into a zip when deployed (2 files, npm packages bundled)');

  await showOutput(page, 'Template');
  await expect(page.getByTestId('template-text')).toContainText('S3Key: assets/');
  const asset = page.getByRole('region', { name: 'Function code built into zips' }).getByTestId('asset');
  await expect(asset).toContainText(/Thumbnailer: code in assets\/[0-9a-f]{40}\.zip in the staging bucket \(2 files, sharp@0\.35\.5\)/);
  // Built on the server as a deploy would build it: sharp's Linux binaries make it megabytes.
  await expect(asset.getByTestId('asset-size')).toContainText(/\d+\.\d MiB zipped, \d+\.\d MiB unzipped, \d+ files/, { timeout: 60_000 });
});

test('GIVEN a Python function WHEN a file is added, written and removed THEN the code moves into a zip and back inline', async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'AWS Lambda', { x: 200, y: 150 });
  await node(page, 'Function1').click();
  await showPanel(page, 'inspector');
  const packaging = inspector(page).getByTestId('code-packaging');
  await expect(packaging).toContainText('/ 4096 characters: inline in the template');
  // Python: no npm packages to list.
  await expect(inspector(page).getByLabel('npm packages')).toHaveCount(0);

  await inspector(page).getByRole('button', { name: 'Add a file' }).click();
  await inspector(page).getByLabel('New file path').fill('helpers/greet.py');
  await page.keyboard.press('Enter');
  const tab = inspector(page).getByRole('tab', { name: 'helpers/greet.py' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await inspector(page).getByRole('textbox', { name: 'Function1 helpers/greet.py' }).fill('def greet(name):\n    return "hi " + name\n');
  await inspector(page).getByLabel('Memory (MiB)').focus();
  await expect(packaging).toContainText('Built into a zip when deployed (2 files)');
  await showOutput(page, 'Template');
  await expect(page.getByTestId('template-text')).toContainText('S3Key: assets/');

  // A path that would leave the function's folder is refused, with the reason.
  await inspector(page).getByRole('button', { name: 'Add a file' }).click();
  await inspector(page).getByLabel('New file path').fill('../etc/passwd');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('"../etc/passwd" is not a file path');

  await inspector(page).getByRole('tab', { name: 'helpers/greet.py' }).click();
  await inspector(page).getByRole('button', { name: 'Remove helpers/greet.py' }).click();
  await expect(packaging).toContainText('inline in the template');
  await expect(page.getByTestId('template-text')).toContainText('ZipFile:');
});
