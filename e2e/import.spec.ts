import { expect, test, type Page } from '@playwright/test';
import { readTemplateSource } from '../generators/import/source';
import { dragToCanvas, freshDesigner, inspector, nodeByLabel, notice, showOutput } from './helpers';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Orders arrive on a queue and a function stores them
Parameters:
  Stage: { Type: String, Default: dev }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Orders:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 180
  Store:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Timeout: 20
      Role: !GetAtt StoreRole.Arn
      Code: { ZipFile: "def handler(event, context):\\n    return None\\n" }
  StoreRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties: { EventSourceArn: !GetAtt Orders.Arn, FunctionName: !Ref Store }
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Condition: IsProd
    Properties:
      AlarmDescription: <img src=x onerror="window.__pwned=1">
      MetricName: ApproximateNumberOfMessagesVisible
      Namespace: AWS/SQS
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 100
      ComparisonOperator: GreaterThanThreshold
Outputs:
  QueueUrl: { Value: !Ref Orders }
`;

/** Drops a file on the canvas the way a file manager does: a drop event carrying a DataTransfer with the file. */
async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/yaml' }));
      return transfer;
    },
    { name, text },
  );
  const canvas = page.getByRole('main', { name: 'Diagram canvas' });
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await canvas.dispatchEvent('drop', { dataTransfer });
}

const meaning = (text: string) => JSON.parse(JSON.stringify(readTemplateSource(text).value));

test('GIVEN a template file WHEN dropped on the canvas THEN its nodes and edges appear, and the downloaded template means the same', async ({ page }) => {
  await freshDesigner(page);
  await dropFile(page, 'orders.yaml', TEMPLATE);
  await expect(notice(page)).toHaveText(/Imported orders\.yaml: 3 nodes \(1 kept as CloudFormation resources\) and 1 connections/);
  for (const name of ['Orders', 'Store', 'Alarm']) await expect(nodeByLabel(page, name)).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge').first()).toContainText('triggers');
  // Labels are text: the alarm's description never becomes markup.
  await nodeByLabel(page, 'Alarm').click();
  await expect(inspector(page).getByText('AWS::CloudWatch::Alarm').first()).toBeVisible();
  await inspector(page).getByText('Show the resources').click();
  await expect(
    inspector(page)
      .getByText(/AlarmDescription: .<img src=x onerror=/)
      .first(),
  ).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Edit one node: only its property changes in the export.
  await nodeByLabel(page, 'Store').click();
  await expect(inspector(page).getByText('From the imported template')).toBeVisible();
  const timeout = inspector(page).getByLabel('Timeout');
  await timeout.fill('45');
  await timeout.press('Enter');

  await showOutput(page, 'Template');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download template.yaml' }).click();
  const file = await download;
  const exported = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  const back = meaning(exported);
  const original = meaning(TEMPLATE);
  expect(back.Resources.Store.Properties.Timeout).toBe(45);
  original.Resources.Store.Properties.Timeout = 45;
  // The layout rides along in Metadata; the rest is the original, edit included.
  expect(Object.keys(back.Metadata)).toEqual(['Eventform::Layout']);
  delete back.Metadata;
  expect(back).toEqual(original);

  // Importing the export again puts every node back where it was.
  const positions = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform));
  await dropFile(page, 'exported.yaml', exported);
  await expect(notice(page)).toHaveText(/Imported exported\.yaml/);
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  expect(await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform))).toEqual(positions);
});

test('GIVEN a broken template WHEN dropped THEN the error says the line and column and the canvas is unchanged', async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon SQS', { x: 200, y: 200 });
  await dropFile(page, 'twice.yaml', 'Resources:\n  Orders:\n    Type: AWS::SQS::Queue\n  Orders:\n    Type: AWS::SNS::Topic\n');
  await expect(notice(page)).toHaveText(/Could not import twice\.yaml: line 4, column 3: a key is written twice in the same map \("Orders"\).*The canvas was left as it was\./);
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(nodeByLabel(page, 'Queue1')).toBeVisible();
});

test('GIVEN the Import template dialog WHEN a template is pasted and imported by keyboard THEN it is drawn, and undo brings the previous diagram back', async ({ page }) => {
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon SNS', { x: 200, y: 200 });
  await page.getByRole('button', { name: 'Import template…' }).click();
  const field = page.getByRole('dialog', { name: 'Import a CloudFormation or SAM template' }).getByLabel('Template text');
  await expect(field).toBeFocused();
  await field.fill(TEMPLATE);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(nodeByLabel(page, 'Store')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nodeByLabel(page, 'Topic1')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
});

test('GIVEN a template on the clipboard WHEN Ctrl+V is pressed on the canvas THEN it is imported, while copied nodes still paste as nodes', async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await freshDesigner(page);
  await dragToCanvas(page, 'Amazon SQS', { x: 200, y: 200 });
  // Copy and paste of nodes is unchanged.
  await nodeByLabel(page, 'Queue1').click();
  await expect(inspector(page).getByRole('region', { name: 'Queue1 properties' })).toBeVisible();
  await page.keyboard.press('Control+c');
  await expect(notice(page)).toHaveText(/Copied 1 node/);
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  await page.evaluate((text) => navigator.clipboard.writeText(text), TEMPLATE);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+v');
  await expect(notice(page)).toHaveText(/Imported pasted template: 3 nodes/);
  await expect(nodeByLabel(page, 'Store')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // Copying nodes replaces the template on the clipboard: Ctrl+V then pastes nodes, not the template again.
  await nodeByLabel(page, 'Orders').click();
  await expect(inspector(page).getByRole('region', { name: 'Orders properties' })).toBeVisible();
  await page.keyboard.press('Control+c');
  await expect(notice(page)).toHaveText(/Copied 1 node/);
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(nodeByLabel(page, 'Orders1')).toBeVisible();
  await context.close();
});

const AS_WRITTEN = `Transform: AWS::Serverless-2016-10-31
Parameters:
  Runtime: { Type: String, Default: nodejs22.x }
