'use client';

import { LAUNCH_TOKEN_FRAGMENT, LAUNCH_TOKEN_HEADER } from '@/protocol';

const KEY = 'eventform:launch-token';

/**
 * Takes the launch token from the address (`#token=...`, as `npm start` prints it), keeps it for
 * this origin's tabs and removes it from the address bar, so it is neither bookmarked nor shared.
 */
export function takeLaunchToken() {
  const fragment = window.location.hash.replace(/^#/, '');
  if (!fragment.startsWith(LAUNCH_TOKEN_FRAGMENT)) return;
  const token = fragment.slice(LAUNCH_TOKEN_FRAGMENT.length);
  if (/^[A-Za-z0-9_-]{32,128}$/.test(token)) window.localStorage.setItem(KEY, token);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

/** The headers every call to this app's API carries. */
export function launchHeaders(): Record<string, string> {
  const token = typeof window === 'undefined' ? null : window.localStorage.getItem(KEY);
  return token ? { [LAUNCH_TOKEN_HEADER]: token } : {};
}
