import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
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
