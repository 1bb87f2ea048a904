'use client';

import type { Capability, DeployReview } from '@/generators';

/**
 * What deploying needs and risks, before anything is sent to CloudFormation: the capabilities to
 * acknowledge (as the CloudFormation console asks), dangerous grants, macros and nested stacks, and
 * the resources no node draws.
 */
export function DeployReviewPanel({ review, acknowledged, onAcknowledge }: { review: DeployReview; acknowledged: readonly Capability[]; onAcknowledge: (list: readonly Capability[]) => void }) {
  if (!review.capabilities.length && !review.findings.length && !review.undrawn.length) return null;
  return (
    <section aria-label="Before deploying" className="space-y-2 rounded border border-slate-200 p-2 text-sm">
      <h3 className="font-semibold">Before deploying</h3>
      {review.findings.length > 0 && (
        <ul className="space-y-1" aria-label="What to know">
          {review.findings.map((f) => (
            <li key={f.message} className={f.severity === 'danger' ? 'rounded bg-red-50 px-2 py-1 text-red-900' : 'px-2 text-slate-700'}>
              {f.severity === 'danger' ? <strong>Danger: </strong> : null}
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {review.undrawn.length > 0 && (
        <details>
          <summary className="cursor-pointer text-slate-700">
            {review.undrawn.length} resource{review.undrawn.length > 1 ? 's' : ''} of the template no node draws
          </summary>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">
            {review.undrawn.map((r) => (
              <li key={r.logicalId}>
                {r.logicalId} ({r.type}){r.belongsTo ? `, with ${r.belongsTo}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {review.capabilities.map(({ capability, why }) => (
        <label key={capability} className="flex items-start gap-2">
          <input
            type="checkbox"
            checked={acknowledged.includes(capability)}
            onChange={(e) => onAcknowledge(e.target.checked ? [...acknowledged, capability] : acknowledged.filter((c) => c !== capability))}
          />
          <span>
            I acknowledge {capability}: {why}.
          </span>
        </label>
      ))}
    </section>
  );
}
