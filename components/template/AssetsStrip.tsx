'use client';

import { useEffect, useState } from 'react';
import { serializeGraph } from '@/generators';
import { assetKey, type FunctionAsset } from '@/generators/template/asset';
import { post } from '../deploy/api';
import { useDesignerStore } from '../designer/store-context';

interface Built {
  logicalId: string;
  key: string;
  bytes?: number;
  unzippedBytes?: number;
  fileCount?: number;
  error?: string;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/**
 * The functions whose code is built into a zip: the key the template refers to, what goes in, and
 * (asked of the server, which builds them as a deploy would) how large each zip is.
 */
export function AssetsStrip({ assets }: { assets: readonly FunctionAsset[] }) {
  const store = useDesignerStore();
  const [built, setBuilt] = useState<Record<string, Built>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const ids = assets.map((a) => a.id).join(' ');
  // Rebuilt when the set of assets (their ids) changes, not on every edit elsewhere.
  useEffect(() => {
    if (!ids) return;
    let current = true;
    const timer = setTimeout(() => {
      post<{ assets: Built[] }>('/api/assets', { diagram: JSON.parse(serializeGraph(store.getState().graph)) })
        .then((answer) => {
          if (!current) return;
          setBuilt(Object.fromEntries(answer.assets.map((a) => [a.key, a])));
          setFailure(null);
        })
        .catch((error: Error) => current && setFailure(error.message));
    }, 800);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [ids, store]);
  if (assets.length === 0) return null;
  return (
    <section aria-label="Function code built into zips" className="border-b border-slate-200 bg-amber-50 px-3 py-1 text-xs text-slate-700">
      <ul>
        {assets.map((asset) => {
          const packages = Object.entries(asset.dependencies).map(([n, v]) => `${n}@${v}`);
          const size = built[assetKey(asset)];
          return (
            <li key={asset.id} data-testid="asset">
              <strong>{asset.logicalId}</strong>: code in <code>{assetKey(asset)}</code> in the staging bucket ({Object.keys(asset.files).length} file{Object.keys(asset.files).length === 1 ? '' : 's'}
              {packages.length ? `, ${packages.join(', ')}` : ''}),{' '}
              {size?.bytes !== undefined ? (
                <span data-testid="asset-size">
                  {mib(size.bytes)} zipped, {mib(size.unzippedBytes ?? 0)} unzipped, {size.fileCount} files
                </span>
              ) : size?.error ? (
                <span className="text-red-700">could not be built: {size.error}</span>
              ) : failure ? (
                <span>size known when built ({failure})</span>
              ) : (
                <span>building to measure it…</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
