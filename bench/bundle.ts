/**
 * Designer first-load JavaScript: what a browser really downloads to show the designer (the
 * dynamically imported designer chunk included), gzip-compressed, next to the figure Next.js
 * records for the route. Target: at most 300 KiB gzip.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { launchChromium, startApp } from './server';

const TARGET_KIB = 300;

async function main() {
  const app = await startApp({ rebuild: process.argv.includes('--rebuild') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scripts = new Map<string, Buffer>();
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
    });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'AWS Lambda' }).waitFor();
    await page.waitForLoadState('networkidle');
    let raw = 0;
    let gzip = 0;
    for (const body of scripts.values()) {
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
    }
    const stats = JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8')) as { route: string; firstLoadUncompressedJsBytes: number }[];
    const route = stats.find((s) => s.route === '/');
    console.log(`scripts loaded by the designer: ${scripts.size}`);
    console.log(`designer first-load JS: ${(raw / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`);
    if (route) console.log(`Next.js route stats for "/" (static chunks only, before the designer chunk): ${(route.firstLoadUncompressedJsBytes / 1024).toFixed(1)} KiB raw`);
    console.log(`target: <= ${TARGET_KIB} KiB gzip; ratio to target: ${(gzip / 1024 / TARGET_KIB).toFixed(2)} (${gzip / 1024 <= TARGET_KIB ? 'met' : 'NOT met'})`);
  } finally {
    await browser.close();
    app.stop();
  }
}

void main();
