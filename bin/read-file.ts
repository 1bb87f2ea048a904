import { readFileSync, statSync } from 'node:fs';
import { decodeText, NotTextError } from '../generators/import/decode';

/**
 * A file named on the command line, read as text: refused before reading when it is not a regular
 * file (a device such as /dev/zero never ends) or is over the limit; UTF-8 and UTF-16 decoded.
 */
export function readTextFile(path: string, limitBytes: number): { ok: true; text: string } | { ok: false; error: string; missing?: boolean } {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch (error) {
    return { ok: false, error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, missing: true };
  }
  if (!stats.isFile()) return { ok: false, error: `${path} is not a regular file` };
  if (stats.size > limitBytes) return { ok: false, error: `${path} is larger than ${(limitBytes / 1048576).toFixed(0)} MiB` };
  try {
    return { ok: true, text: decodeText(readFileSync(path)) };
  } catch (error) {
    if (error instanceof NotTextError) return { ok: false, error: `${path}: ${error.message}` };
    return { ok: false, error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}
