import type { Graph } from './model';

/** Node names become the base of CloudFormation logical ids, which allow only A-Z, a-z and 0-9. */
const MAX_NAME_LENGTH = 64;

export function nameProblem(graph: Graph, name: string, ownId?: string): string | null {
  const format = nameFormatProblem(name);
  if (format) return format;
  const clash = graph.nodes.find((n) => n.id !== ownId && n.name.toLowerCase() === name.toLowerCase());
  if (clash) return `Another node is already named ${clash.name}: names must be unique (ignoring case)`;
  return null;
}

/** What is wrong with a name as a logical-id base, whatever the other names are. */
export function nameFormatProblem(name: string): string | null {
  if (name.length === 0) return 'A name is required';
  if (name.length > MAX_NAME_LENGTH) return `A name is at most ${MAX_NAME_LENGTH} characters: it becomes the base of CloudFormation logical ids`;
  if (!/^[A-Za-z]/.test(name)) return 'A name must start with a letter: it becomes the base of CloudFormation logical ids';
  const invalid = [...new Set(name.replace(/[A-Za-z0-9]/g, ''))];
  if (invalid.length > 0) {
    const shown = invalid.map((c) => (c === ' ' ? 'space' : `"${c}"`)).join(', ');
    return `A name may contain only letters and digits (not ${shown}): it becomes the base of CloudFormation logical ids`;
  }
  return null;
}

/** The first free name of the form Base1, Base2, ... (or the name itself when it is free); `taken` holds lower-case names. */
export function uniqueName(graph: Graph | ReadonlySet<string>, base: string, tryBareFirst = false): string {
  const taken = graph instanceof Set ? graph : new Set((graph as Graph).nodes.map((n) => n.name.toLowerCase()));
  const clean = base.replace(/[^A-Za-z0-9]/g, '').replace(/^[0-9]+/, '') || 'Node';
  const stem = clean.replace(/[0-9]+$/, '') || clean;
  if (tryBareFirst && !taken.has(clean.toLowerCase()) && clean.length <= MAX_NAME_LENGTH) return clean;
  for (let i = 1; ; i++) {
    const candidate = `${stem.slice(0, MAX_NAME_LENGTH - String(i).length)}${i}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
