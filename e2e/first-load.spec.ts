/** What the designer's page shows before its code runs: the server's HTML alone. */
import { expect, type Locator, type Page, test } from '@playwright/test';

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
    expect(await frame(page).evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    expect(stylesheetsAsked).toEqual([]);
  });
});

/** The loading frame: the server's HTML, before the designer replaces it. */
const frame = (page: Page) => page.locator('[aria-busy="true"]');

test("GIVEN the designer page THEN its HTML carries the frame and the frame's few styles, not the designer's stylesheet (Tailwind, React Flow): that comes with the designer's code", async ({
  request,
}) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('Loading the designer…');
  expect(html).not.toContain('@layer utilities');
  expect(html).not.toContain('.react-flow');
  expect(html.length).toBeLessThan(16_000);
});

test('GIVEN the designer page WHEN the designer replaces the frame THEN its toolbar, palette and inspector are where the frame had them (nothing shifts), styled by its own stylesheet', async ({
  browser,
  page,
}) => {
  const withoutCode = await browser.newContext({ javaScriptEnabled: false });
  const before = await withoutCode.newPage();
  await before.goto('/');
  const columns = frame(before).locator(':scope > div > div');
  const shell = { toolbar: await box(before.locator('header')), palette: await box(columns.first()), inspector: await box(columns.last()) };
  await withoutCode.close();

  await page.goto('/');
  await expect(page.getByRole('button', { name: 'AWS Lambda' })).toBeVisible();
  const designer = {
    toolbar: await box(page.locator('header')),
    palette: await box(page.getByRole('complementary', { name: 'Services palette' })),
    inspector: await box(page.getByRole('complementary', { name: 'Inspector' })),
  };
  expect(designer.toolbar.height).toBeCloseTo(shell.toolbar.height, 0);
  expect(designer.palette.x + designer.palette.width).toBeCloseTo(shell.palette.x + shell.palette.width, 0);
  expect(designer.inspector.x).toBeCloseTo(shell.inspector.x, 0);
  expect(designer.inspector.y).toBeCloseTo(shell.inspector.y, 0);
  expect(await page.locator('header').evaluate((element) => getComputedStyle(element).display)).toBe('flex');
  expect(await page.locator('.react-flow').evaluate((element) => getComputedStyle(element).position)).toBe('relative');
});

async function box(locator: Locator) {
  const measured = await locator.boundingBox();
  if (!measured) throw new Error(`${locator} is not on screen`);
  return measured;
}

test('GIVEN the designer page WHEN its code has run THEN the frame gave way to the designer (nothing of it is left)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'AWS Lambda' })).toBeVisible();
  await expect(page.getByText('Loading the designer…')).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/^Select a node or a connection to edit it\./)).toHaveCount(1);
});
