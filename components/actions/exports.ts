/**
 * The page's exports for developers: the diagram as an AWS CDK app (a zip) and as a SAM template.
 * Their writers load on first use, so the designer's first load does not carry them.
 */
import type { Graph } from '@/generators';
import type { DesignerStore } from '@/store/designer';
import { downloadText, downloadUrl } from '../designer/download';

/** "Banking fixed deposits" -> "banking-fixed-deposits". */
const stemOf = (graph: Graph) =>
  graph.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'diagram';

/** Offers files as one zip under a folder; a fixed date keeps the zip the same for the same diagram. */
async function downloadZip(folder: string, files: Record<string, string>) {
  const { zipSync, strToU8 } = await import('fflate');
  const entries = Object.fromEntries(Object.entries(files).map(([path, text]) => [`${folder}/${path}`, [strToU8(text), { mtime: new Date('2026-01-01T00:00:00Z') }]]));
  const url = URL.createObjectURL(new Blob([zipSync(entries as never) as BlobPart], { type: 'application/zip' }));
  downloadUrl(`${folder}.zip`, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function exportCdkZip(store: DesignerStore) {
  const graph = store.getState().graph;
  const { exportCdkApp, CdkExportError } = await import('@/generators/export/cdk/app');
  try {
    const app = exportCdkApp(graph);
    await downloadZip(`${stemOf(graph)}-cdk`, app.files);
    store.getState().notify('info', `Exported the CDK app ${app.stackId} (${Object.keys(app.files).length} files): unzip, npm install, npx cdk deploy`);
  } catch (error) {
    if (!(error instanceof CdkExportError)) throw error;
    store.getState().notify('error', `Cannot export a CDK app: ${error.message}`);
  }
}

/** The SAM template alone, or with its functions' folders in a zip when some function is more than one inline file. */
export async function exportSamTemplate(store: DesignerStore) {
  const graph = store.getState().graph;
  const { exportSam } = await import('@/generators/export/sam/template');
  const sam = exportSam(graph);
  if (Object.keys(sam.files).length === 0) {
    downloadText(`${stemOf(graph)}-sam.yaml`, sam.text, 'application/yaml');
    store.getState().notify('info', 'Exported the SAM template: sam deploy --guided');
    return;
  }
  await downloadZip(`${stemOf(graph)}-sam`, { 'template.yaml': sam.text, ...sam.files });
  store.getState().notify('info', "Exported the SAM template with its functions' code (a zip): sam build, then sam deploy --guided");
}
