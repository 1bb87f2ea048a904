/**
 * The template of a diagram that was imported: the original document, minus the resources of the
 * nodes and edges the user deleted, with only the properties the user edited written anew, plus
 * whatever the user added in Eventform, generated as usual. Nothing else is touched: Parameters,
 * Mappings, Conditions, Metadata, Outputs and every intrinsic function stay as they were read.
 */
import type { Graph, GraphNode } from '../graph/model';
import { bindingPaths, findRaw } from '../import/references';
import { propBag } from '../props/spec';
import { serviceOf } from '../services/registry';
import type { BuildProblem, Provenance } from './builder';
import type { CfnValue, Resource, Template } from './cfn';
import { referencesOf } from './analysis';
import type { Synthesis } from './synth';

export function synthesizeImported(graph: Graph & { template: Record<string, CfnValue> }, generate: (graph: Graph) => Synthesis): Synthesis {
  const original = graph.template;
  const originalResources = (original.Resources ?? {}) as unknown as Record<string, Resource>;
  const problems: BuildProblem[] = [];
  const provenance = new Map<string, Provenance>();
  const record = (ownerId: string, logicalId: string) => {
    let made = provenance.get(ownerId);
    if (!made) provenance.set(ownerId, (made = { resources: [], touched: [], statements: [] }));
    if (!made.resources.includes(logicalId)) made.resources.push(logicalId);
  };

  const owners = new Map<string, { ownerId: string; node?: GraphNode }>();
  for (const node of graph.nodes) for (const id of node.origin?.logicalIds ?? []) owners.set(id, { ownerId: node.id, node });
  for (const edge of graph.edges) for (const id of edge.origin?.logicalIds ?? []) owners.set(id, { ownerId: edge.id });

  const resources: Record<string, Resource> = {};
  const removed = new Set<string>();
  for (const [logicalId, resource] of Object.entries(originalResources)) {
    const owner = owners.get(logicalId);
    if (!owner) {
      removed.add(logicalId);
      continue;
    }
    const node = owner.node;
    resources[logicalId] = node && node.origin!.logicalIds[0] === logicalId ? withEditedProps(resource, node) : resource;
    record(owner.ownerId, logicalId);
  }

  // What still points at a deleted resource: a DependsOn entry is dropped (it only ordered the two);
  // a reference would make CloudFormation refuse the template, so it is reported on its owner.
  for (const [logicalId, resource] of Object.entries(resources)) {
    const dependsOn = resource.DependsOn as unknown;
    if (typeof dependsOn === 'string' && removed.has(dependsOn)) resources[logicalId] = withoutDependsOn(resource);
    else if (Array.isArray(dependsOn) && dependsOn.some((d) => removed.has(d))) {
      const kept = dependsOn.filter((d: string) => !removed.has(d));
      resources[logicalId] = kept.length ? { ...resource, DependsOn: kept } : withoutDependsOn(resource);
    }
    const dangling = [...new Set(referencesOf((resource.Properties ?? {}) as CfnValue))].filter((id) => removed.has(id));
    if (dangling.length)
      problems.push({
        ownerId: owners.get(logicalId)!.ownerId,
        message: `${logicalId} still refers to ${dangling.join(', ')}, deleted with ${dangling.length > 1 ? 'their nodes' : 'its node'}: delete it too, or import a template without that reference`,
      });
  }

  const outputs: Record<string, CfnValue> = {};
  for (const [name, output] of Object.entries((original.Outputs ?? {}) as Record<string, CfnValue>)) {
    // An output of a deleted resource would make the template invalid: it goes with the resource.
    if (referencesOf(output).some((id) => removed.has(id))) continue;
    outputs[name] = output;
  }

  // What the user added in Eventform is generated as usual; wiring into imported nodes is not.
  const added = graph.nodes.filter((n) => !n.origin);
  const addedIds = new Set(added.map((n) => n.id));
  const addedEdges = graph.edges.filter((e) => !e.origin && addedIds.has(e.source) && addedIds.has(e.target));
  for (const edge of graph.edges)
    if (!edge.origin && !(addedIds.has(edge.source) && addedIds.has(edge.target)))
      problems.push({ ownerId: edge.id, message: 'this connection touches an imported node, whose wiring Eventform keeps as the template wrote it: it is not generated' });
  const assets: Synthesis['assets'] = [];
  if (added.length > 0) {
    const generated = generate({ name: graph.name, nodes: added, edges: addedEdges });
    for (const [logicalId, resource] of Object.entries(generated.template.Resources)) {
      if (logicalId in resources) {
        problems.push({
          ownerId: [...generated.provenance].find(([, p]) => p.resources.includes(logicalId))?.[0] ?? graph.nodes[0].id,
          message: `the logical id ${logicalId} is already used by the imported template: rename the node`,
        });
        continue;
      }
      resources[logicalId] = resource;
    }
    for (const [name, output] of Object.entries(generated.template.Outputs ?? {})) if (!(name in outputs)) outputs[name] = output as unknown as CfnValue;
    for (const [ownerId, p] of generated.provenance) provenance.set(ownerId, p);
    problems.push(...generated.problems);
    assets.push(...generated.assets);
  }

  const template: Record<string, CfnValue> = {};
  for (const [key, value] of Object.entries(original)) {
    if (key === 'Resources') template.Resources = resources as unknown as CfnValue;
    else if (key === 'Outputs') {
      if (Object.keys(outputs).length) template.Outputs = outputs;
    } else template[key] = value;
  }
  if (!('Outputs' in original) && Object.keys(outputs).length) template.Outputs = outputs;
  return { template: template as unknown as Template, provenance, problems, assets };
}

function withoutDependsOn(resource: Resource): Resource {
  const copy = { ...resource };
  delete copy.DependsOn;
  return copy;
}

/** The resource with the props the user changed since the import written into it; the rest untouched. */
function withEditedProps(resource: Resource, node: GraphNode): Resource {
  const origin = node.origin!;
  const bindings = serviceOf(node.kind).imports.bindings ?? {};
  let properties = resource.Properties;
  const props = propBag(node);
  for (const key of origin.bound) {
    if (props[key] === origin.props[key]) continue;
    const binding = bindings[key];
    if (!binding) continue;
    const value = binding.write ? binding.write(props[key]) : (props[key] as CfnValue);
    const current = properties ?? {};
    const paths = bindingPaths(binding, resource.Type);
    const path = paths.find((p) => findRaw(current, [p]) !== undefined) ?? paths[0];
    properties = path.length === 0 ? (value as Record<string, CfnValue>) : setPath(current, path, value);
  }
  return properties === resource.Properties ? resource : { ...resource, Properties: properties };
}

function setPath(object: Record<string, CfnValue>, path: readonly string[], value: CfnValue): Record<string, CfnValue> {
  const [head, ...rest] = path;
  if (rest.length === 0) return { ...object, [head]: value };
  const child = object[head];
  const inner = child && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, CfnValue>) : {};
  return { ...object, [head]: setPath(inner, rest, value) };
}
