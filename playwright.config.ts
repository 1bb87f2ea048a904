import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

/**
 * A port the system says is free, chosen once by the runner and handed to its workers through the
 * environment: a server left over from another run, or another suite's, never answers these tests.
 */
function freePort(): string {
  const probe = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}
process.env.E2E_PORT ??= freePort();
const port = Number(process.env.E2E_PORT);
/** The launch token the tests' server is started with; pages open `/#token=...` as `npm start` prints it. */
export const E2E_TOKEN = 'e2e-launch-token-0123456789abcdefghijklmnop';

/** Debian's Chromium with the flags these machines need (no browser download, no background network). */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 860 },
    launchOptions: chromiumLaunch,
    trace: 'off',
  },
  webServer: {
    // The test script builds first; this only serves the build, on loopback.
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Function assets install npm packages from the local cache only: the tests never reach the network.
    env: { NEXT_TELEMETRY_DISABLED: '1', EVENTFORM_TOKEN: E2E_TOKEN, EVENTFORM_NPM_OFFLINE: '1' },
  },
});
