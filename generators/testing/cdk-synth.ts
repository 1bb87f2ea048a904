/**
 * Test and benchmark support (Node only): writes an exported CDK app to a folder and synthesizes its
 * stack in this process with the project's aws-cdk-lib, as `cdk synth` would.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Template } from '../template/cfn';
import type { CdkApp } from '../export/cdk/app';

export function writeApp(app: CdkApp, dir = mkdtempSync(join(tmpdir(), 'eventform-cdk-'))): string {
  for (const [path, text] of Object.entries(app.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const projectRequire = createRequire(join(process.cwd(), 'package.json'));

/** Synthesizes the app's stack (written at `dir`) and returns its template. */
export function synthApp(app: CdkApp, dir: string): Template {
  const entry = join(dir, app.stackFile);
  const bundled = buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', write: false, external: ['aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'], logLevel: 'silent' });
  const code = bundled.outputFiles[0].text;
  const module = { exports: {} as Record<string, unknown> };
  // The stack finds its function folders from __dirname: the bundle runs as if it were the stack file.
  new Function('require', 'module', 'exports', '__dirname', '__filename', code)(projectRequire, module, module.exports, dirname(entry), entry);
  const cdk = projectRequire('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const cdkApp = new cdk.App({ outdir: join(dir, 'cdk.out') });
  const Stack = module.exports[app.stackClass] as new (scope: unknown, id: string) => unknown;
  new Stack(cdkApp, app.stackId);
  return cdkApp.synth().getStackByName(app.stackId).template as Template;
}
