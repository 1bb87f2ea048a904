/**
 * A function's sources: its main file, the other files beside it and, for Node.js, the npm
 * packages it uses. Kept in two text props (a JSON object of files, a list of packages) so that
 * diagrams, share links and the file format stay plain; read and checked here, once.
 */

/** How many other files, and how large all the sources may be. */
export const MAX_FILES = 50;
const FILE_PATH = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;
const MAIN_FILES = new Set(['index.py', 'index.js']);
/** An npm package at an exact version: reproducible builds, and a name npm accepts. */
const PACKAGE = /^((?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;
export const MAX_DEPENDENCIES = 20;

/** The other files, or null when the text is not a valid set of files. Empty text is no files. */
export function parseFiles(text: string): Record<string, string> | null {
  if (!text.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const files: Record<string, string> = {};
  for (const [path, content] of Object.entries(parsed)) {
    if (typeof content !== 'string') return null;
    files[path] = content;
  }
  return files;
}

export function filesProblem(text: string): string | null {
  const files = parseFiles(text);
  if (!files) return 'Other files must be a JSON object of file path to text';
  const paths = Object.keys(files);
  if (paths.length > MAX_FILES) return `A function may have at most ${MAX_FILES} other files`;
  for (const path of paths) {
    if (!FILE_PATH.test(path) || path.split('/').some((part) => part === '..' || part === '.')) return `"${path.slice(0, 80)}" is not a file path: letters, digits, _ . - and / between names`;
    if (MAIN_FILES.has(path)) return `${path} is the main file: edit it as the function's code`;
    if (path === 'package.json' || path.startsWith('node_modules/')) return `${path} is written when the function is built: list packages under npm packages instead`;
  }
  return null;
}

/** The npm packages, by name, or null when the text is not a valid list. */
export function parseDependencies(text: string): Record<string, string> | null {
  const entries = text
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const packages: Record<string, string> = {};
  for (const entry of entries) {
    const match = PACKAGE.exec(entry);
    if (!match) return null;
    packages[match[1]] = match[2];
  }
  return packages;
}

export function dependenciesProblem(text: string): string | null {
  const packages = parseDependencies(text);
  if (!packages) {
    const bad = text.split(/[\s,]+/).find((e) => e && !PACKAGE.test(e)) ?? text;
    return `"${bad.slice(0, 80)}" is not a package at an exact version (name@1.2.3)`;
  }
  if (Object.keys(packages).length > MAX_DEPENDENCIES) return `A function may list at most ${MAX_DEPENDENCIES} npm packages`;
  return null;
}

/** What a function is built from. */
export interface FunctionSources {
  language: 'nodejs' | 'python';
  /** The main file's name: index.js or index.py (the handler is index.handler). */
  entry: string;
  /** Every file, the main one included, by path. */
  files: Record<string, string>;
  dependencies: Record<string, string>;
}

export const mainFileOf = (language: FunctionSources['language']) => (language === 'nodejs' ? 'index.js' : 'index.py');
