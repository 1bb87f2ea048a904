/**
 * Readable at first sight: real templates of 10 to 35 services opened the way an architect opens
 * them (Open…, in a 1440x900 window), the blueprints, and presentation mode at 1280x720. Measured
 * from what Chromium rendered: every node name at 10 px or more, every node inside the canvas, no
 * two nodes overlapping, the canvas at least 55% of the window.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BLUEPRINTS } from '../blueprints';
import { REAL_TEMPLATES_DIR, readRealTemplates } from '../generators/testing/real-templates';
import { freshDesigner, viewSettled } from './helpers';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Rendered {
  window: { width: number; height: number };
  canvas: { left: number; top: number; right: number; bottom: number };
  /** What floats over the canvas: the zoom buttons and, when shown, the minimap. */
  overlays: { name: string; left: number; top: number; right: number; bottom: number }[];
  nodes: { name: string; left: number; top: number; right: number; bottom: number; fontPx: number }[];
}

/** Waits for the view to stop moving (framing is animated in places), then reads the rendered boxes. */
async function rendered(page: Page): Promise<Rendered> {
  await viewSettled(page);
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const canvas = document.getElementById('eventform-canvas')!;
    return {
      window: { width: window.innerWidth, height: window.innerHeight },
      canvas: box(canvas),
      overlays: [...document.querySelectorAll('.react-flow__controls, .react-flow__minimap')].map((el) => ({ name: el.className, ...box(el) })),
      nodes: [...document.querySelectorAll('.react-flow__node')].map((node) => {
        const name = node.querySelector<HTMLElement>('[data-testid="node-name"]')!;
        // The size the text is drawn at: its font size times the scale the canvas zoom applies.
        const scale = name.getBoundingClientRect().width / name.offsetWidth;
        return { name: name.textContent ?? '', ...box(node), fontPx: Number.parseFloat(getComputedStyle(name).fontSize) * scale };
      }),
    };
  });
}

function expectReadable(view: Rendered, minCanvasShare: number, framedAt = 1) {
  const { canvas, nodes } = view;
  expect(nodes.length).toBeGreaterThan(0);
  const small = nodes.filter((n) => n.fontPx < 10 * framedAt).map((n) => `${n.name} at ${n.fontPx.toFixed(1)} px`);
  expect(small, 'names drawn under 10 px').toEqual([]);
  const outside = nodes.filter((n) => n.left < canvas.left - 1 || n.top < canvas.top - 1 || n.right > canvas.right + 1 || n.bottom > canvas.bottom + 1).map((n) => n.name);
  expect(outside, 'nodes outside the canvas').toEqual([]);
  const meet = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const overlaps: string[] = [];
  nodes.forEach((a, i) => {
    for (const b of nodes.slice(i + 1)) if (meet(a, b)) overlaps.push(`${a.name} / ${b.name}`);
  });
  expect(overlaps, 'overlapping nodes').toEqual([]);
  const covered = nodes.flatMap((n) => view.overlays.filter((o) => meet(n, o)).map((o) => `${n.name} under ${o.name}`));
  expect(covered, 'nodes under the zoom buttons or the minimap').toEqual([]);
  const share = ((canvas.right - canvas.left) * (canvas.bottom - canvas.top)) / (view.window.width * view.window.height);
  expect(share, 'share of the window the canvas has').toBeGreaterThanOrEqual(minCanvasShare);
}

test.describe('in a 1440x900 window', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('GIVEN a first visit THEN the canvas has at least 55% of the window', async ({ page }) => {
    await freshDesigner(page);
    const box = await page.locator('#eventform-canvas').boundingBox();
    expect((box!.width * box!.height) / (1440 * 900)).toBeGreaterThanOrEqual(0.55);
  });

  const templates = readRealTemplates();
  for (const template of templates) {
    test(`GIVEN ${template.file} (${template.repository}) WHEN opened THEN every name is readable, every node in view, none overlapping`, async ({ page }) => {
      await freshDesigner(page);
      await page.getByTestId('open-file').setInputFiles(join(REAL_TEMPLATES_DIR, template.file));
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      const view = await rendered(page);
      expectReadable(view, 0.55, template.framedAt);
    });
  }

  for (const blueprint of BLUEPRINTS) {
    test(`GIVEN the ${blueprint.title} blueprint WHEN opened THEN it is readable at first sight`, async ({ page }) => {
      await freshDesigner(page);
      await page.getByRole('button', { name: 'Blueprints…' }).click();
      await page.getByRole('button', { name: `Open ${blueprint.title}` }).click();
      await expect(page.locator('.react-flow__node')).toHaveCount(blueprint.graph.nodes.length);
      expectReadable(await rendered(page), 0.55);
    });
  }
});

test.describe('presenting at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (const blueprint of BLUEPRINTS) {
    test(`GIVEN the ${blueprint.title} blueprint WHEN presented THEN its overview is readable`, async ({ page }) => {
      await freshDesigner(page);
      await page.getByRole('button', { name: 'Blueprints…' }).click();
      await page.getByRole('button', { name: `Open ${blueprint.title}` }).click();
      await page.getByRole('button', { name: 'Present' }).click();
      await expect(page.getByTestId('presentation-title')).toHaveText(blueprint.graph.name);
      // The caption takes the bottom of the screen while presenting; the canvas keeps the rest.
      expectReadable(await rendered(page), 0.5);
    });
  }

  // The largest whose diagram a screen shows whole at a readable zoom.
  const largest = readRealTemplates()
    .filter((t) => t.framedAt === 1)
    .sort((a, b) => b.text.length - a.text.length)[0];
  test(`GIVEN an imported real template (${largest.file}) WHEN presented THEN its overview is readable`, async ({ page }) => {
    await freshDesigner(page);
    await page.getByTestId('open-file').setInputFiles(join(REAL_TEMPLATES_DIR, largest.file));
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByTestId('presentation-title')).toBeVisible();
    expectReadable(await rendered(page), 0.5);
  });
});
