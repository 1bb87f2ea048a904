/**
 * Reads a CloudFormation or SAM template (YAML with short-form tags, or JSON, which is YAML too)
 * into plain long-form data, remembering where every value was written so that later findings can
 * say "line 12, column 7". Untrusted input: size, alias expansion and duplicate keys are checked,
 * and keys such as __proto__ become ordinary properties.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { CfnValue } from '../template/cfn';
import { KEPT_TAG, KEPT_TAG_KEY, SHORT_FORMS } from '../template/yaml-emitter';

/** CloudFormation itself accepts templates of at most 1 MB (from S3); anything larger is not a template. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Aliases may repeat values, but a document that expands past this many values is an alias bomb. */
const MAX_EXPANDED_VALUES = 200_000;

export interface SourcePosition {
  line: number;
  column: number;
}

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

export function readTemplateSource(text: string): TemplateSource {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_TEMPLATE_BYTES) throw new TemplateSourceError(`The file is ${(bytes / 1048576).toFixed(1)} MB; CloudFormation templates are at most 1 MB`);
  if (text.trim() === '') throw new TemplateSourceError('The file is empty');
  const lineCounter = new LineCounter();
  const where = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, version: '1.2', prettyErrors: false, strict: true, keepSourceTokens: false });
  const error = document.errors[0];
  if (error) {
    const message = error.code === 'DUPLICATE_KEY' ? `a key is written twice in the same map (${duplicateKeyName(text, error.pos[0])}); remove one: they are not merged` : firstLine(error.message);
    throw new TemplateSourceError(message, where(error.pos[0]));
  }
  if (document.contents === null || !isMap(document.contents)) throw new TemplateSourceError('A template is a map with a Resources section; this file holds something else', where(0));

  const positions = new Map<string, number>();
  const warnings: SourceProblem[] = [];
  let expanded = 0;

  const convert = (node: YamlNode | null, path: (string | number)[], depth: number): CfnValue => {
    if (++expanded > MAX_EXPANDED_VALUES) throw new TemplateSourceError(`The document expands to more than ${MAX_EXPANDED_VALUES} values through aliases; refusing it (an "alias bomb")`);
    if (depth > 200) throw new TemplateSourceError('The document nests more than 200 levels deep', node?.range ? where(node.range[0]) : undefined);
    if (node === null) return null;
    if (node.range) positions.set(pathKey(path), node.range[0]);
    if (isAlias(node)) {
      const target = node.resolve(document);
      if (!target) throw new TemplateSourceError(`the alias *${node.source} has no anchor`, where(node.range![0]));
      // An alias repeats its anchor's value: converted again so the count above sees the expansion.
      return convert(target as YamlNode, path, depth + 1);
    }
    let value: CfnValue;
    if (isMap(node)) {
      const map: Record<string, CfnValue> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : null;
        if (key === null) throw new TemplateSourceError('a map key must be plain text', keyNode?.range ? where(keyNode.range[0]) : undefined);
        // defineProperty, so a key named __proto__ is data and never a prototype.
        Object.defineProperty(map, key, { value: convert(pair.value as YamlNode | null, [...path, key], depth + 1), enumerable: true, writable: true, configurable: true });
        if (keyNode?.range) positions.set(pathKey([...path, key]), keyNode.range[0]);
      }
      value = map;
    } else if (isSeq(node)) {
      value = node.items.map((item, i) => convert(item as YamlNode | null, [...path, i], depth + 1));
    } else if (isScalar(node)) {
      value = scalarValue(node.value);
    } else value = null;
    return withTag(node, value, path);
  };

  const withTag = (node: YamlNode, value: CfnValue, path: (string | number)[]): CfnValue => {
    const tag = node.tag;
    if (!tag?.startsWith('!') || tag.startsWith('!!')) return value;
    const long = LONG_FORM_BY_TAG.get(tag);
    if (long === 'Fn::GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      return { [long]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
    }
    if (long) return { [long]: value };
    const position = node.range ? where(node.range[0]) : undefined;
    if (!KEPT_TAG.test(tag)) {
      warnings.push({ ...position, message: `${tag} at ${pathText(path)} is not a CloudFormation tag and cannot be written back; its value is kept without it` });
      return value;
    }
    warnings.push({ ...position, message: `${tag} at ${pathText(path)} is not a CloudFormation tag; it is kept as written, but CloudFormation will refuse it unless a tool expands it first` });
    return { [KEPT_TAG_KEY]: [tag, value] };
  };

  const value = convert(document.contents, [], 0) as Record<string, CfnValue>;
  return {
    value,
    warnings,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const offset = positions.get(pathKey(path.slice(0, n)));
        if (offset !== undefined) return where(offset);
      }
      return undefined;
    },
  };
}

function scalarValue(value: unknown): CfnValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return String(value);
  return String(value);
}

const pathKey = (path: readonly (string | number)[]) => JSON.stringify(path);

export const pathText = (path: readonly (string | number)[]) =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || 'the top level';

const firstLine = (message: string) => message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

function duplicateKeyName(text: string, offset: number): string {
  const line = text.slice(offset).split(/\r?\n/)[0];
  const key = line.match(/^\s*"?([^":]+)"?\s*:/)?.[1];
  return key ? `"${key.trim()}"` : 'see there';
}
