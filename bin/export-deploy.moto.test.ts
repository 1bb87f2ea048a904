/**
 * The exported CDK apps of the blueprints, synthesized with aws-cdk-lib (as `cdk synth` writes
 * cdk.out) and deployed to moto_server: the website and banking apps through `eventform deploy
 * cdk.out/<Stack>.template.json`, all four through the deployment the command and the page share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudFormationClient, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { GetBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../blueprints';
import { exportCdkApp } from '../generators/export/cdk/app';
import { synthApp, writeApp } from '../generators/testing/cdk-synth';
import { importTemplate } from '../generators/import';
import type { DeployEvent } from '../protocol';
import { cdkAssetsBeside } from '../server/deploy/cdk-asset-manifest';
import { carryOutDeployment, planDeployment } from '../server/deploy/deployment';
import { ACKNOWLEDGE_ALL, sharedSandboxForTests } from '../server/sandbox/testing';
import type { Io } from './cli';
import { deployCommand } from './commands/deploy';

const sandbox = sharedSandboxForTests();

/** A blueprint's CDK app, synthesized: the path of its template in cdk.out. */
function synthesized(id: string): string {
  const app = exportCdkApp(BLUEPRINTS.find((b) => b.id === id)!.graph);
  const dir = writeApp(app);
  synthApp(app, dir);
  return join(dir, 'cdk.out', `${app.stackId}.template.json`);
}

describe('exported CDK apps on the local sandbox', () => {
  it.each(['website', 'banking'])(
    'GIVEN the %s blueprint exported as a CDK app and synthesized WHEN eventform deploy is given cdk.out/<Stack>.template.json THEN the function code is published as cdk deploy would and the stack is created',
    async (id) => {
      const err: string[] = [];
      const io: Io = { out: () => undefined, err: (t) => err.push(t) };
      const code = await deployCommand([synthesized(id), '--stack', `cdk-${id}-cli`, '--endpoint', sandbox.endpoint(), '--yes'], io);
      expect(err.join('')).toMatch(/CDK asset [0-9a-f]{12} \(asset\.[0-9a-f]+\): uploaded to cdk-hnb659fds-assets-123456789012-us-east-1/);
      expect(err.join('')).toMatch(new RegExp(`Done: cdk-${id}-cli: CREATE_COMPLETE`));
      expect(code).toBe(0);
    },
    180_000,
  );

  it.each(BLUEPRINTS.map((b) => [b.id] as const))(
    'GIVEN the %s blueprint exported as a CDK app and synthesized WHEN its template is deployed to the sandbox THEN its assets are published and the stack is created',
    async (id) => {
      const path = synthesized(id);
      const imported = importTemplate(readFileSync(path, 'utf8'));
      if (!imported.ok) throw new Error(imported.error);
      const events: DeployEvent[] = [];
      const emit = (e: DeployEvent) => events.push(e);
      const assets = cdkAssetsBeside(path, JSON.parse(readFileSync(path, 'utf8')));
      expect(assets && Object.keys(assets.files).length).toBeGreaterThan(0);
      const plan = await planDeployment(sandbox.env(), imported.graph, `cdk-${id}`, emit, ACKNOWLEDGE_ALL, assets ?? undefined);
      if (plan.kind !== 'changes') throw new Error('expected changes');
      const ok = await carryOutDeployment(sandbox.env(), imported.graph, `cdk-${id}`, plan.changeSetName, emit);
      const failure = events.find((e) => e.type === 'failed');
      expect(failure, JSON.stringify(failure)).toBeUndefined();
      expect(ok).toBe(true);
      expect(events.some((e) => e.type === 'done' && e.ok && e.status === 'CREATE_COMPLETE')).toBe(true);
      if (id === 'image-processing') {
        // CDK's notification custom resource: the uploads bucket triggers the thumbnailer.
        const s3 = new S3Client(sandbox.config());
        const resources = await new CloudFormationClient(sandbox.config()).send(new ListStackResourcesCommand({ StackName: `cdk-${id}` }));
        const uploads = resources.StackResourceSummaries?.find((r) => r.ResourceType === 'AWS::S3::Bucket' && r.LogicalResourceId?.startsWith('Uploads'))?.PhysicalResourceId;
        expect(uploads).toBeDefined();
        const notifications = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: uploads }));
        expect(notifications.LambdaFunctionConfigurations?.[0]?.LambdaFunctionArn).toMatch(/:function:.*Thumbnailer/);
        expect(events.some((e) => e.type === 'phase' && /set .*'s notifications as CDK's UploadsNotifications/.test(e.message))).toBe(true);
      }
    },
    180_000,
  );
});
