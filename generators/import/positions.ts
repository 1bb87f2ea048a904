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

/** The collection a schema's type built from a tagged node (the schema's tags wrap what they read). */
export type Untag = (built: unknown) => unknown;

const pathKey = (path: Path) => JSON.stringify(path);

export function positionsOf(text: string, schema: Schema, maxDepth: number, untagged?: Untag): Positions {
  return eventPositions(text, schema, maxDepth, untagged) ?? documentPositions(text, maxDepth);
}

/**
 * Offsets from js-yaml's open and close events (undefined when js-yaml cannot read the text); where
 * the events' tree does not mirror a value, the yaml library's tree answers instead.
 */
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
  const top = itself(text, root.children[0]);
  const at = offsetLocator(text);
  // Each map's entries by key, checked against the map js-yaml built when a path first goes through
  // it (null when they differ). Only the nodes on the paths asked for are indexed: a template with a
  // warning for each of its thousands of resources asks for few of its hundred thousand nodes.
  const entries = new Map<Opened, Map<string, { key: Opened; value: Opened }> | null>();
  const entriesOf = (node: Opened) => {
    let byKey = entries.get(node);
    if (byKey === undefined) {
      const found = new Map<string, { key: Opened; value: Opened }>();
      for (let i = 0; i + 1 < node.children.length; i += 2) found.set(String(node.children[i].result), { key: node.children[i], value: node.children[i + 1] });
      byKey = node.children.length % 2 === 0 && sameKeys([...found.keys()], untagged(node.result)) ? found : null;
      entries.set(node, byKey);
    }
    return byKey;
  };
  /** The key and value offsets of the deepest part of the path the document has; null when the events do not mirror a value on the way. */
  const offsets = (path: Path): { key?: number; value?: number } | null => {
    let node = top;
    let found: { key?: number; value?: number } = { value: valueStart(text, node) };
    for (let depth = 0; depth < path.length && depth < maxDepth + 1; depth++) {
      const part = path[depth];
      let child: Opened | undefined;
      let keyNode: Opened | undefined;
      node = itself(text, node);
      if (node.kind === 'mapping') {
        const byKey = entriesOf(node);
        if (byKey === null) return null;
        const entry = typeof part === 'string' ? byKey.get(part) : undefined;
        child = entry?.value;
        keyNode = entry?.key;
      } else if (node.kind === 'sequence') {
        const items = untagged(node.result);
        if (!Array.isArray(items) || items.length !== node.children.length) return null;
        child = typeof part === 'number' ? node.children[part] : undefined;
      }
      // A scalar's own children are js-yaml's tries at reading it as something else (a map key): not part of it.
      if (!child) break;
      // Past the depth limit, a key is still placed, not its value.
      found = { key: keyNode ? contentStart(text, keyNode.start) : undefined, value: depth + 1 <= maxDepth ? valueStart(text, itself(text, child)) : undefined };
      node = child;
    }
    return found;
  };
  let declined: Positions | undefined;
  const find = (path: Path, keyFirst: boolean) => {
    const found = offsets(path);
    if (found === null) {
      // The events do not mirror the values here: the yaml library's tree answers, now and from then on.
      declined ??= documentPositions(text, maxDepth);
      return keyFirst ? declined.ofKey(path) : declined.ofValue(path);
    }
    if (declined) return keyFirst ? declined.ofKey(path) : declined.ofValue(path);
    const offset = keyFirst ? (found.key ?? found.value) : (found.value ?? found.key);
    return offset === undefined ? undefined : at(offset);
  };
  return { ofKey: (path) => find(path, true), ofValue: (path) => find(path, false) };
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
