/** Starts the production build on a free loopback port for a benchmark, and stops it afterwards. */
import { spawn, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../server/sandbox/moto';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config';

export { freePort };

export async function startApp(options: { rebuild?: boolean } = {}): Promise<{ url: string; stop: () => void }> {
  if (options.rebuild || !existsSync('.next/BUILD_ID')) execSync('node scripts/build-worker.mjs && npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunch, headless: true });
}

export { median } from './median';
