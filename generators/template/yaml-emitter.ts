/**
 * A CloudFormation-shaped YAML emitter: block style, short-form intrinsic tags, literal blocks for
 * code. Written by hand because a general YAML library spends ~30x longer on large templates (the
 * 1,000-node benchmark); the yaml library still reads templates, and tests read every emitted
 * template back with it and compare.
 */
import type { CfnValue } from './cfn';

export const SHORT_FORMS: Record<string, string> = {
  Ref: '!Ref',
  'Fn::GetAtt': '!GetAtt',
  'Fn::Sub': '!Sub',
  'Fn::Join': '!Join',
  'Fn::Select': '!Select',
  'Fn::Split': '!Split',
  'Fn::If': '!If',
  'Fn::Equals': '!Equals',
  'Fn::Not': '!Not',
  'Fn::And': '!And',
  'Fn::Or': '!Or',
  'Fn::FindInMap': '!FindInMap',
  'Fn::Base64': '!Base64',
  'Fn::Cidr': '!Cidr',
  'Fn::GetAZs': '!GetAZs',
  'Fn::ImportValue': '!ImportValue',
  'Fn::Transform': '!Transform',
  'Fn::Length': '!Length',
  'Fn::ToJsonString': '!ToJsonString',
  Condition: '!Condition',
};

/**
 * A tag CloudFormation does not define (!Rain::Embed...), kept by the importer as
 * { "Fn::Eventform::Tag": ["!Rain::Embed", value] } and written back as the tag it was. A marker
 * no template uses, so no ordinary map is ever mistaken for a tag.
 */
export const KEPT_TAG_KEY = 'Fn::Eventform::Tag';
export const KEPT_TAG = /^![A-Za-z0-9:_.-]+$/;

const YAML11_WORDS = /^(y|yes|n|no|true|false|on|off|null|~)$/i;
const SAFE_PLAIN = /^[A-Za-z_$/(][^\n\r\t#]*$/;

const scalars = new Map<string, string>();

/** A scalar string as written: plain when YAML 1.1 reads it back as that same string, else double-quoted. */
function scalar(text: string): string {
  // Templates repeat the same keys and values (Type, Properties, Effect, Allow...) thousands of times.
  let written = scalars.get(text);
  if (written === undefined) {
    written = writeScalar(text);
    if (scalars.size > 50_000) scalars.clear();
    scalars.set(text, written);
  }
  return written;
}

function writeScalar(text: string): string {
  const plain =
    SAFE_PLAIN.test(text) &&
    !YAML11_WORDS.test(text) &&
    !text.includes(': ') &&
    !text.endsWith(':') &&
    !text.endsWith(' ') &&
    !/^[.]?\d/.test(text) &&
    !/^[-+]?[0-9.eE_]*$/.test(text) &&
    !/^\.(inf|nan)$/i.test(text) &&
    !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text);
  return plain ? text : JSON.stringify(text);
}

type Map = { [key: string]: CfnValue };
const isMap = (v: CfnValue): v is Map => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The only key of a map, or undefined (without allocating a key array: this runs for every map). */
function soleKey(value: Map): string | undefined {
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}

function isEmptyMap(value: Map): boolean {
  for (const _ in value) return false;
  return true;
}

function intrinsic(value: Map): { tag: string; arg: CfnValue } | undefined {
  const key = soleKey(value);
  if (key === undefined) return undefined;
  if (key === KEPT_TAG_KEY) {
    const kept = value[key];
    return Array.isArray(kept) && kept.length === 2 && typeof kept[0] === 'string' && KEPT_TAG.test(kept[0]) && (typeof kept[1] === 'string' || (kept[1] !== null && typeof kept[1] === 'object'))
      ? { tag: kept[0], arg: kept[1] }
      : undefined;
  }
  // Own keys only: a map whose one key is "constructor" is data, not a tag.
  const tag = Object.hasOwn(SHORT_FORMS, key) ? SHORT_FORMS[key] : undefined;
  const arg = value[key];
  // A tag carries text or a collection; anything else stays a plain map so it reads back the same.
  return tag && (typeof arg === 'string' || (arg !== null && typeof arg === 'object')) ? { tag, arg } : undefined;
}

/** Literal blocks keep code readable; strings a literal block cannot carry exactly are quoted instead. */
function literalBlock(text: string): { header: string; lines: string[] } | undefined {
  if (text.indexOf('\n') === -1) return undefined;
  if (!text.includes('\n') || /^[ \t]/.test(text) || /[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) return undefined;
  const body = text.replace(/\n+$/, '');
  const trailing = text.length - body.length;
  const header = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  const lines = body.split('\n');
  if (trailing > 1) for (let i = 1; i < trailing; i++) lines.push('');
  if (lines.some((l) => /^[ \t]*$/.test(l) && l.length > 0)) return undefined;
  return { header, lines };
}

/** The value on the same line as its key or dash, or undefined when it needs a block. */
function inline(value: CfnValue): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'string') return literalBlock(value) ? undefined : scalar(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isEmptyMap(value)) return '{}';
  const fn = intrinsic(value);
  if (!fn) return undefined;
  const { tag, arg } = fn;
  if (tag === '!GetAtt' && Array.isArray(arg) && arg.length === 2 && arg.every((a) => typeof a === 'string')) return `${tag} ${scalar(`${arg[0]}.${arg[1]}`)}`;
  if (typeof arg === 'string' && !literalBlock(arg)) return `${tag} ${scalar(arg)}`;
  if (Array.isArray(arg) && arg.length === 0) return `${tag} []`;
  if (isMap(arg) && isEmptyMap(arg)) return `${tag} {}`;
  return undefined;
}

/** `head` followed by the value's block lines (for a value that is not inline). */
function blockAfter(head: string, value: CfnValue, indent: number, out: string[]) {
  if (typeof value === 'string') {
    const block = literalBlock(value)!;
    out.push(`${head} ${block.header}`);
    const pad = padOf(indent);
    for (const line of block.lines) out.push(line ? pad + line : '');
    return;
  }
  const fn = isMap(value) ? intrinsic(value) : undefined;
  if (fn) {
    const arg = fn.arg;
    if (typeof arg === 'string') return blockAfter(`${head} ${fn.tag}`, arg, indent, out);
    out.push(`${head} ${fn.tag}`);
    return block(arg, indent, out);
  }
  out.push(head);
  block(value, indent, out);
}

const PADS = Array.from({ length: 64 }, (_, i) => ' '.repeat(i));
const padOf = (indent: number) => PADS[indent] ?? ' '.repeat(indent);

function block(value: CfnValue, indent: number, out: string[]) {
  const pad = padOf(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = inline(item);
      if (text !== undefined) {
        out.push(`${pad}- ${text}`);
        continue;
      }
      const plainCollection = (Array.isArray(item) || isMap(item)) && !(isMap(item) && intrinsic(item));
      if (plainCollection) {
        const start = out.length;
        block(item, indent + 2, out);
        out[start] = `${pad}- ${out[start].slice(indent + 2)}`;
      } else blockAfter(`${pad}-`, item, indent + 2, out);
    }
    return;
  }
  if (isMap(value)) {
    for (const key in value) {
      const item = value[key];
      const head = `${pad}${scalar(key)}:`;
      const text = inline(item);
      if (text !== undefined) out.push(`${head} ${text}`);
      else blockAfter(head, item, indent + 2, out);
    }
  }
}

export function emitYaml(document: CfnValue): string {
  const text = inline(document);
  if (text !== undefined) return `${text}\n`;
  const out: string[] = [];
  block(document, 0, out);
  return `${out.join('\n')}\n`;
}
