/**
 * Template -> diagram. Every resource of the template ends up owned by a node or an edge, and the
 * template itself is kept on the graph, so exporting writes back exactly what was read except
 * what the user has changed since (see template/imported.ts).
 */
import { autoLayout } from '../graph/layout';
import { parseGraphFile, serializeGraph } from '../graph/file';
import { MAX_FILE_BYTES, MAX_NOTE_LENGTH } from '../graph/limits';
import { checkedNode, type Graph, type GraphEdge, type Position, type WrittenValue } from '../graph/model';
import { nameFormatProblem, uniqueName } from '../graph/names';
import { validateValue, withDefaults, type PropSpec, type PropValue, type Props } from '../props/spec';
import { ruleFor } from '../rules/table';
import { SERVICE_KINDS, serviceOf, type ServiceKind } from '../services/registry';
import type { ImpliedSource, ImportBinding } from '../services/types';
import { findCycle } from '../template/analysis';
import type { CfnValue } from '../template/cfn';
import { coerce, keptAsWritten } from './written';
import { bindingPaths, findRaw, referencesWithPaths } from './references';
import { claimConnectors, recoverEdges, type RecoveredEdge } from './edges';
import { withKindViews, withNamedArnsResolved } from './references';
import { LAYOUT_KEY, readLayout } from './layout-metadata';
import { planOwnership, typeOf, type RawResource } from './ownership';
import { pathText, readTemplateSource, TemplateSourceError, type SourcePosition, type SourceProblem } from './source';

export { MAX_TEMPLATE_BYTES } from './source';
export { withLayout } from './layout-metadata';

export interface ImportReport {
  graph: Graph;
  /** Kept, but worth knowing: unknown tags, dangling references, wiring that cannot be drawn. */
  warnings: SourceProblem[];
}

export type ImportResult = ({ ok: true } & ImportReport) | { ok: false; error: string; position?: SourcePosition };

export interface ImportOptions {
  name?: string;
  /** Filled with the milliseconds each phase took (parse, ownership, edges, nodes, layout, checks): they add up to the import. */
  phases?: Record<string, number>;
}

export function importTemplate(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return { ok: true, ...readTemplate(text, options) };
  } catch (error) {
    if (error instanceof TemplateSourceError) return { ok: false, error: error.message, ...(error.position ? { position: error.position } : {}) };
    throw error;
  }
}

