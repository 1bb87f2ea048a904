'use client';

import { useEffect } from 'react';
import { useDesigner } from '../designer/store-context';

const INFO_LIFETIME_MS = 6000;

/** The last refusal, error or confirmation, announced to screen readers as it appears. */
export function NoticeBar() {
  const notice = useDesigner((s) => s.notice);
  const dismiss = useDesigner((s) => s.dismissNotice);
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(dismiss, INFO_LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <div aria-live="polite" className="min-h-0">
      {notice && (
        <div
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="notice"
          className={`flex items-start justify-between gap-4 border-b px-4 py-2 text-sm ${
            notice.tone === 'error' ? 'border-red-200 bg-red-50 text-red-900' : notice.tone === 'warning' ? 'border-amber-200 bg-amber-50 text-amber-950' : 'border-blue-200 bg-blue-50 text-blue-900'
          }`}
        >
          <span>{notice.message}</span>
          <button type="button" onClick={dismiss} className="shrink-0 underline" aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
