/**
 * Finding one's way in a large diagram, by keyboard and by pointer: find by name, focus on a
 * service, zoom and pan with keys, the minimap naming what it shows, compact nodes when zoomed out,
 * and panels that fold, resize and are remembered.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REAL_TEMPLATES_DIR } from '../generators/testing/real-templates';
import { freshDesigner, inspector, nodeByLabel, paletteItem, showPanel, viewport, viewSettled, zoomUntil } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

async function openTemplate(page: Page, file: string) {
  await freshDesigner(page);
  await page.getByTestId('open-file').setInputFiles(join(REAL_TEMPLATES_DIR, file));
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

const centre = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

test('GIVEN an opened template WHEN Ctrl+K finds a service by its logical id THEN the canvas centres on it and selects it', async ({ page }) => {
  await openTemplate(page, 'serverlesspresso-core.yaml');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Find a service' });
  await dialog.getByRole('combobox', { name: 'Name or logical id' }).fill('sanitize');
  await expect(dialog.getByRole('option')).toHaveText([/SanitizeOrderLambda/]);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const target = nodeByLabel(page, 'SanitizeOrderLambda');
  await expect(target).toHaveClass(/selected/);
  await expect(inspector(page).getByRole('heading', { name: /SanitizeOrderLambda/ })).toBeVisible();
  const canvas = centre((await page.locator('#eventform-canvas').boundingBox())!);
  await expect.poll(async () => Math.abs(centre((await target.boundingBox())!).x - canvas.x)).toBeLessThan(40);
  // Slash opens it too, and Escape leaves without moving anything.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('GIVEN a selected service WHEN F is pressed THEN everything not connected to it is dimmed, until F again', async ({ page }) => {
  await openTemplate(page, 'serverlesspresso-core.yaml');
  await nodeByLabel(page, 'ConfigTable').click();
  await page.keyboard.press('f');
  const look = (name: string) => nodeByLabel(page, name).locator('> div');
  await expect(look('ConfigTable')).not.toHaveClass(/opacity-25/);
  await expect(look('ConfigChangedFunction')).not.toHaveClass(/opacity-25/);
  await expect(look('GetQRcodeFunction')).not.toHaveClass(/opacity-25/);
  await expect(look('OrderTable')).toHaveClass(/opacity-25/);
  await expect(look('JourneyBucket')).toHaveClass(/opacity-25/);
  await page.keyboard.press('f');
  await expect(look('OrderTable')).not.toHaveClass(/opacity-25/);
});

test('GIVEN the canvas WHEN + - 0 and the arrow keys are pressed THEN it zooms, frames the diagram and pans', async ({ page }) => {
  await openTemplate(page, 'shopping-cart-service.yaml');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const framed = await viewport(page);
  await page.keyboard.press('+');
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(framed.zoom * 1.1);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(framed.zoom);
  await page.keyboard.press('0');
  await expect.poll(async () => (await viewport(page)).zoom).toBeCloseTo(framed.zoom, 2);
  const before = await viewport(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await viewport(page)).x).toBeLessThan(before.x - 50);
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await viewport(page)).y).toBeLessThan(before.y - 50);
  // With a node focused, the arrow keys move the node instead (React Flow's keyboard path), not the view.
  const api = nodeByLabel(page, 'CartApi');
  await api.focus();
  await page.keyboard.press('Enter');
  await expect(api).toHaveClass(/selected/);
  await page.waitForTimeout(400);
  const [view, at] = [await viewport(page), (await api.boundingBox())!];
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await api.boundingBox())!.x).toBeLessThan(at.x);
  expect(await viewport(page)).toEqual(view);
});

test('GIVEN a zoomed-out diagram THEN nodes show a larger name without the subtitle; zoomed in, the subtitle is back', async ({ page }) => {
  await openTemplate(page, 'serverlesspresso-core.yaml');
  expect((await viewport(page)).zoom).toBeLessThan(0.8);
  const name = nodeByLabel(page, 'OrderTable').getByTestId('node-name');
  await expect(name).toHaveAttribute('data-compact', 'true');
  await expect(nodeByLabel(page, 'OrderTable').getByTestId('node-subtitle')).toHaveCount(0);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(0.8);
  await expect(name).not.toHaveAttribute('data-compact', 'true');
  await expect(nodeByLabel(page, 'OrderTable').getByTestId('node-subtitle')).toHaveText('DynamoDB');
});

test('GIVEN a diagram zoomed out until names are smudges THEN each node keeps its full name, as plain text, and drops its shadow; zoomed back in, names break between words again and the shadow is back', async ({
  page,
}) => {
  await openTemplate(page, 'serverlesspresso-core.yaml');
  const name = nodeByLabel(page, 'OrderTable').getByTestId('node-name');
  const box = nodeByLabel(page, 'OrderTable').locator('> div');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  // Names are 18 canvas units in the compact look: under a zoom of 1/3 they are drawn under 6 px.
  await zoomUntil(page, '-', (zoom) => zoom < 0.3);
  await expect(name).toHaveText('OrderTable');
  await expect(name.locator('wbr')).toHaveCount(0);
  await expect(box).toHaveCSS('box-shadow', 'none');
  await zoomUntil(page, '+', (zoom) => zoom > 0.4);
  await expect(name).toHaveText('OrderTable');
  await expect(name.locator('wbr')).toHaveCount(1);
  // Tailwind's shadow-sm: a 3 px blur one pixel down.
  await expect(box).toHaveCSS('box-shadow', /0px 1px 3px 0px/);
});

/** How far apart two images look, drawn at 48 px: the mean difference of their pixels' channels (0 to 255). */
function imageDifference(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    async ([first, second]) => {
      const pixels = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 48;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0, 48, 48);
        return context.getImageData(0, 0, 48, 48).data;
      };
      const [x, y] = [await pixels(first), await pixels(second)];
      let total = 0;
      for (let i = 0; i < x.length; i++) total += Math.abs(x[i] - y[i]);
      return total / x.length;
    },
    [a, b],
  );
}