function readTemplate(text: string, options: ImportOptions): ImportReport {
  let since = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    if (options.phases) options.phases[phase] = (options.phases[phase] ?? 0) + (now - since);
    since = now;
  };
  const source = readTemplateSource(text);
  lap('parse');
  const document = source.value;
  const fail = (message: string, path: (string | number)[]): never => {
    throw new TemplateSourceError(message, source.locate(path));
  };
  if (document.format === 'eventform/graph') fail('This is an Eventform diagram, not a template: open it with Open', []);
  const rawResources = document.Resources;
  if (rawResources === undefined) fail('The template has no Resources section', []);
  if (!rawResources || typeof rawResources !== 'object' || Array.isArray(rawResources)) fail('Resources must be a map of logical ids to resources', ['Resources']);
  const resources = rawResources as Record<string, RawResource>;
  if (Object.keys(resources).length === 0) fail('Resources is empty: a template declares at least one resource', ['Resources']);
  for (const [id, resource] of Object.entries(resources)) {
    if (!/^[A-Za-z0-9]+$/.test(id)) fail(`the logical id "${id}" may contain only letters and digits`, ['Resources', id]);
    if (!resource || typeof resource !== 'object' || Array.isArray(resource)) fail(`${id} must be a map with a Type`, ['Resources', id]);
    if (typeof resource.Type !== 'string' || resource.Type === '') fail(`${id} has no Type`, ['Resources', id]);
    if (!RESOURCE_TYPE.test(String(resource.Type)))
      fail(`${id}'s Type "${String(resource.Type).slice(0, 80)}" is not a resource type (AWS::Service::Resource or Custom::Name)`, ['Resources', id, 'Type']);
    if (resource.Properties !== undefined && (typeof resource.Properties !== 'object' || resource.Properties === null || Array.isArray(resource.Properties)))
      fail(`${id}.Properties must be a map`, ['Resources', id, 'Properties']);
  }

  const warnings: SourceProblem[] = [...source.warnings];
  const warn = (message: string, path: (string | number)[]) => warnings.push({ ...source.locate(path), message });

  let connectors: RecoveredEdge[] = [];
  const named = withKindViews(resources, document.Parameters);
  const wiring = withNamedArnsResolved(named);
  const ownership = planOwnership(named, (kindOf) => {
    connectors = claimConnectors(wiring, kindOf);
    return new Set(connectors.flatMap((c) => c.logicalIds));
  });
  for (const connector of connectors) connector.logicalIds.push(...connector.logicalIds.flatMap((id) => ownership.connectorChildren.get(id) ?? []));
  lap('ownership');
  const kindOf = new Map<string, ServiceKind>(ownership.nodes.map((n) => [n.primary, n.kind]));
  // Nodes the template uses without defining them (the default bus of its SAM events), by key.
  const implied = new Map<string, { id: string; kind: ServiceKind; drawn: NonNullable<ImpliedSource['drawn']> }>();
  const imply = (kind: ServiceKind, source: ImpliedSource) => {
    const id = `~${source.key}`;
    if (!implied.has(source.key)) implied.set(source.key, { id, kind, drawn: source.drawn! });
    kindOf.set(id, kind);
    return id;
  };
  const nodeOfKey = (key: string) => ownership.sharedNodes.get(key) ?? implied.get(key)?.id;
  const nodeOfParameter = (parameter: string) => {
    if (Object.hasOwn(resources, parameter)) return undefined;
    for (const kind of SERVICE_KINDS) {
      const key = serviceOf(kind).imports.parameterKey?.(parameter);
      const id = key === undefined ? undefined : nodeOfKey(key);
      if (id) return id;
    }
    return undefined;
  };
  const sharedKeyOf = new Map([...ownership.sharedNodes].map(([key, primary]) => [primary, key]));
  const nameOf = (node: string) => {
    const key = sharedKeyOf.get(node);
    return (key !== undefined && serviceOf(kindOf.get(node)!).imports.sharedName?.(key)) || node;
  };
  const recovered = recoverEdges(
    { resources: wiring, nodes: ownership.nodes, ownerOf: ownership.ownerOf, kindOf, sharedNodes: ownership.sharedNodes, imply, nodeOfParameter, nodeOfKey, nameOf, notice: warn },
    connectors,
  );
  lap('edges');

  const layout = readLayout(document.Metadata);
  const graph: Graph = { name: (options.name ?? 'Imported template').slice(0, 200), nodes: [], edges: [] };
  const nodeIdOf = new Map<string, string>();
  const taken = new Set<string>();
  const names = new Set<string>();
  const freshId = (wanted: string) => {
    let id = wanted.slice(0, 64);
    for (let i = 2; taken.has(id); i++) id = `${wanted.slice(0, 60)}_${i}`;
    taken.add(id);
    return id;
  };
  for (const plan of ownership.nodes) {
    const resource = resources[plan.primary];
    const { props, bound, written } = readProps(plan.kind, resource, document);
    const remembered = layout?.nodes[plan.primary];
    const sharedKey = sharedKeyOf.get(plan.primary);
    const wanted = remembered?.name ?? (sharedKey !== undefined ? (serviceOf(plan.kind).imports.sharedName?.(sharedKey) ?? plan.primary) : plan.primary);
    // Names are checked against a set of those taken so far: a template of thousands of resources stays linear.
    const name = nameFormatProblem(wanted) || names.has(wanted.toLowerCase()) ? uniqueName(names, wanted) : wanted;
    names.add(name.toLowerCase());
    const node = checkedNode({
      id: freshId(`n_${plan.primary}`),
      kind: plan.kind,
      name,
      position: remembered ? { x: remembered.x, y: remembered.y } : { x: 0, y: 0 },
      props,
      ...(remembered?.note ? { note: remembered.note.slice(0, MAX_NOTE_LENGTH) } : {}),
      origin: { logicalIds: [plan.primary, ...plan.children], props, bound, ...(Object.keys(written).length ? { written } : {}) },
    });
    nodeIdOf.set(plan.primary, node.id);
    graph.nodes.push(node);
  }

  for (const { id, kind, drawn: source } of implied.values()) {
    const name = names.has(source.name.toLowerCase()) ? uniqueName(names, source.name) : source.name;
    names.add(name.toLowerCase());
    // Not imported: it stands for no resource of the template, and (the default bus) generates none.
    const node = checkedNode({
      id: freshId(`n_${source.name}`),
      kind,
      name,
      position: { x: 0, y: 0 },
      props: { ...(withDefaults(serviceOf(kind).props, {}) as Props), ...source.props },
      note: source.note,
      // Outside the template yet named by it (a bus given as a parameter): read, not added, so nothing is generated for it.
      ...(source.written ? { origin: { logicalIds: [], props: {}, bound: [], written: source.written } } : {}),
    });
    nodeIdOf.set(id, node.id);
    graph.nodes.push(node);
  }

  const edges = new Map<string, GraphEdge>();
  for (const edge of recovered) {
    const id = freshId(`e_${nodeIdOf.get(edge.source)!.slice(2)}_${nodeIdOf.get(edge.target)!.slice(2)}`);
    edges.set(`${edge.source}->${edge.target}`, {
      id,
      source: nodeIdOf.get(edge.source)!,
      target: nodeIdOf.get(edge.target)!,
      props: edge.props,
      origin: { evidence: edge.evidence, logicalIds: edge.logicalIds, ...(Object.keys(edge.written).length ? { written: edge.written } : {}) },
    });
  }
  // Edges drawn in Eventform whose wiring leaves no reference (names built from the stack id).
  for (const [from, to, drawn] of layout?.edges ?? []) {
    const source = nodeIdOf.get(from);
    const target = nodeIdOf.get(to);
    const rule = source && target ? ruleFor(kindOf.get(from)!, kindOf.get(to)!) : undefined;
    if (!rule) continue;
    const recoveredEdge = edges.get(`${from}->${to}`);
    if (recoveredEdge) {
      // Drawn in Eventform and recovered from the wiring: the props it was drawn with are the truth.
      recoveredEdge.props = validDrawnProps(rule.props, { ...recoveredEdge.props, ...drawn });
      continue;
    }
    edges.set(`${from}->${to}`, {
      id: freshId(`e_${from}_${to}`),
      source: source!,
      target: target!,
      props: validDrawnProps(rule.props, drawn ?? {}),
      origin: { evidence: [`drawn in Eventform (Metadata ${LAYOUT_KEY})`], logicalIds: [] },
    });
  }
  graph.edges = [...edges.values()];
  lap('nodes');

  const remembered = (n: (typeof graph.nodes)[number]) => (n.origin ? layout?.nodes[n.origin.logicalIds[0]] : undefined);
  if (!layout || graph.nodes.some((n) => !remembered(n))) {
    const laid = autoLayout(graph);
    graph.nodes = graph.nodes.map((n) => (remembered(n) ? n : { ...n, position: laid.get(n.id) as Position }));
  }
  lap('layout');

  warnDangling(document, resources, warn);
  warnDependencyCycle(resources, warn);
  graph.template = withoutLayout(document);
  // What the importer writes, the app must be able to open again (and autosave): checked here, once.
  const written = serializeGraph(graph);
  const bytes = new TextEncoder().encode(written).length;
  if (bytes > MAX_FILE_BYTES) fail(`The diagram of this template would be ${(bytes / 1048576).toFixed(1)} MiB; diagrams are at most ${MAX_FILE_BYTES / 1048576} MiB, so it could not be saved`, []);
  const reopened = parseGraphFile(written);
  if (!reopened.ok) fail(`The template could not be turned into a diagram the app can open again: ${reopened.error}`, []);
  lap('checks');
  return { graph, warnings };
}

