/** Functions for the asset tests: a Node.js one of three files, about 20 KB, with one npm package. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

/** fflate: small and pure JavaScript; scripts/warm-function-packages.ts puts it in npm's cache before the tests build offline. */
export const PACKAGE = { name: 'fflate', version: '0.8.2' };

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett'];

export function threeFileFunction() {
  const rows = Array.from({ length: 470 }, (_, i) => `  { id: ${i}, word: '${WORDS[i % WORDS.length]}', weight: ${(i * 37) % 101} },`);
  const data = `// A table the handler looks words up in.\nmodule.exports = [\n${rows.join('\n')}\n];\n`;
  const format = '// Formatting, in a file of its own.\nexports.describe = (row) => `${row.word} (${row.weight})`;\n';
  const main = [
    "const { gzipSync, gunzipSync, strToU8, strFromU8 } = require('fflate');",
    "const rows = require('./data.js');",
    "const { describe } = require('./format.js');",
    '',
    'exports.handler = async (event) => {',
    '  const picked = rows.filter((row) => row.word === event.word).map(describe);',
    '  // Round-trip through fflate: proof that the package is in the bundle.',
    '  const packed = gzipSync(strToU8(JSON.stringify(picked)));',
    '  return { count: picked.length, first: picked[0], packedBytes: packed.length, same: strFromU8(gunzipSync(packed)) === JSON.stringify(picked) };',
    '};',
    '',
  ].join('\n');
  return { main, files: { 'data.js': data, 'format.js': format }, dependencies: `${PACKAGE.name}@${PACKAGE.version}` };
}

/** Writes a zip's files into a fresh folder, as Lambda unpacks the code. */
export async function unpack(zip: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'eventform-unpacked-'));
  for (const [path, content] of Object.entries(unzipSync(zip))) {
    if (path.endsWith('/')) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}