Resources:
  Carts:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: cart_id, AttributeType: S }]
      KeySchema: [{ AttributeName: cart_id, KeyType: HASH }]
  Legacy:
    Type: AWS::Serverless::Function
    Properties: { Runtime: nodejs18.x, Handler: app.handler, CodeUri: s3://builds/legacy.zip }
  Chosen:
    Type: AWS::Serverless::Function
    Properties: { Runtime: !Ref Runtime, Handler: app.handler, CodeUri: s3://builds/chosen.zip }
`;

test('GIVEN an imported template WHEN its nodes are selected THEN the inspector shows the template’s values, and what it keeps as written says why', async ({ page }) => {
  await freshDesigner(page);
  await page.getByRole('button', { name: 'Import template…' }).click();
  await page.getByRole('dialog', { name: 'Import a CloudFormation or SAM template' }).getByLabel('Template text').fill(AS_WRITTEN);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await nodeByLabel(page, 'Carts').click();
  const keys = inspector(page).getByTestId('as-written').filter({ hasText: 'Partition key' }).first();
  await expect(keys).toContainText('cart_id');
  await expect(keys).toContainText("As in the template: a table's keys cannot change without replacing it");
  await nodeByLabel(page, 'Legacy').click();
  await expect(inspector(page).getByLabel('Runtime')).toHaveValue('nodejs18.x');
  await nodeByLabel(page, 'Chosen').click();
  await expect(inspector(page).getByTestId('as-written').filter({ hasText: 'Runtime' })).toContainText('${Runtime}');
  await expect(inspector(page).getByTestId('as-written').filter({ hasText: 'Runtime' })).toContainText('the template computes it when the stack is deployed');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByRole('list', { name: 'Problems' }).getByRole('button', { name: /Legacy runs nodejs18\.x, which Lambda deprecated on 2025-09-01/ })).toBeVisible();
});
