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
    // A YAML 1.1 float may omit the digits before its exponent: "E-0" and "e5" read back as numbers.
    !/^[-+]?[0-9._]*(?:[eE][-+]?[0-9][0-9_]*)?$/.test(text) &&
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

/**
 * The argument of the tag intrinsic() last found, set with it: a large template has tens of
 * thousands of !Ref and !GetAtt, and returning each as a pair made that much garbage.
 */
let tagArg: CfnValue = null;

/** The short-form tag a map stands for (its argument is then in `tagArg`), or undefined. */
function intrinsic(value: Map): string | undefined {
  const key = soleKey(value);
  if (key === undefined) return undefined;
  if (key === KEPT_TAG_KEY) {
    const kept = value[key];
    if (!(Array.isArray(kept) && kept.length === 2 && typeof kept[0] === 'string' && KEPT_TAG.test(kept[0]) && (typeof kept[1] === 'string' || (kept[1] !== null && typeof kept[1] === 'object'))))
      return undefined;
    tagArg = kept[1];
    return kept[0];
  }
  // Own keys only: a map whose one key is "constructor" is data, not a tag.
  const tag = Object.hasOwn(SHORT_FORMS, key) ? SHORT_FORMS[key] : undefined;
  const arg = value[key];
  // A tag carries text or a collection; anything else stays a plain map so it reads back the same.
  if (!tag || !(typeof arg === 'string' || (arg !== null && typeof arg === 'object'))) return undefined;
  tagArg = arg;
  return tag;
}

/** Literal blocks keep code readable; strings a literal block cannot carry exactly are quoted instead. */
function literalBlock(text: string): LiteralBlock | undefined {
  if (text.indexOf('\n') === -1) return undefined;
  // Functions of a large diagram share their code: each text is checked once.
  let block = literalBlocks.get(text);
  if (block === undefined) {
    block = asLiteralBlock(text);
    if (literalBlocks.size > 5_000) literalBlocks.clear();
    literalBlocks.set(text, block);
  }
  return block ?? undefined;
}

interface LiteralBlock {
  header: string;
  lines: string[];
  /**
   * Its lines as written at an indent, encoded once: functions share their code, which is half of
   * a large template's bytes, and each copy is then one copy of bytes.
   */
  written: globalThis.Map<number, Uint8Array>;
}

const literalBlocks = new Map<string, LiteralBlock | null>();

function asLiteralBlock(text: string): LiteralBlock | null {
  if (/^[ \t]/.test(text) || /[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) return null;
  const body = text.replace(/\n+$/, '');
  const trailing = text.length - body.length;
  const header = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  const lines = body.split('\n');
  if (trailing > 1) for (let i = 1; i < trailing; i++) lines.push('');
  if (lines.some((l) => /^[ \t]*$/.test(l) && l.length > 0)) return null;
  return { header, lines, written: new Map() };
}

const encoder = new TextEncoder();

function writtenAt(block: LiteralBlock, indent: number): Uint8Array {
  let bytes = block.written.get(indent);
  if (bytes === undefined) {
    const pad = ' '.repeat(indent);
    bytes = encoder.encode(block.lines.map((line) => (line ? `${pad}${line}\n` : '\n')).join(''));
    block.written.set(indent, bytes);
  }
  return bytes;
}

/**
 * Whether the value goes on the same line as its key or dash (else it needs a block); with `out`,
 * it is also written there. One function answers both, so the two can never disagree.
 */
function inline(value: CfnValue, out?: Output): boolean {
  // Asked first without `out` (is it inline?), then with it: the text is made only when written.
  if (value === null) return !out || put(out, 'null');
  if (typeof value === 'boolean') return !out || put(out, value ? 'true' : 'false');
  if (typeof value === 'number') return !out || put(out, Number.isFinite(value) ? String(value) : JSON.stringify(String(value)));
  if (typeof value === 'string') return !literalBlock(value) && (!out || put(out, scalar(value)));
  if (Array.isArray(value)) return value.length === 0 && (!out || put(out, '[]'));
  if (isEmptyMap(value)) return !out || put(out, '{}');
  const tag = intrinsic(value);
  if (!tag) return false;
  const arg = tagArg;
  if (tag === '!GetAtt' && Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && typeof arg[1] === 'string') return !out || putTagged(out, tag, scalar(`${arg[0]}.${arg[1]}`));
  if (typeof arg === 'string') return !literalBlock(arg) && (!out || putTagged(out, tag, scalar(arg)));
  if (Array.isArray(arg)) return arg.length === 0 && (!out || putTagged(out, tag, '[]'));
  return isMap(arg) && isEmptyMap(arg) && (!out || putTagged(out, tag, '{}'));
}

function put(out: Output, text: string): true {
  out.write(text);
  return true;
}

function putTagged(out: Output, tag: string, text: string): true {
  out.write(tag);
  out.write(' ');
  out.write(text);
  return true;
}

/**
 * The output as UTF-8 bytes in one growing buffer, decoded once at the end: a 1,000-node template is
 * about 3 MB of text, and building it from strings (lines joined, or one string grown by `+=`)
 * left the garbage collector most of the work and made the time vary run to run.
 */
class Output {
  /** Kept between templates (emitting is synchronous): a large template's buffer is grown once, not each time. */
  private static spare = new Uint8Array(1 << 16);
  private bytes = Output.spare;
  private length = 0;
  write(text: string) {
    if (this.length + text.length * 3 > this.bytes.length) this.grow(text.length * 3);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        at += encoder.encodeInto(text.slice(i), bytes.subarray(at)).written;
        break;
      }
      bytes[at++] = code;
    }
    this.length = at;
  }

  /** Bytes already encoded. */
  copy(encoded: Uint8Array) {
    if (this.length + encoded.length > this.bytes.length) this.grow(encoded.length);
    this.bytes.set(encoded, this.length);
    this.length += encoded.length;
  }

  /** `count` spaces. */
  pad(count: number) {
    if (this.length + count > this.bytes.length) this.grow(count);
    this.bytes.fill(0x20, this.length, this.length + count);
    this.length += count;
  }

  text(): string {
    return new TextDecoder().decode(this.bytes.subarray(0, this.length));
  }

  private grow(room: number) {
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + room));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    // Up to 16 MiB is kept for the next template; a larger one (never a real template) is let go.
    if (grown.length <= 1 << 24) Output.spare = grown;
  }
}

