/**
 * Where an element's contribution sits in the written template (YAML or JSON): the line ranges of
 * the resources it created, of those it changed, and of the IAM statements it granted.
 */
import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
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

export const NO_HIGHLIGHTS: TemplateHighlights = { created: [], changed: [], statements: [] };

function lineIndex(text: string) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export function locateContribution(text: string, provenance: Provenance | undefined): TemplateHighlights {
  if (!provenance) return NO_HIGHLIGHTS;
  const doc = parseDocument(text, { version: '1.1' });
  const root = doc.contents;
  if (!isMap(root)) return NO_HIGHLIGHTS;
  const resources = root.items.find((p) => isScalar(p.key) && p.key.value === 'Resources')?.value;
  if (!isMap(resources)) return NO_HIGHLIGHTS;
  const lineOf = lineIndex(text);
  const rangeOf = (pair: Pair<unknown, unknown>): LineRange => {
    const key = pair.key as Node;
    const value = pair.value as Node;
    return { from: lineOf(key.range![0]), to: lineOf(Math.max(value.range![1] - 1, key.range![0])) };
  };
  const byId = new Map(resources.items.filter((p) => isScalar(p.key)).map((p) => [String((p.key as { value: unknown }).value), p as Pair<unknown, unknown>]));
  const created = [...provenance.resources].flatMap((id) => (byId.has(id) ? [rangeOf(byId.get(id)!)] : []));
  const changed = [...provenance.touched].flatMap((id) => (byId.has(id) ? [rangeOf(byId.get(id)!)] : []));
  const statements: LineRange[] = [];
  for (const entry of provenance.statements) {
    const [holder, sid] = entry.split('.');
    const resource = byId.get(holder);
    if (!resource) continue;
    const visit = (node: unknown) => {
      if (isMap(node)) {
        const sidPair = node.items.find((p) => isScalar(p.key) && p.key.value === 'Sid' && isScalar(p.value) && p.value.value === sid);
        if (sidPair && node.range) statements.push({ from: lineOf(node.range[0]), to: lineOf(Math.max(node.range[1] - 1, node.range[0])) });
        else node.items.forEach((p) => visit(p.value));
      } else if (node && typeof node === 'object' && 'items' in node) (node as { items: unknown[] }).items.forEach(visit);
    };
    visit(resource.value);
  }
  return { created, changed, statements };
}
