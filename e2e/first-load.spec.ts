/** What the designer's page shows before its code runs: the server's HTML alone. */
import { expect, test } from '@playwright/test';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('GIVEN the designer page WHEN its code has not run THEN the frame shows (toolbar, palette, inspector help), and says it is loading', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Eventform' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Loading the designer…');
    await expect(page.getByText('Services', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Diagram' })).toBeVisible();
    await expect(page.getByText(/^Select a node or a connection to edit it\./)).toBeVisible();
  });

  test('GIVEN the designer page WHEN no stylesheet can be fetched THEN its frame is laid out all the same: the styles come in the page, so its first paint waits for no second request', async ({
    page,
  }) => {
    const stylesheetsAsked: string[] = [];
    await page.route(/\.css(\?|$)/, (route) => {
      stylesheetsAsked.push(route.request().url());
      return route.abort();
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Eventform' })).toBeVisible();
    expect(
      await page
        .locator('div.grid')
        .first()
        .evaluate((frame) => getComputedStyle(frame).display),
    ).toBe('grid');
    expect(stylesheetsAsked).toEqual([]);
  });
});

test('GIVEN the designer page WHEN its code has run THEN the frame gave way to the designer (nothing of it is left)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'AWS Lambda' })).toBeVisible();
  await expect(page.getByText('Loading the designer…')).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/^Select a node or a connection to edit it\./)).toHaveCount(1);
});
