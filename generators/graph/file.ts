/**
 * The diagram file (`*.eventform.json`) and the autosave share this format. Reading is defensive:
 * files are untrusted, so size, syntax, structure and every property are checked and the first
 * problems are reported with where they are; a file that fails leaves nothing half-loaded.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { validateProps, withDefaults, type Props } from '../props/spec';
import { checkConnection } from '../rules/connect';
import { serviceOf } from '../services/registry';
import type { CfnValue } from '../template/cfn';
import { GRAPH_FORMAT, GRAPH_VERSION, MAX_FILE_BYTES, MAX_FILE_NESTING } from './limits';
import { edgeClaimProblem, nodeClaimProblem, ownershipOfTemplate } from './origin-claims';
import { MIGRATIONS } from './migrations';
import { checkedNode, type Graph, type GraphEdge, type GraphNode, type WrittenValue } from './model';
import { nameFormatProblem, nameTakenProblem } from './names';
import { appendEdge, indexGraph, type GraphIndex } from './index-graph';
import validateStructure from './structure-validator.generated';
import { ruleFor } from '../rules/table';

export type ParsedGraph = { ok: true; graph: Graph; migratedFrom?: number } | { ok: false; error: string; problems: string[] };

const MAX_REPORTED = 8;

/** The structural schema, compiled by ajv ahead of time (structure-validator.ts says why). */
const structureValidator = () => validateStructure as ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null };

