/**
 * Reads a CloudFormation or SAM template (YAML with short-form tags, or JSON, which is YAML too)
 * into plain long-form data. Untrusted input, read in linear time: size and nesting are checked
 * before parsing, aliases are counted as they expand, a key written twice is refused, and keys such
 * as __proto__ become ordinary properties of fresh objects.
 *
 * The value comes from js-yaml, which is fast; where something must be located ("line 12, column 7"),
 * the positions are read only then (positions.ts): most templates need no position at all.
 */
import { CORE_SCHEMA, load, Type, YAMLException } from 'js-yaml';
import type { CfnValue } from '../template/cfn';
import { pathText } from './paths';
import { offsetLocator, positionsOf, type SourcePosition } from './positions';
import { KEPT_TAG, KEPT_TAG_KEY, SHORT_FORMS } from '../template/yaml-emitter';

/** CloudFormation itself accepts templates of at most 1 MB (from S3); anything larger is not a template. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Aliases may repeat values, but a document that expands past this many values is an alias bomb. */
const MAX_EXPANDED_VALUES = 200_000;
/** Real templates nest a few dozen levels; anything deeper is refused before the parser sees it. */
const MAX_NESTING = 200;
/** Core tags whose meaning js-yaml keeps; any other `!!` tag is reported and its value kept as read. */
const CORE_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

export type { SourcePosition } from './positions';

export interface SourceProblem extends Partial<SourcePosition> {
  message: string;
}

export class TemplateSourceError extends Error {
  constructor(
    message: string,
    readonly position?: SourcePosition,
  ) {
    super(position ? `line ${position.line}, column ${position.column}: ${message}` : message);
  }
}

export interface TemplateSource {
  value: Record<string, CfnValue>;
  /** Where the value at a path (["Resources", "Queue", "Properties"]) was written, or its nearest parent. */
  locate(path: readonly (string | number)[]): SourcePosition | undefined;
  /** Things kept but worth knowing: tags CloudFormation does not define. */
  warnings: SourceProblem[];
}

const LONG_FORM_BY_TAG = new Map(Object.entries(SHORT_FORMS).map(([long, tag]) => [tag, long]));

/** A value written with a tag, as js-yaml hands it over; converted to long form (or kept) below. */
class Tagged {
  constructor(
    readonly tag: string,
    readonly value: unknown,
  ) {}
}

export const untag = (built: unknown) => (built instanceof Tagged ? built.value : built);

