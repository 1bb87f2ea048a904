import type { Graph } from './model';

/** Node names become the base of CloudFormation logical ids, which allow only A-Z, a-z and 0-9. */
const MAX_NAME_LENGTH = 64;

export function nameProblem(graph: Graph, name: string, ownId?: string): string | null {
  const format = nameFormatProblem(name);
  if (format) return format;
  const clash = graph.nodes.find((n) => n.id !== ownId && n.name.toLowerCase() === name.toLowerCase());
  return clash ? nameTakenProblem(clash.name) : null;
}

export const nameTakenProblem = (taken: string) => `Another node is already named ${taken}: names must be unique (ignoring case)`;

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

let collator: Intl.Collator | undefined;

/**
 * An identifier character's place when case is ignored: _ before digits before letters, as
 * Unicode's collation puts them; -1 for any other character.
 */
function primaryWeight(code: number): number {
  if (code === 95) return 0;
  if (code >= 48 && code <= 57) return code - 47;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return (code | 32) - 86;
  return -1;
}

/**
 * Names in the order `Intl.Collator('en')` sorts them (case ignored first, then lower case before
 * upper case), computed directly for identifiers: the first use of a collator loads ICU's
 * collation data, which costs a short command 10 ms. Other text goes to the collator itself. The
 * locale is fixed: the generated template's order never depends on the machine's language.
 */
export function compareNames(a: string, b: string): number {
  // One pass: checks that both are identifiers (every character, not only up to the first
  // difference) and finds their first difference when case is ignored.
  let primary = 0;
  for (let i = 0; i < a.length || i < b.length; i++) {
    const weightA = i < a.length ? primaryWeight(a.charCodeAt(i)) : 0;
    const weightB = i < b.length ? primaryWeight(b.charCodeAt(i)) : 0;
    if (weightA < 0 || weightB < 0) {
      collator ??= new Intl.Collator('en');
      return collator.compare(a, b);
    }
    if (primary === 0 && i < a.length && i < b.length && weightA !== weightB) primary = weightA < weightB ? -1 : 1;
  }
  if (primary !== 0) return primary;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a.charCodeAt(i) > b.charCodeAt(i) ? -1 : 1;
  }
  return 0;
}