export function serializeGraph(graph: Graph): string {
  const file = {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    name: graph.name,
    nodes: graph.nodes.map(({ id, kind, name, position, props, note, origin }) => ({
      id,
      kind,
      name,
      position: { x: position.x, y: position.y },
      props,
      ...(note ? { note } : {}),
      ...(origin ? { origin } : {}),
    })),
    edges: graph.edges.map(({ id, source, target, props, note, origin }) => ({ id, source, target, props, ...(note ? { note } : {}), ...(origin ? { origin } : {}) })),
    ...(graph.template ? { template: graph.template } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const failure = (error: string, problems: string[] = []): ParsedGraph => ({ ok: false, error, problems });

class ProtoKeyError extends Error {}

/**
 * The offset where the text's brackets first nest past the limit (strings skipped), or null: checked
 * before anything recurses into it. Strings are skipped with indexOf: most of a diagram's text is in them.
 */
function nestingPastLimit(text: string): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = closingQuote(text, i);
      if (i < 0) return null;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_FILE_NESTING) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

/** The offset of the quote that closes the string opened at `open` (one not escaped by a backslash), or -1. */
function closingQuote(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** A template as fresh plain objects holding JSON values only (a file's parsed objects are never kept). */
function freshJson(value: unknown): CfnValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(freshJson);
  const copy: Record<string, CfnValue> = {};
  for (const key of Object.keys(value as object)) {
    // Refused when the file was parsed; never assigned, since assigning it would set the copy's prototype.
    if (key === '__proto__') throw new Error('A key named "__proto__" reached the copy of the template: the file should have been refused');
    copy[key] = freshJson((value as Record<string, unknown>)[key]);
  }
  return copy;
}

export function parseGraphFile(text: string): ParsedGraph {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) return failure(`The file is ${(bytes / 1048576).toFixed(1)} MiB; a diagram file may be at most ${MAX_FILE_BYTES / 1048576} MiB`);
  const tooDeep = nestingPastLimit(text);
  if (tooDeep !== null) return failure(`The file nests more than ${MAX_FILE_NESTING} levels deep (at character ${tooDeep}): no diagram does, so it is refused`);
  let data: unknown;
  try {
    // A key named __proto__ is refused, never merged or silently dropped. JSON can spell a key only
    // as written or with \u escapes: a text with neither cannot hold one, and is read without the
    // (three times slower) check of every key.
    data =
      text.includes('__proto__') || text.includes('\\u')
        ? JSON.parse(text, (key, value) => {
            if (key === '__proto__') throw new ProtoKeyError();
            return value;
          })
        : JSON.parse(text);
  } catch (error) {
    if (error instanceof ProtoKeyError) return failure('The file holds a key named "__proto__": refused (no diagram has one)');
    return failure(`The file is not valid JSON: ${describeJsonError(text, error as Error)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return failure('The file is not an Eventform diagram: it should be a JSON object');
  const file = data as Record<string, unknown>;
  if (file.format !== GRAPH_FORMAT) {
    const looksLikeTemplate = 'Resources' in file || 'AWSTemplateFormatVersion' in file;
    return failure(looksLikeTemplate ? 'This is a CloudFormation template, not an Eventform diagram' : `The file is not an Eventform diagram: "format" should be "${GRAPH_FORMAT}"`);
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return failure('The file has no valid format "version" (a whole number)');
  if (version > GRAPH_VERSION) return failure(`The file was written by a newer Eventform (format version ${version}); this one reads versions up to ${GRAPH_VERSION}`);
  let current: Record<string, unknown> = file;
  for (let v = version; v < GRAPH_VERSION; v++) current = MIGRATIONS[v](current);

  const validate = structureValidator();
  if (!validate(current)) {
    const problems = (validate.errors ?? [])
      .slice(0, MAX_REPORTED)
      .map((e) => `${pathOf(e.instancePath)}: ${e.message}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`);
    return failure(`The diagram file is malformed at ${problems[0]}`, problems);
  }
  const checked = buildGraph(current as unknown as RawFile);
  if (checked.problems.length > 0) return failure(`The diagram is invalid at ${checked.problems[0]}`, checked.problems.slice(0, MAX_REPORTED));
  return version < GRAPH_VERSION ? { ok: true, graph: checked.graph, migratedFrom: version } : { ok: true, graph: checked.graph };
}

interface RawFile {
  name?: string;
  template?: Graph['template'];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Rebuilds the graph from fresh objects (never the parsed ones), checking what a schema cannot. */
function buildGraph(file: RawFile): { graph: Graph; problems: string[] } {
  const problems: string[] = [];
  const template = file.template ? (freshJson(file.template) as Graph['template']) : undefined;
  const graph: Graph = { name: file.name ?? 'Untitled diagram', nodes: [], edges: [], ...(template ? { template } : {}) };
  // What each imported node and edge may claim: the template's own ownership, as the importer decides it.
  const owned = template ? ownershipOfTemplate(template) : undefined;
  const templateResources = (file.template?.Resources ?? {}) as Record<string, unknown>;
  const ids = new Set<string>();
  // Names ignoring case (the first node with each): each name is checked in constant time.
  const nameTaken = new Map<string, string>();
  const claimId = (id: string, where: string) => {
    if (ids.has(id)) problems.push(`${where}.id: the id "${id}" is used twice`);
    ids.add(id);
  };
  file.nodes.forEach((raw, i) => {
    const where = `nodes[${i}]`;
    claimId(raw.id, where);
    const lowerName = raw.name.toLowerCase();
    const taken = nameTaken.get(lowerName);
    const nameIssue = nameFormatProblem(raw.name) ?? (taken !== undefined ? nameTakenProblem(taken) : null);
    if (nameIssue) problems.push(`${where}.name: ${nameIssue}`);
    if (taken === undefined) nameTaken.set(lowerName, raw.name);
    const props = withDefaults(serviceOf(raw.kind).props, raw.props);
    for (const issue of validateProps(serviceOf(raw.kind).props, props)) problems.push(`${where}.props.${issue.key}: ${issue.message}`);
    let origin: GraphNode['origin'];
    if (raw.origin) {
      if (!file.template) problems.push(`${where}.origin: the node says it was imported, but the file holds no template`);
      const missing = raw.origin.logicalIds.find((id) => !Object.hasOwn(templateResources, id));
      if (file.template && missing) problems.push(`${where}.origin: the template has no resource ${missing}`);
      const unknown = raw.origin.bound.find((key) => !serviceOf(raw.kind).props.some((s) => s.key === key));
      if (unknown) problems.push(`${where}.origin.bound: ${raw.kind} has no prop ${unknown}`);
      const unknownWritten = Object.keys(raw.origin.written ?? {}).find((key) => !serviceOf(raw.kind).props.some((s) => s.key === key));
      if (unknownWritten) problems.push(`${where}.origin.written: ${raw.kind} has no prop ${unknownWritten}`);
      const claim = owned && !missing ? nodeClaimProblem(owned, raw.kind, raw.origin.logicalIds) : null;
      if (claim) problems.push(`${where}.origin: ${claim}`);
      origin = { logicalIds: [...raw.origin.logicalIds], props: { ...raw.origin.props }, bound: [...raw.origin.bound], ...copyWritten(raw.origin.written) };
    }
    const node = checkedNode({
      id: raw.id,
      kind: raw.kind,
      name: raw.name,
      position: { x: raw.position.x, y: raw.position.y },
      props: props as Props,
      ...(raw.note ? { note: raw.note } : {}),
      ...(origin ? { origin } : {}),
    });
    graph.nodes.push(node);
  });
  if (problems.length > 0) return { graph, problems };
  // The ids are unique from here: the graph's index finds each edge's ends (and grows with each edge, appendEdge).
  const index = indexGraph(graph);
  file.edges.forEach((raw, i) => {
    const where = `edges[${i}]`;
    claimId(raw.id, where);
    // An imported edge is evidence from the template: it needs a rule for its pair of kinds, not the
    // checks that keep a person from drawing a second or a looping connection.
    const check = raw.origin ? importedEdgeCheck(graph, index, raw) : checkConnection(graph, raw.source, raw.target);
    if (!check.ok) {
      problems.push(`${where}: ${check.reason}`);
      return;
    }
    const rule = ruleFor(index.node(raw.source)!.kind, index.node(raw.target)!.kind)!;
    const props = withDefaults(rule.props, raw.props);
    for (const issue of validateProps(rule.props, props)) problems.push(`${where}.props.${issue.key}: ${issue.message}`);
    const unknownWritten = Object.keys(raw.origin?.written ?? {}).find((key) => !rule.props.some((s) => s.key === key));
    if (unknownWritten) problems.push(`${where}.origin.written: the connection has no prop ${unknownWritten}`);
    const origin = raw.origin ? { evidence: [...raw.origin.evidence], logicalIds: [...raw.origin.logicalIds], ...copyWritten(raw.origin.written) } : undefined;
    const claim = owned && origin ? edgeClaimProblem(owned, origin.logicalIds) : null;
    if (claim) problems.push(`${where}.origin: ${claim}`);
    // Indexed as it is added: the next edge's check sees it without indexing the graph again.
    appendEdge(graph, { id: raw.id, source: raw.source, target: raw.target, props: props as Props, ...(raw.note ? { note: raw.note } : {}), ...(origin ? { origin } : {}) });
  });
  return { graph, problems };
}

/** The values an imported element shows as written, copied field by field (the file is not trusted). */
function copyWritten(written: Record<string, WrittenValue> | undefined): { written?: Record<string, WrittenValue> } {
  if (!written || Object.keys(written).length === 0) return {};
  return { written: Object.fromEntries(Object.entries(written).map(([key, { value, why }]) => [key, { value, why }])) };
}

function importedEdgeCheck(graph: Graph, index: GraphIndex, raw: GraphEdge): { ok: true } | { ok: false; reason: string } {
  const source = index.node(raw.source);
  const target = index.node(raw.target);
  if (!source || !target) return { ok: false, reason: `the edge joins a node that does not exist (${!source ? raw.source : raw.target})` };
  if (!graph.template) return { ok: false, reason: 'the edge says it was imported, but the file holds no template' };
  return ruleFor(source.kind, target.kind) ? { ok: true } : { ok: false, reason: `no connection from ${source.kind} to ${target.kind} exists` };
}

function pathOf(instancePath: string): string {
  if (!instancePath) return 'the top level';
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

const JSON_PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'unexpected content after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'a control character inside a string',
};

/**
 * Browsers and Node word JSON errors differently and some give no position at all, so the first
 * problem is located with a tolerant JSON scanner and reported as line:column.
 */
function describeJsonError(text: string, error: Error): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return error.message;
  const { offset } = errors[0];
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const code = printParseErrorCode(errors[0].error);
  return `line ${line}, column ${column}: ${JSON_PROBLEMS[code] ?? code}`;
}