/** Templates written by editors on Windows may carry a byte-order mark; decoding is the reader's job (see decodeTemplate). */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function readTemplateSource(input: string): TemplateSource {
  const text = withoutBom(input);
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TEMPLATE_BYTES) throw new TemplateSourceError(`The file is ${(bytes / 1048576).toFixed(1)} MB; CloudFormation templates are at most 1 MB`);
  if (text.trim() === '') throw new TemplateSourceError('The file is empty');
  const at = offsetLocator(text);
  refuseDeepNesting(text, at);

  let raw: unknown;
  const schema = schemaFor(text);
  try {
    raw = load(text, { schema, json: false });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = error.mark as { position?: number } | undefined;
    throw new TemplateSourceError(describeYamlError(error, text), mark?.position !== undefined ? at(mark.position) : undefined);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Tagged)
    throw new TemplateSourceError('A template is a map with a Resources section; this file holds something else', { line: 1, column: 1 });

  const pending: { path: (string | number)[]; message: string }[] = [];
  let expanded = 0;
  const convert = (value: unknown, path: (string | number)[], depth: number): CfnValue => {
    if (++expanded > MAX_EXPANDED_VALUES) throw new TemplateSourceError(`The document expands to more than ${MAX_EXPANDED_VALUES} values through aliases; refusing it (an "alias bomb")`);
    if (depth > MAX_NESTING) throw new TemplateSourceError(`The document nests more than ${MAX_NESTING} levels deep`);
    if (value instanceof Tagged) return fromTag(value, path, depth);
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return value.map((item, i) => convert(item, [...path, i], depth + 1));
    if (typeof value === 'object') {
      const map: Record<string, CfnValue> = {};
      // defineProperty, so a key named __proto__ is data and never a prototype.
      for (const key of Object.keys(value)) {
        // No template has one, and a diagram file refuses it: refused here too, with where.
        if (key === '__proto__')
          throw new TemplateSourceError(`a key named "__proto__" at ${pathText(path)}: refused (no template has one)`, positionsOf(text, schema, MAX_NESTING, untag).ofKey([...path, key]));
        // defineProperty, so a key named constructor stays data.
        Object.defineProperty(map, key, { value: convert((value as Record<string, unknown>)[key], [...path, key], depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return map;
    }
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
    return String(value);
  };
  const fromTag = ({ tag, value: tagged }: Tagged, path: (string | number)[], depth: number): CfnValue => {
    const value = convert(tagged, path, depth + 1);
    if (tag.startsWith('!!')) {
      pending.push({ path, message: `${tag} at ${pathText(path)} is a YAML type CloudFormation does not read; its value is kept as written, without it` });
      return value;
    }
    const long = LONG_FORM_BY_TAG.get(tag);
    if (long === 'Fn::GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      return { [long]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
    }
    if (long) return { [long]: value };
    if (!KEPT_TAG.test(tag)) {
      pending.push({ path, message: `${tag} at ${pathText(path)} is not a CloudFormation tag and cannot be written back; its value is kept without it` });
      return value;
    }
    pending.push({ path, message: `${tag} at ${pathText(path)} is not a CloudFormation tag; it is kept as written, but CloudFormation will refuse it unless a tool expands it first` });
    return { [KEPT_TAG_KEY]: [tag, value] };
  };

  const value = convert(raw, [], 0) as Record<string, CfnValue>;
  let positions: ReturnType<typeof positionsOf> | undefined;
  const locate = (path: readonly (string | number)[]) => (positions ??= positionsOf(text, schema, MAX_NESTING, untag)).ofKey(path);
  // A tag is reported where the tagged value starts.
  const warnings = pending.map((w) => ({ ...(positions ??= positionsOf(text, schema, MAX_NESTING, untag)).ofValue(w.path), message: w.message }));
  return { value, warnings, locate };
}

/** A schema that knows every tag the text uses, so none is refused: CloudFormation's are turned to long form, others kept or reported. */
export function schemaFor(text: string) {
  const tags = new Set<string>();
  for (const match of text.matchAll(/(?:^|[\s[{,:-])(!!?[A-Za-z0-9][A-Za-z0-9:_.-]*)/g)) if (!CORE_TAGS.has(match[1])) tags.add(match[1]);
  const types = [...tags].flatMap((tag) => {
    // A `!!x` tag is yaml.org's `tag:yaml.org,2002:x`.
    const name = tag.startsWith('!!') ? `tag:yaml.org,2002:${tag.slice(2)}` : tag;
    return (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type(name, { kind, construct: (data: unknown) => new Tagged(tag, data ?? (kind === 'scalar' ? '' : data)) }));
  });
  return CORE_SCHEMA.extend(types);
}

function describeYamlError(error: YAMLException, text: string): string {
  const reason = error.reason ?? error.message.split('\n')[0];
  const position = (error.mark as { position?: number } | undefined)?.position;
  if (/duplicated mapping key/.test(reason)) return `a key is written twice in the same map (${keyAt(text, position ?? 0)}); remove one: they are not merged`;
  const alias = /unidentified alias "([^"]*)"/.exec(reason);
  if (alias) return `the alias *${alias[1]} has no anchor`;
  return reason;
}

/** The key written at an offset (where the parser stopped at a duplicate). */
function keyAt(text: string, offset: number): string {
  const key = /^[\s,]*"?([^"\n:,{}]+?)"?\s*:/.exec(text.slice(offset, offset + 300))?.[1];
  return key ? `"${key.trim()}"` : 'see there';
}

/**
 * Refuses text nested deeper than any template, before the parser (which recurses) sees it: flow
 * collections are counted by their brackets outside quotes and comments, block ones by indentation.
 */
function refuseDeepNesting(text: string, at: (offset: number) => SourcePosition) {
  let depth = 0;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      if (quote !== '"') quote = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        if (++indent > MAX_NESTING * 4) throw new TemplateSourceError(`a line is indented ${indent} spaces deep; templates never nest that far`, at(i));
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    // A quote opens a quoted scalar only where a scalar can start (a quote inside plain text is text).
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) throw new TemplateSourceError(`the document nests more than ${MAX_NESTING} levels deep`, at(i));
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
}

export { pathText } from './paths';
