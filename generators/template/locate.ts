/**
 * Where an element's contribution sits in the written template: the line ranges of the resources it
 * created, of those it changed, and of the IAM statements it granted. It reads the text our own
 * writers produce (block YAML, two-space JSON) line by line: fast enough to run on every selection
 * of a template tens of thousands of lines long.
 */
import type { Provenance } from './builder';

export interface LineRange {
  from: number;
  to: number;
}

export interface TemplateHighlights {
  created: LineRange[];
  changed: LineRange[];
  statements: LineRange[];
}

const NO_HIGHLIGHTS: TemplateHighlights = { created: [], changed: [], statements: [] };

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The block that starts at `start`: the following lines indented deeper than it (YAML), or up to its closing brace (JSON). */
function blockEnd(lines: string[], start: number, json: boolean): number {
  const indent = indentOf(lines[start]);
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (json ? indentOf(line) === indent && /^\s*[}\]]/.test(line) : indentOf(line) <= indent) return json ? i : i - 1;
  }
  return lines.length - 1;
}

export function locateContribution(text: string, provenance: Provenance | undefined): TemplateHighlights {
  if (!provenance) return NO_HIGHLIGHTS;
  const json = text.trimStart().startsWith('{');
  const lines = text.split('\n');
  const resourcesLine = lines.findIndex((l) => (json ? l === '  "Resources": {' : l === 'Resources:'));
  if (resourcesLine < 0) return NO_HIGHLIGHTS;
  const resourcesEnd = blockEnd(lines, resourcesLine, json);
  const keyIndent = json ? 4 : 2;
  const resourceAt = new Map<string, LineRange>();
  for (let i = resourcesLine + 1; i <= resourcesEnd; i++) {
    const line = lines[i];
    if (indentOf(line) !== keyIndent) continue;
    const match = json ? /^\s*"([^"]+)": \{$/.exec(line) : /^\s*("?)([^":]+)\1:$/.exec(line);
    if (!match) continue;
    const id = json ? match[1] : match[2];
    resourceAt.set(id, { from: i + 1, to: blockEnd(lines, i, json) + 1 });
  }
  const rangesOf = (ids: Iterable<string>) => [...ids].flatMap((id) => (resourceAt.has(id) ? [resourceAt.get(id)!] : []));
  const statements: LineRange[] = [];
  for (const entry of provenance.statements) {
    const dot = entry.indexOf('.');
    const holder = resourceAt.get(entry.slice(0, dot));
    const sid = entry.slice(dot + 1);
    if (!holder) continue;
    for (let i = holder.from - 1; i < holder.to; i++) {
      const line = lines[i];
      if (json) {
        if (line.trim() !== `"Sid": ${JSON.stringify(sid)},` && line.trim() !== `"Sid": ${JSON.stringify(sid)}`) continue;
        // The statement is the object around the Sid: its opening brace is the nearest line above, one level out.
        const indent = indentOf(line) - 2;
        let open = i - 1;
        while (open > 0 && !(indentOf(lines[open]) === indent && lines[open].trim() === '{')) open--;
        statements.push({ from: open + 1, to: blockEnd(lines, open, true) + 1 });
      } else if (line.trim() === `- Sid: ${sid}` || line.trim() === `- Sid: ${JSON.stringify(sid)}`) {
        statements.push({ from: i + 1, to: blockEnd(lines, i, false) + 1 });
      }
    }
  }
  return { created: rangesOf(provenance.resources), changed: rangesOf(provenance.touched), statements };
}