/**
 * A line's start: the indent's spaces or, on the first line of a collection inside a list, its
 * lead: the dashes of the lists that start on that line (`dashes`), after the outermost's indent.
 */
function lineStart(out: Output, indent: number, leadIndent: number, dashes: number) {
  if (dashes === 0) return out.pad(indent);
  out.pad(leadIndent);
  for (let i = 0; i < dashes; i++) out.write('- ');
}

/** The rest of a line whose head (`key:` or `-`) is written: the value's block, for a value that is not inline. */
function blockAfter(value: CfnValue, indent: number, out: Output) {
  if (typeof value === 'string') {
    const block = literalBlock(value)!;
    out.write(` ${block.header}\n`);
    out.copy(writtenAt(block, indent));
    return;
  }
  const tag = isMap(value) ? intrinsic(value) : undefined;
  if (tag) {
    const arg = tagArg;
    out.write(' ');
    out.write(tag);
    if (typeof arg === 'string') return blockAfter(arg, indent, out);
    out.write('\n');
    return block(arg, indent, out);
  }
  out.write('\n');
  block(value, indent, out);
}

/**
 * The block lines of a collection at `indent`. A collection inside a list starts on the dash's
 * line: its first line starts with the lead (`dashes` dashes after `leadIndent` spaces, the same
 * width) instead of the indent's spaces.
 */
function block(value: CfnValue, indent: number, out: Output, leadIndent = 0, dashes = 0) {
  let first = true;
  if (Array.isArray(value)) {
    // Indexed, not for-of: this recursive function often runs unoptimized, where for-of makes an
    // iterator result per item (a megabyte of garbage per large template).
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (inline(item)) {
        if (first) lineStart(out, indent, leadIndent, dashes);
        else out.pad(indent);
        first = false;
        out.write('- ');
        inline(item, out);
        out.write('\n');
      } else if ((Array.isArray(item) || isMap(item)) && !(isMap(item) && intrinsic(item))) {
        if (first && dashes > 0) block(item, indent + 2, out, leadIndent, dashes + 1);
        else block(item, indent + 2, out, indent, 1);
        first = false;
      } else {
        if (first) lineStart(out, indent, leadIndent, dashes);
        else out.pad(indent);
        first = false;
        out.write('-');
        blockAfter(item, indent + 2, out);
      }
    }
    return;
  }
  if (isMap(value)) {
    for (const key in value) {
      const item = value[key];
      if (first) lineStart(out, indent, leadIndent, dashes);
      else out.pad(indent);
      first = false;
      out.write(scalar(key));
      out.write(':');
      if (inline(item)) {
        out.write(' ');
        inline(item, out);
        out.write('\n');
      } else blockAfter(item, indent + 2, out);
    }
  }
}

export function emitYaml(document: CfnValue): string {
  const out = new Output();
  if (inline(document)) {
    inline(document, out);
    out.write('\n');
  } else block(document, 0, out);
  return out.text();
}
