import { expect, test } from '@playwright/test';
import { serializeGraph } from '../generators';
import { estimateCost, formatUsd } from '../generators/cost/estimate';
import { diagramOf } from '../bench/diagrams';

test('GIVEN a diagram of 60 services WHEN the diagram panel shows its cost THEN it lists the 50 costliest, says so, lists all 60 on request, and totals all of them', async ({ page }) => {
  const graph = diagramOf(60);
  await page.addInitScript(`localStorage.setItem('eventform:autosave', ${JSON.stringify(serializeGraph(graph))});`);
  await page.goto('/');
  const table = page.getByRole('table', { name: 'Monthly cost by service' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(50);
  const estimate = estimateCost(graph);
  await expect(table.getByTestId('cost-total')).toHaveText(formatUsd(estimate.totalUsd));
  // The rows are the 50 costliest lines, costliest first (each row starts with the service's name).
  const costliest = [...estimate.lines].sort((a, b) => b.usd - a.usd).slice(0, 50);
  const shown = (await rows.locator('th').allTextContents()).map((text) => text.split(' ')[0]);
  expect(shown).toEqual(costliest.map((line) => line.name));
  await expect(page.getByText('The 50 costliest of 60 services.')).toBeVisible();

  await page.getByRole('button', { name: 'Show all 60' }).click();
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole('button', { name: 'Show all 60' })).toHaveCount(0);
});