test('GIVEN a diagram zoomed out until names are smudges THEN each icon is a small bitmap of the same icon; zoomed back in, the SVG is back', async ({ page }) => {
  await openTemplate(page, 'serverlesspresso-core.yaml');
  const icon = nodeByLabel(page, 'OrderTable').locator('img');
  const svg = await icon.getAttribute('src');
  expect(svg).toMatch(/^data:image\/svg\+xml,/);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await zoomUntil(page, '-', (zoom) => zoom < 0.3);
  await expect(icon).toHaveAttribute('src', /^data:image\/png;base64,/);
  const bitmap = (await icon.getAttribute('src'))!;
  // The same picture (a blank or another service's icon differs by tens), not merely some bitmap.
  expect(await imageDifference(page, bitmap, svg!)).toBeLessThan(3);
  const lambda = (await nodeByLabel(page, 'SanitizeOrderLambda').locator('img').getAttribute('src'))!;
  expect(await imageDifference(page, lambda, svg!)).toBeGreaterThan(20);
  await zoomUntil(page, '+', (zoom) => zoom >= 0.4);
  await expect(icon).toHaveAttribute('src', svg!);
});

test('GIVEN the diagram properties in the inspector WHEN an unselected node is dragged THEN the inspector keeps them until the node is let go, then shows the node', async ({ page }) => {
  await openTemplate(page, 'serverlesspresso-core.yaml');
  await showPanel(page, 'inspector');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  // Framed again in the room the inspector leaves, so the node is not under it.
  await page.keyboard.press('0');
  await viewSettled(page);
  await expect(inspector(page).getByRole('region', { name: 'Diagram properties' })).toBeVisible();
  const at = centre((await nodeByLabel(page, 'OrderTable').boundingBox())!);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 40, at.y + 20, { steps: 5 });
  // The drag selected the node (the canvas shows it) while the panels beside the canvas wait.
  await expect(nodeByLabel(page, 'OrderTable')).toHaveClass(/selected/);
  await expect(inspector(page).getByRole('region', { name: 'Diagram properties' })).toBeVisible();
  // For the length of the drag, and only then, the node is a compositor layer of its own.
  await expect(nodeByLabel(page, 'OrderTable')).toHaveCSS('will-change', 'transform');
  await expect(nodeByLabel(page, 'ConfigTable')).toHaveCSS('will-change', 'auto');
  await page.mouse.up();
  await expect(inspector(page).getByRole('region', { name: 'OrderTable properties' })).toBeVisible();
  await expect(nodeByLabel(page, 'OrderTable')).toHaveCSS('will-change', 'auto');
});

test('GIVEN the whole diagram in view THEN there is no minimap; zoomed in, the minimap appears, names each node on hover, pans on a drag and zooms on the wheel', async ({ page }) => {
  await openTemplate(page, 'unicorn-web.yaml');
  await expect(page.getByRole('img', { name: 'Diagram overview' })).toHaveCount(0);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await page.keyboard.press('+');
  const minimap = page.locator('.react-flow__minimap');
  await expect(minimap).toBeVisible();
  const searchNode = minimap.locator('rect[data-name="SearchFunction"]');
  await expect(searchNode.locator('title')).toHaveText('SearchFunction');
  await searchNode.hover();
  // Dragging in the minimap moves the view the same way; the wheel over it zooms.
  const before = await viewport(page);
  const from = centre((await minimap.locator('svg').boundingBox())!);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 10, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await viewport(page)).x).toBeLessThan(before.x - 20);
  await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(before.zoom * 1.2);
});

test('GIVEN the panels WHEN folded, resized and the page reloaded THEN they stay as left; opening a template folds them all', async ({ page }) => {
  await freshDesigner(page);
  // Fold the palette; resize the inspector by keyboard, on its separator.
  await page.getByRole('button', { name: 'Hide the services palette' }).click();
  await expect(paletteItem(page, 'AWS Lambda')).toHaveCount(0);
  const handle = page.getByRole('separator', { name: 'Resize the inspector' });
  const width = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(width + 32));
  const inspectorBox = await inspector(page).boundingBox();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show the services palette' })).toBeVisible();
  expect((await inspector(page).boundingBox())!.width).toBeCloseTo(inspectorBox!.width, 0);
  // Drag the output dock taller: the dock opens with a tab, then its handle drags.
  await page.getByRole('tab', { name: 'Template' }).click();
  const dock = page.getByRole('separator', { name: 'Resize the output' });
  const height = Number(await dock.getAttribute('aria-valuenow'));
  const grip = centre((await dock.boundingBox())!);
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(grip.x, grip.y - 60, { steps: 4 });
  await page.mouse.up();
  await expect(dock).toHaveAttribute('aria-valuenow', String(height + 60));

  await page.getByTestId('open-file').setInputFiles(join(REAL_TEMPLATES_DIR, 'unicorn-web.yaml'));
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show the inspector' })).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Resize the output' })).toHaveCount(0);
  // Selecting a service shows the inspector for it; clearing the selection folds it again.
  await nodeByLabel(page, 'WebTable').click();
  await expect(inspector(page)).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(inspector(page)).toHaveCount(0);
});
