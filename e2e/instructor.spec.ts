import { expect, test, type Page } from '@playwright/test';
import { blueprintById } from '../blueprints';
import { presentationSteps } from '../generators/teaching/steps';
import { freshDesigner, inspector, nodeByLabel, showPanel } from './helpers';

async function openBlueprint(page: Page, title: string) {
  await freshDesigner(page);
  await page.getByRole('button', { name: 'Blueprints…' }).click();
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await expect(page.getByRole('dialog', { name: 'Blueprints' })).toHaveCount(0);
}

const flowState = (page: Page, name: string) => nodeByLabel(page, name).locator('[data-flow]');

test('GIVEN a blueprint WHEN presented THEN the keyboard steps through its notes, spotlighting each, and the last step is the cost', async ({ page }) => {
  await openBlueprint(page, 'Image processing');
  const steps = presentationSteps(blueprintById('image-processing')!.graph);
  await page.getByRole('button', { name: 'Present' }).click();
  const talk = page.getByRole('region', { name: 'Presentation of Image processing' });
  await expect(talk).toBeVisible();
  // The designer's chrome is gone: the canvas is alone with the caption.
  await expect(page.getByRole('complementary', { name: 'Services palette' })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByTestId('presentation-title')).toHaveText('Image processing');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presentation-title')).toHaveText(steps[1].title);
  await expect(page.getByTestId('presentation-text')).toHaveText(steps[1].text);
  // The step's node is in the light, the others are dimmed.
  await expect(nodeByLabel(page, 'Uploads').locator(':scope > div')).not.toHaveClass(/opacity-25/);
  await expect(nodeByLabel(page, 'Thumbnails').locator(':scope > div')).toHaveClass(/opacity-25/);

  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('presentation-title')).toHaveText(steps[2].title);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('presentation-title')).toHaveText(steps[3].title);
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('presentation-title')).toHaveText(steps[2].title);
  // Backspace steps back: it never deletes anything while presenting.
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('presentation-title')).toHaveText(steps[1].title);

  await page.keyboard.press('End');
  await expect(page.getByTestId('presentation-title')).toHaveText('What it costs');
  await expect(page.getByTestId('presentation-text')).toHaveText(/About \$13\.19 a month for 1,000,000 requests of 1 KB/);
  await expect(talk.getByRole('table', { name: 'Monthly cost by service' })).toContainText('Thumbnailer');

  await page.keyboard.press('Escape');
  await expect(talk).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  // The designer is back as it was: the opened blueprint had folded the panels.
  await expect(page.getByRole('button', { name: 'Show the inspector' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Output' })).toBeVisible();
});

test('GIVEN the banking blueprint WHEN a valid deposit is animated THEN the token reaches each service on its path, and the rejection branch is skipped', async ({ page }) => {
  await openBlueprint(page, 'Banking: fixed deposits');
  await page.getByRole('tab', { name: 'Event flow' }).click();
  const panel = page.getByRole('region', { name: 'Event flow' });
  await expect(panel.getByText(/not a second AWS/)).toBeVisible();
  await panel.getByLabel('Send into').selectOption({ label: 'DepositApi' });
  await panel.getByLabel('Event', { exact: true }).selectOption({ label: 'POST /deposits where $.valid == true' });
  await panel.getByLabel('Speed').selectOption('4');
  await panel.getByRole('button', { name: 'Play' }).click();
  // A token is on the canvas while events travel.
  await expect(page.getByTestId('flow-token').first()).toBeVisible();
  for (const name of ['DepositApi', 'DepositWorkflow', 'ValidateDeposit', 'CreateDeposit', 'Deposits', 'DepositEvents', 'CustomerNotifications', 'DepositAlerts'])
    await expect(flowState(page, name)).toHaveAttribute('data-flow', 'reached', { timeout: 20_000 });
  await expect(panel.getByRole('list', { name: 'Event flow log' })).toContainText(/Done\. Reached: DepositApi → DepositWorkflow/, { timeout: 20_000 });
  await expect(nodeByLabel(page, 'RejectDeposit').locator('[data-flow]')).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Event flow log' })).toContainText('$.valid == true');
});

test('GIVEN a failing function WHEN stepped through by hand THEN the log shows the retries and the dead letter, tick by tick', async ({ page }) => {
  await freshDesigner(page);
  await page.getByRole('button', { name: 'Import template…' }).click();
  await page.getByLabel('Template text').fill(`Resources:
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy: { deadLetterTargetArn: !GetAtt JobsDeadLetters.Arn, maxReceiveCount: 3 }
  JobsDeadLetters:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: i.h, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } }
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Jobs.Arn, FunctionName: !Ref Worker }
`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(nodeByLabel(page, 'Worker')).toBeVisible();
  await page.getByRole('tab', { name: 'Event flow' }).click();
  const panel = page.getByRole('region', { name: 'Event flow' });
  await panel.getByLabel('Send into').selectOption({ label: 'Jobs' });
  await panel.getByLabel('Make a function fail').selectOption({ label: 'Worker' });
  const log = panel.getByRole('list', { name: 'Event flow log' });
  await panel.getByRole('button', { name: 'Step' }).click();
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Step' }).click();
  await expect(log).toContainText('Worker polls and receives them in 1 batch');
  await panel.getByRole('button', { name: 'Step' }).click();
  await expect(log).toContainText('Worker fails. After the visibility timeout');
  await expect(flowState(page, 'Worker')).toHaveAttribute('data-flow', 'troubled');
  // The template's dead-letter queue is a node, and the redrive an edge to it: the message travels it.
  await panel.getByRole('button', { name: 'Step' }).click();
  await expect(log).toContainText('1 message move to JobsDeadLetters after 3 failed receives');
  await panel.getByRole('button', { name: 'Step' }).click();
  await expect(log).toContainText('wait in JobsDeadLetters');
  await expect(log).toContainText('Done. Reached: Jobs → Worker → JobsDeadLetters');
});

test('GIVEN a diagram WHEN the empty canvas is selected THEN the inspector estimates its monthly cost for the stated load', async ({ page }) => {
  await openBlueprint(page, 'Serverless website');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await showPanel(page, 'inspector');
  const estimate = inspector(page).getByRole('region', { name: 'Cost estimate' });
  await expect(estimate.getByTestId('cost-total')).toHaveText('$2.04');
  await estimate.getByLabel('Requests per month').fill('10000000');
  await expect(estimate.getByTestId('cost-total')).toHaveText('$20.19');
  // The canvas may still be settling from the panel opening: click until the node is the selection.
  await expect(async () => {
    await nodeByLabel(page, 'Hello').click();
    await expect(inspector(page).getByRole('heading', { name: 'Hello' })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(inspector(page).getByText(/^Cost: about/)).toContainText('at 10,000,000 requests');
});
