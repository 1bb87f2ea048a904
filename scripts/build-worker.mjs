// Bundles the template importer's web worker into public/ (the page starts it by its URL), so the
// import runs off the page's thread with the same code the CLI and the tests run.
import { build } from 'esbuild';

await build({
  entryPoints: ['components/import/import.worker.ts'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  outfile: 'public/workers/import.js',
  alias: { '@': '.' },
  logLevel: 'warning',
});
console.log('built public/workers/import.js');