/** The props an edge was drawn with, as far as they are still valid; defaults for the rest. */
function validDrawnProps(specs: readonly PropSpec[], drawn: Record<string, PropValue> = {}): Props {
  const props = withDefaults(specs, {}) as Props;
  for (const spec of specs) if (spec.key in drawn && validateValue(spec, drawn[spec.key]) === null) props[spec.key] = drawn[spec.key];
  return props;
}

/**
 * A node's props as the template sets them: bound props are read (and later written back); a value
 * the node shows but cannot edit (an intrinsic, a value no field offers, a read-only binding) is
 * kept as written, with why; the rest stay at their defaults and are not shown.
 */
function readProps(kind: ServiceKind, resource: RawResource, document: Record<string, CfnValue>): { props: Props; bound: string[]; written: Record<string, WrittenValue> } {
  const service = serviceOf(kind);
  const type = typeOf(resource);
  const props = { ...(withDefaults(service.props, {}) as Props), ...service.imports.propsOfType?.(type) };
  const bound: string[] = [];
  const written: Record<string, WrittenValue> = {};
  const globals = samGlobals(document, type);
  for (const [key, binding] of Object.entries(service.imports.bindings ?? {}) as [string, ImportBinding][]) {
    if (binding.types && !binding.types.includes(type)) continue;
    const spec = service.props.find((s) => s.key === key)!;
    const properties = resource.Properties ?? {};
    const paths = bindingPaths(binding, type);
    const raw = findRaw(properties, paths) ?? findRaw(globals, paths);
    const read = raw === undefined ? undefined : binding.read ? binding.read(raw, properties) : raw;
    const value: PropValue | undefined = raw === undefined ? binding.absent : read === undefined ? undefined : coerce(read, spec.type);
    if (value === undefined || validateValue(spec, value) !== null) {
      if (raw !== undefined) written[key] = keptAsWritten(read ?? raw, spec.label);
      continue;
    }
    props[key] = value;
    if (!binding.readOnly) bound.push(key);
    else if (binding.why) written[key] = { value: raw === undefined ? `${String(value)} (the default: the template leaves it out)` : String(value), why: binding.why };
  }
  return { props, bound, written };
}

