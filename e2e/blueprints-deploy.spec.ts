import { expect, test } from '@playwright/test';
import { freshDesigner, inspector, node, nodeByLabel } from './helpers';

const BLUEPRINTS = [
  { title: 'Serverless website', nodes: ['Site', 'Api', 'Hello'], edge: 'Api invokes (GET /hello) Hello', note: ['Api', /HTTP API with CORS/] },
  {
    title: 'Banking: fixed deposits',
    nodes: ['DepositApi', 'DepositWorkflow', 'ValidateDeposit', 'Deposits', 'DepositEvents'],
    edge: 'Deposits changes become events DepositEvents',
    note: ['DepositWorkflow', /state machine orchestrates/],
  },
  { title: 'Image processing', nodes: ['Uploads', 'Thumbnailer', 'Thumbnails', 'ImageMetadata'], edge: 'Uploads triggers Thumbnailer', note: ['Thumbnails', /never triggers the function again/] },
  {
    title: 'Streaming social-media events',
    nodes: ['SocialEvents', 'Analyzer', 'Results', 'Archiver', 'RawArchive'],
    edge: 'SocialEvents feeds Archiver',
    note: ['Archiver', /buffers the raw events/],
  },
] as const;

for (const bp of BLUEPRINTS) {
  test(`GIVEN the gallery WHEN "${bp.title}" is opened THEN its nodes, edges and teaching notes are on the canvas`, async ({ page }) => {
    await freshDesigner(page);
    await page.getByRole('button', { name: 'Blueprints…' }).click();
    const gallery = page.getByRole('dialog', { name: 'Blueprints' });
    await expect(gallery.getByRole('img', { name: `Preview of ${bp.title}` })).toBeVisible();
    await gallery.getByRole('button', { name: `Open ${bp.title}` }).click();
    for (const name of bp.nodes) await expect(nodeByLabel(page, name)).toBeVisible();
    await expect(page.getByRole('group', { name: bp.edge })).toHaveCount(1);
    await node(page, bp.note[0]).click();
    await expect(inspector(page).getByLabel('Teaching note')).toHaveValue(bp.note[1]);
  });
}

test('GIVEN work on the canvas WHEN a blueprint is opened THEN the user is asked first and can keep the diagram', async ({ page }) => {
  await freshDesigner(page);
  await page.getByRole('button', { name: 'Amazon SQS', exact: true }).click();
  await page.getByRole('button', { name: 'Blueprints…' }).click();
  await page.getByRole('button', { name: 'Open Image processing' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Replace the current diagram?' });
  await ask.getByRole('button', { name: 'Keep my diagram' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(nodeByLabel(page, 'Queue1')).toBeVisible();
  await expect(nodeByLabel(page, 'Uploads')).toHaveCount(0);
});

test('GIVEN a blueprint WHEN deployed to the local sandbox THEN the identity, the change set, the events and the outputs are shown, and it can be destroyed', async ({ page }) => {
  test.setTimeout(120_000);
  await freshDesigner(page);
  await page.getByRole('button', { name: 'Blueprints…' }).click();
  await page.getByRole('button', { name: 'Deploy Image processing' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deploy Image processing' });
  await dialog.getByLabel('Local sandbox (moto, no AWS account)').check();
  await dialog.getByLabel('Stack name').fill('e2e-images');
  await dialog.getByRole('button', { name: 'Check identity' }).click();
  await expect(dialog.getByTestId('identity')).toContainText('Account 123456789012', { timeout: 30_000 });
  await expect(dialog.getByTestId('identity')).toContainText('us-east-1');

  // As the CloudFormation console does, the IAM roles it creates are acknowledged before the preview.
  const before = dialog.getByRole('region', { name: 'Before deploying' });
  await expect(dialog.getByRole('button', { name: 'Preview changes' })).toBeDisabled();
  await before.getByLabel(/I acknowledge CAPABILITY_IAM: it creates IAM resources/).check();
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  const changes = dialog.getByRole('region', { name: 'Change set' });
  await expect(changes.getByRole('row', { name: /\+ add Thumbnailer AWS::Lambda::Function/ })).toBeVisible({ timeout: 30_000 });
  await expect(changes.getByRole('row', { name: /\+ add UploadsToThumbnailerPermission/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Deploy these changes' }).click();
  await expect(dialog.getByRole('log')).toContainText('CREATE_COMPLETE e2e-images', { timeout: 60_000 });
  const outputs = dialog.getByRole('region', { name: 'Outputs' });
  await expect(outputs).toContainText('ThumbnailerFunctionName');
  await expect(dialog.getByText('e2e-images: CREATE_COMPLETE')).toBeVisible();

  await dialog.getByRole('tab', { name: 'Stacks' }).click();
  await dialog.getByRole('button', { name: 'List stacks' }).click();
  await dialog.getByRole('button', { name: 'Destroy e2e-images' }).click();
  const confirm = dialog.getByRole('alertdialog', { name: 'Destroy e2e-images' });
  await expect(confirm).toContainText(/uploads-[0-9a-f-]{36}/);
  await expect(confirm).toContainText(/thumbnails-[0-9a-f-]{36}/);
  await confirm.getByLabel('Empty these buckets and destroy the stack').check();
  await confirm.getByRole('button', { name: 'Destroy' }).click();
  await expect(dialog.getByText('e2e-images: DELETE_COMPLETE')).toBeVisible({ timeout: 60_000 });
});

test('GIVEN a change set waiting for confirmation WHEN the page is reloaded THEN the deployment is followed again and can be confirmed', async ({ page }) => {
  test.setTimeout(120_000);
  await freshDesigner(page);
  await page.getByRole('button', { name: 'Blueprints…' }).click();
  await page.getByRole('button', { name: 'Deploy Serverless website' }).click();
  let dialog = page.getByRole('dialog', { name: 'Deploy Serverless website' });
  await dialog.getByLabel('Stack name').fill('e2e-reload');
  await dialog.getByLabel(/I acknowledge CAPABILITY_IAM/).check();
  await dialog.getByRole('button', { name: 'Preview changes' }).click();
  await expect(dialog.getByRole('region', { name: 'Change set' })).toContainText('Hello', { timeout: 30_000 });

  await page.reload();
  dialog = page.getByRole('dialog', { name: 'Deploy Serverless website' });
  await expect(dialog.getByRole('region', { name: 'Change set' })).toContainText('SitePublicReadPolicy');
  await dialog.getByRole('button', { name: 'Deploy these changes' }).click();
  await expect(dialog.getByText('e2e-reload: CREATE_COMPLETE')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('region', { name: 'Outputs' })).toContainText('HelloFunctionName');
});
