/**
 * The server holds the owner's AWS credentials: only a page opened at the address `npm start`
 * printed may use them. Checked against the real server the tests run, from another OS user too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_TOKEN } from '../playwright.config';
import { startMoto } from '../server/sandbox/moto';
import { freshDesigner } from './helpers';

const isRoot = process.getuid?.() === 0;

test('GIVEN the running server WHEN another OS user calls its API without the launch token THEN every call is refused, while the token opens it', async ({ baseURL }) => {
  test.skip(!isRoot, 'runuser needs root: CI runs as root');
  const script = `const u = process.argv[1]; Promise.all([fetch(u + '/api/profiles'), fetch(u + '/api/identity', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"target":{"kind":"aws","region":"us-east-1"},"credentials":{"kind":"environment"}}' })]).then((r) => console.log(r.map((x) => x.status).join(' ')))`;
  const other = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', script, baseURL!], { encoding: 'utf8', timeout: 30_000 });
  expect(other.stdout.trim()).toBe('401 401');
  const owner = await fetch(`${baseURL}/api/profiles`, { headers: { 'x-eventform-token': E2E_TOKEN } });
  expect(owner.status).toBe(200);
  // The token is in the server's environment, which another user cannot read, never in its command line.
  expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(E2E_TOKEN);
});

test('GIVEN a custom endpoint THEN dummy credentials are the default offered, and after a reload the dialog shows the endpoint it follows', async ({ page }) => {
  test.setTimeout(120_000);
  const emulator = await startMoto();
  try {
    await freshDesigner(page);
    await page.getByRole('button', { name: 'Amazon SQS', exact: true }).click();
    await page.getByRole('button', { name: 'Deploy…' }).click();
    let dialog = page.getByRole('dialog', { name: /^Deploy / });
    await dialog.getByLabel('Custom endpoint (LocalStack-style)').check();
    await dialog.getByLabel('Endpoint URL').fill(emulator.endpoint);
    await dialog.getByRole('combobox', { name: /^Credentials/ }).selectOption('dummy');
    await dialog.getByRole('button', { name: 'Check identity' }).click();
    await expect(dialog.getByTestId('identity')).toContainText('Account 123456789012', { timeout: 30_000 });
    // A real profile would need the host confirmed by name.
    await dialog.getByRole('combobox', { name: /^Credentials/ }).selectOption('environment');
    await expect(dialog.getByText(`Send my real AWS credentials to ${new URL(emulator.endpoint).host}`)).toBeVisible();
    await dialog.getByRole('combobox', { name: /^Credentials/ }).selectOption('dummy');

    await dialog.getByLabel('Stack name').fill('e2e-endpoint');
    await dialog.getByRole('button', { name: 'Preview changes' }).click();
    await expect(dialog.getByRole('region', { name: 'Change set' })).toContainText('Queue1', { timeout: 30_000 });

    await page.reload();
    dialog = page.getByRole('dialog', { name: /^Deploy / });
    await expect(dialog.getByLabel('Custom endpoint (LocalStack-style)')).toBeChecked();
    await expect(dialog.getByLabel('Endpoint URL')).toHaveValue(emulator.endpoint);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.getByText('Cancelled: nothing was deployed')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Preview changes' })).toBeEnabled();
  } finally {
    emulator.stop();
  }
});