/** SAM's Globals section supplies defaults to every function (and API, table...) of the template. */
function samGlobals(document: Record<string, CfnValue>, type: string): Record<string, CfnValue> {
  const section = {
    'AWS::Serverless::Function': 'Function',
    'AWS::Serverless::Api': 'Api',
    'AWS::Serverless::HttpApi': 'HttpApi',
    'AWS::Serverless::SimpleTable': 'SimpleTable',
    'AWS::Serverless::StateMachine': 'StateMachine',
  }[type];
  const globals = document.Globals as Record<string, CfnValue> | undefined;
  const found = section && globals && typeof globals === 'object' ? globals[section] : undefined;
  return found && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, CfnValue>) : {};
}

/** A resource type as CloudFormation writes them (the same rule the generic resource node checks). */
const RESOURCE_TYPE = /^(AWS|Alexa|Custom|[A-Za-z0-9]+)::[A-Za-z0-9]+(::[A-Za-z0-9]+)*$/;

/** DependsOn entries that wait for each other in a circle: CloudFormation refuses the template. */
function warnDependencyCycle(resources: Record<string, RawResource>, warn: (message: string, path: (string | number)[]) => void) {
  const dependsOn = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(resources)) {
    const value = resource.DependsOn;
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
    dependsOn.set(id, new Set(list.filter((d) => Object.hasOwn(resources, d))));
  }
  const cycle = findCycle(dependsOn);
  if (cycle) warn(`DependsOn goes round in a circle (${cycle.join(' -> ')}): CloudFormation will refuse the template until one of them stops waiting`, ['Resources', cycle[0], 'DependsOn']);
}

function warnDangling(document: Record<string, CfnValue>, resources: Record<string, RawResource>, warn: (message: string, path: (string | number)[]) => void) {
  const parameters = document.Parameters && typeof document.Parameters === 'object' ? Object.keys(document.Parameters) : [];
  // referencesOf leaves pseudo parameters (AWS::Region...) out already.
  const known = new Set([...Object.keys(resources), ...parameters]);
  const sam = JSON.stringify(document.Transform ?? '').includes('AWS::Serverless');
  // SAM generates resources the template refers to by convention (MyFunctionRole, ServerlessRestApi).
  const samGenerated = (id: string) => sam && (/^Serverless(Rest|Http)Api/.test(id) || Object.keys(resources).some((r) => id.startsWith(r)));
  const check = (value: CfnValue | undefined, path: (string | number)[]) => {
    for (const ref of referencesWithPaths(value, path))
      if (!known.has(ref.target) && !samGenerated(ref.target)) warn(`${pathText(ref.path)} refers to ${ref.target}, which the template does not define; CloudFormation will refuse it`, ref.path);
  };
  for (const [id, resource] of Object.entries(resources)) check(resource.Properties, ['Resources', id, 'Properties']);
  check(document.Outputs, ['Outputs']);
}

function withoutLayout(document: Record<string, CfnValue>): Record<string, CfnValue> {
  const metadata = document.Metadata;
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata) || !(LAYOUT_KEY in metadata)) return document;
  const rest = { ...metadata };
  delete rest[LAYOUT_KEY];
  const copy = { ...document };
  if (Object.keys(rest).length) copy.Metadata = rest;
  else delete copy.Metadata;
  return copy;
}
