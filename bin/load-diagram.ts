import { readTextFile } from './read-file';
import { MAX_FILE_BYTES, parseGraphFile, type Graph } from '../generators';
import { BLUEPRINTS } from '../blueprints';

/**
 * A diagram named on the command line: a blueprint's name or a graph file's path. The importer (and
 * its two YAML libraries) loads only when the file is a template.
 */
export async function loadDiagram(argument: string): Promise<{ ok: true; graph: Graph } | { ok: false; error: string }> {
  const blueprint = BLUEPRINTS.find((b) => b.id === argument);
  if (blueprint) return { ok: true, graph: blueprint.graph };
  const read = readTextFile(argument, MAX_FILE_BYTES);
  if (!read.ok) {
    const known = BLUEPRINTS.map((b) => b.id).join(', ');
    return { ok: false, error: read.missing ? `"${argument}" is neither a blueprint${known ? ` (${known})` : ''} nor a readable file` : read.error };
  }
  const { text } = read;
  const parsed = parseGraphFile(text);
  // A template is a diagram too: imported on the way in, so synth and deploy take it directly.
  if (!parsed.ok && (/\.(ya?ml|template)$/i.test(argument) || parsed.error.includes('CloudFormation template'))) {
    const { importTemplate } = await import('../generators/import');
    const imported = importTemplate(text);
    if (imported.ok) return { ok: true, graph: imported.graph };
    const where = imported.position ? `${argument}:${imported.position.line}:${imported.position.column}` : argument;
    return { ok: false, error: `${where}: ${imported.error.replace(/^line \d+, column \d+: /, '')}` };
  }
  if (!parsed.ok) return { ok: false, error: `${argument}: ${[parsed.error, ...parsed.problems.slice(1)].join('\n  ')}` };
  return { ok: true, graph: parsed.graph };
}
