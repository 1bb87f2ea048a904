import { E2E_TOKEN } from '../playwright.config';
import { expect, type Locator, type Page } from '@playwright/test';

export const node = (page: Page, name: string) => page.locator('.react-flow__node').filter({ has: page.getByTestId('node-name').getByText(name, { exact: true }) });
export const nodeByLabel = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
export const paletteItem = (page: Page, title: string) => page.getByRole('complementary', { name: 'Services palette' }).getByRole('button', { name: title, exact: true });
export const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
export const notice = (page: Page) => page.getByTestId('notice');

/** Drags a palette item onto the canvas at a point relative to the canvas' top-left corner. */
export async function dragToCanvas(page: Page, title: string, at: { x: number; y: number }) {
  const canvas = page.locator('.react-flow__pane');
  await paletteItem(page, title).dragTo(canvas, { targetPosition: at });
}

async function centreOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a connection as a person does: press on the source handle, move, release on the target's handle. */
export async function connectNodes(page: Page, from: Locator, to: Locator) {
  const start = await centreOf(from.locator('.react-flow__handle.source'));
  const end = await centreOf(to.locator('.react-flow__handle.target'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** The designer opened at the address `npm start` prints (with the launch token the test server has). */
export async function freshDesigner(page: Page) {
  await page.goto(`/#token=${E2E_TOKEN}`);
  await expect(paletteItem(page, 'AWS Lambda')).toBeVisible();
}

/** Opens a tab of the output dock below the canvas (folded to its tab strip by default), as a person clicks it. */
export async function showOutput(page: Page, tab: 'Template' | 'Event flow' | RegExp) {
  await page.getByRole('tablist', { name: 'Output' }).getByRole('tab', { name: tab }).click();
}

/** Brings back a folded side panel (an opened or imported diagram folds them to give the canvas room). */
export async function showPanel(page: Page, panel: 'services palette' | 'inspector') {
  const button = page.getByRole('button', { name: `Show the ${panel}` });
  if (await button.isVisible()) await button.click();
}

/**
 * Waits until the canvas's view stops moving (framing after a layout is animated): a click computed
 * from a node's box while the view still moves can land as a tiny drag and select nothing.
 */
export async function viewSettled(page: Page) {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await transform();
        const settled = now === last;
        last = now;
        return settled;
      },
      { intervals: [150] },
    )
    .toBe(true);
}

/** The canvas view as React Flow draws it: translation and zoom. */
export async function viewport(page: Page) {
  const matrix = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform));
  return { x: matrix.e, y: matrix.f, zoom: matrix.a };
}

/** Presses a zoom key (`+` or `-`, the canvas focused) until the zoom is where `done` says, at most 30 times. */
export async function zoomUntil(page: Page, key: '+' | '-', done: (zoom: number) => boolean) {
  for (let i = 0; i < 30 && !done((await viewport(page)).zoom); i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(100);
  }
}
