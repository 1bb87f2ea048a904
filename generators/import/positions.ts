/**
 * Where each value of a template was written, by its data path ("line 12, column 7"). Needed only
 * when something must be located (a warning, a refused key), so it is built on demand.
 *
 * js-yaml reports each node it opens and closes; their nesting is the document's tree, and a node's
 * start is where it opened, past spaces and comments. That costs one more js-yaml read, several
 * times faster than the `yaml` library's document tree on large templates. The tree is checked
 * against the values js-yaml built (every map's keys, every list's length): where they disagree
 * (merge keys, anything the events do not mirror) the `yaml` library's tree answers instead.
 */
import { load, type Schema } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export interface SourcePosition {
  line: number;
  column: number;
}

type Path = readonly (string | number)[];

export interface Positions {
  /** A map entry is found at its key; anything else where its value starts (or its nearest parent). */
  ofKey(path: Path): SourcePosition | undefined;
  /** Where the value itself starts (where a tag is written). */
  ofValue(path: Path): SourcePosition | undefined;
}

/** The document's nodes as js-yaml opened and closed them. */
interface Opened {
  start: number;
  children: Opened[];
  kind: string | null;
  result: unknown;
}

class TreeMismatch extends Error {}

/** The collection a schema's type built from a tagged node (the schema's tags wrap what they read). */
export type Untag = (built: unknown) => unknown;

const pathKey = (path: Path) => JSON.stringify(path);

export function positionsOf(text: string, schema: Schema, maxDepth: number, untagged?: Untag): Positions {
  return eventPositions(text, schema, maxDepth, untagged) ?? documentPositions(text, maxDepth);
}

/** Offsets from js-yaml's open and close events, or undefined when the tree does not mirror the values. */
export function eventPositions(text: string, schema: Schema, maxDepth: number, untagged: Untag = (built) => built): Positions | undefined {
  const root: Opened = { start: 0, children: [], kind: null, result: null };
  const stack = [root];
  try {
    load(text, {
      schema,
      json: false,
      listener(event, state) {
        if (event === 'open') {
          const node: Opened = { start: state.position, children: [], kind: null, result: null };
          stack[stack.length - 1].children.push(node);
          stack.push(node);
          return;
        }
        const node = stack.pop()!;
        node.kind = state.kind;
        node.result = state.result;
      },
    });
  } catch {
    return undefined;
  }
  if (root.children.length !== 1) return undefined;
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const walk = (opened: Opened, path: (string | number)[], depth: number) => {
    if (depth > maxDepth) return;
    const node = itself(text, opened);
    values.set(pathKey(path), valueStart(text, node));
    if (node.kind === 'mapping') {
      const written: string[] = [];
      for (let i = 0; i + 1 < node.children.length; i += 2) {
        const key = String(node.children[i].result);
        written.push(key);
        keys.set(pathKey([...path, key]), contentStart(text, node.children[i].start));
        walk(node.children[i + 1], [...path, key], depth + 1);
      }
      if (node.children.length % 2 !== 0 || !sameKeys(written, untagged(node.result))) throw new TreeMismatch();
    } else if (node.kind === 'sequence') {
      const items = untagged(node.result);
      if (!Array.isArray(items) || items.length !== node.children.length) throw new TreeMismatch();
      node.children.forEach((item, i) => walk(item, [...path, i], depth + 1));
    }
    // A scalar's own children are js-yaml's tries at reading it as something else (a map key): not part of it.
  };
  try {
    walk(root.children[0], [], 0);
  } catch (error) {
    if (error instanceof TreeMismatch) return undefined;
    throw error;
  }
  return locator(text, values, keys);
}

/**
 * A node, past the node js-yaml opened around it at the same place to read it: the document around
 * its root, a scalar tried first as a map's key (`- Name` in a list).
 */
function itself(text: string, node: Opened): Opened {
  let inner = node;
  while (inner.children.length === 1 && inner.children[0].kind === inner.kind && contentStart(text, inner.children[0].start) === contentStart(text, inner.start)) inner = inner.children[0];
  return inner;
}

/** The map js-yaml built has exactly the keys written (no merge key added or hid any). */
function sameKeys(written: string[], built: unknown): boolean {
  if (built === null || typeof built !== 'object') return false;
  const builtKeys = Object.keys(built);
  if (builtKeys.length !== written.length) return false;
  const seen = new Set(builtKeys);
  return written.every((key) => seen.has(key));
}

/** An empty value (`Key:` and nothing) is where js-yaml looked for it, as the yaml library places it. */
function valueStart(text: string, node: Opened): number {
  const start = contentStart(text, node.start);
  return node.result === null && node.kind !== 'mapping' && node.kind !== 'sequence' && !NULL_WORD.test(text.slice(start, start + 5)) ? node.start : start;
}

const NULL_WORD = /^(~|null|Null|NULL)(?![^\s,\]}])/;

/**
 * Where a node's value starts, from where js-yaml opened it: past spaces, line breaks and comments,
 * and past its tag and anchor (`!Ref`, `&name`), as the yaml library's tree counts it.
 */
function contentStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */ || c === 0x21 /* ! */ || c === 0x26 /* & */) i = endOfWord(text, i, c === 0x23);
    else break;
  }
  return i;
}

/** The end of a tag or an anchor (at the next space or line break), or of a comment (at the line break). */
function endOfWord(text: string, from: number, toLineEnd: boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || (!toLineEnd && (c === 0x20 || c === 0x09))) break;
    i++;
  }
  return i;
}

/** Offsets from the `yaml` library's document tree: slower, but it reads anything YAML can write. */
export function documentPositions(text: string, maxDepth: number): Positions {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, version: '1.2', prettyErrors: false, keepSourceTokens: false });
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const walk = (node: YamlNode | null, path: (string | number)[], depth: number) => {
    if (!node || depth > maxDepth) return;
    if (node.range) values.set(pathKey(path), node.range[0]);
    if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) continue;
        if (isScalar(pair.key) && pair.key.range) keys.set(pathKey([...path, key]), pair.key.range[0]);
        walk(pair.value as YamlNode | null, [...path, key], depth + 1);
      }
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item as YamlNode | null, [...path, i], depth + 1));
  };
  walk(document.contents as YamlNode | null, [], 0);
  return locator(text, values, keys);
}

function locator(text: string, values: Map<string, number>, keys: Map<string, number>): Positions {
  const at = offsetLocator(text);
  const find = (path: Path, first: Map<string, number>, second: Map<string, number>) => {
    for (let n = path.length; n >= 0; n--) {
      const key = pathKey(path.slice(0, n));
      const offset = first.get(key) ?? second.get(key);
      if (offset !== undefined) return at(offset);
    }
    return undefined;
  };
  return { ofKey: (path) => find(path, keys, values), ofValue: (path) => find(path, values, keys) };
}

/** 1-based line and column of an offset, found by binary search over the line starts. */
export function offsetLocator(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}
