import { analyze, parseGraphFile } from '@/generators';
import { assetKey } from '@/generators/template/asset';
import { AssetBuildError, buildAsset } from '@/server/assets/build';
import { guard, readJson, refuse } from '@/server/http/guard';

/**
 * Builds the function zips of a diagram, as a deploy would, and says how large each is: the
 * template pane shows it. The diagram is synthesized here, from the graph (a template or zip sent
 * by a page is never trusted); built zips are cached, so a deploy reuses them.
 */
export async function POST(request: Request) {
  const refused = guard(request, true);
  if (refused) return refused;
  const body = await readJson<{ diagram?: unknown }>(request);
  if (body instanceof Response) return body;
  const parsed = parseGraphFile(JSON.stringify(body.diagram ?? null));
  if (!parsed.ok) return refuse(400, parsed.error);
  const assets = [];
  for (const asset of analyze(parsed.graph).synthesis.assets) {
    try {
      const built = await buildAsset(asset);
      assets.push({ logicalId: asset.logicalId, key: assetKey(asset), bytes: built.bytes, unzippedBytes: built.unzippedBytes, fileCount: built.fileCount });
    } catch (error) {
      if (!(error instanceof AssetBuildError)) throw error;
      assets.push({ logicalId: asset.logicalId, key: assetKey(asset), error: error.message });
    }
  }
  return Response.json({ assets });
}
