/**
 * The asset manifest `cdk synth` writes beside a stack's template (`X.assets.json`): which files
 * the template's function code comes from and where they must be published. Reading it needs no
 * AWS client, so a command looks for it without loading S3 (server/deploy/cdk-assets.ts publishes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileAsset {
  source: { path: string; packaging?: 'zip' | 'file' };
  destinations: Record<string, { bucketName: string; objectKey: string }>;
}

export interface CdkAssets {
  /** The cdk.out folder. */
  dir: string;
  files: Record<string, FileAsset>;
  /** The SSM parameter the template's BootstrapVersion reads, when it has one. */
  bootstrapParameter?: string;
}

/** The asset manifest beside a synthesized template (`X.template.json` and `X.assets.json`), if any. */
export function cdkAssetsBeside(templatePath: string, template: object): CdkAssets | null {
  if (!templatePath.endsWith('.template.json')) return null;
  const manifestPath = join(dirname(templatePath), `${basename(templatePath, '.template.json')}.assets.json`);
  if (!existsSync(manifestPath)) return null;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files?: Record<string, FileAsset> };
  const files = Object.fromEntries(Object.entries(manifest.files ?? {}).filter(([, a]) => !a.source.path.endsWith('.template.json')));
  const bootstrap = (template as { Parameters?: Record<string, { Default?: unknown }> }).Parameters?.BootstrapVersion?.Default;
  return { dir: dirname(templatePath), files, ...(typeof bootstrap === 'string' ? { bootstrapParameter: bootstrap } : {}) };
}
