/**
 * The JSON Schema of the graph file. The structural part validates every file that is opened;
 * the documented schema (docs/graph-file.schema.json) adds each kind's and each edge's properties,
 * generated from the service catalog and the rule table so it cannot drift from them.
 */
import type { PropSpec } from '../props/spec';
import { CONNECTION_RULES } from '../rules/table';
import { serviceOf, SERVICE_KINDS } from '../services/registry';
import { GRAPH_FORMAT, GRAPH_VERSION, MAX_EDGES, MAX_NODES, MAX_NOTE_LENGTH } from './limits';

const idSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' };
const coordinate = { type: 'number', minimum: -1e7, maximum: 1e7 };
const propValue = { type: ['string', 'number', 'boolean'] };
const note = { type: 'string', maxLength: MAX_NOTE_LENGTH };
const logicalIds = { type: 'array', maxItems: 10000, items: { type: 'string', pattern: '^[A-Za-z0-9]{1,255}$' } };
const written = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['value', 'why'],
    additionalProperties: false,
    properties: { value: { type: 'string', maxLength: 4096 }, why: { type: 'string', maxLength: 500 } },
  },
};
const nodeOrigin = {
  type: 'object',
  required: ['logicalIds', 'props', 'bound'],
  additionalProperties: false,
  properties: {
    // None for a node the template names without defining (a bus given as a parameter).
    logicalIds,
    props: { type: 'object', additionalProperties: propValue },
    bound: { type: 'array', items: { type: 'string', maxLength: 64 } },
    written,
  },
};
const edgeOrigin = {
  type: 'object',
  required: ['evidence', 'logicalIds'],
  additionalProperties: false,
  properties: { evidence: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 2000 } }, logicalIds, written },
};

export const structuralSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['format', 'version', 'nodes', 'edges'],
  additionalProperties: false,
  properties: {
    format: { const: GRAPH_FORMAT },
    version: { const: GRAPH_VERSION },
    name: { type: 'string', maxLength: 200 },
    template: {
      type: 'object',
      description: 'The CloudFormation template the diagram was imported from (long-form intrinsic functions)',
      required: ['Resources'],
      properties: { Resources: { type: 'object' } },
    },
    nodes: {
      type: 'array',
      maxItems: MAX_NODES,
      items: {
        type: 'object',
        required: ['id', 'kind', 'name', 'position', 'props'],
        additionalProperties: false,
        properties: {
          id: idSchema,
          kind: { enum: SERVICE_KINDS },
          name: { type: 'string', maxLength: 64 },
          position: {
            type: 'object',
            required: ['x', 'y'],
            additionalProperties: false,
            properties: { x: coordinate, y: coordinate },
          },
          props: { type: 'object', additionalProperties: propValue },
          note,
          origin: nodeOrigin,
        },
      },
    },
    edges: {
      type: 'array',
      maxItems: MAX_EDGES,
      items: {
        type: 'object',
        required: ['id', 'source', 'target', 'props'],
        additionalProperties: false,
        properties: {
          id: idSchema,
          source: idSchema,
          target: idSchema,
          props: { type: 'object', additionalProperties: propValue },
          note,
          origin: edgeOrigin,
        },
      },
    },
  },
} as const;

function propSchema(spec: PropSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { title: spec.label, default: spec.default };
  if (spec.help) base.description = spec.help;
  switch (spec.type) {
    case 'string':
      return {
        ...base,
        type: 'string',
        ...(spec.maxLength ? { maxLength: spec.maxLength } : {}),
        ...(spec.pattern ? { pattern: spec.optional ? `^$|${spec.pattern.source}` : spec.pattern.source } : {}),
      };
    case 'integer':
      return { ...base, type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'enum':
      return { ...base, enum: spec.options.map((o) => o.value) };
  }
}

const propsObject = (specs: readonly PropSpec[]) => ({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(specs.map((s) => [s.key, propSchema(s)])),
});

/** The full documented schema: structure plus the properties of every node kind and edge kind. */
export function documentedSchema(): Record<string, unknown> {
  const nodeProps = Object.fromEntries(SERVICE_KINDS.map((k) => [k, propsObject(serviceOf(k).props)]));
  const edgeProps = Object.fromEntries(CONNECTION_RULES.map((r) => [`${r.from}->${r.to}`, { description: r.meaning, ...propsObject(r.props) }]));
  const nodeItems = {
    ...structuralSchema.properties.nodes.items,
    allOf: SERVICE_KINDS.map((k) => ({
      if: { properties: { kind: { const: k } } },
      then: { properties: { props: { $ref: `#/definitions/nodeProps/${k}` } } },
    })),
  };
  return {
    ...structuralSchema,
    $id: 'https://eventform.dev/schemas/graph-file-v1.json',
    title: 'Eventform graph file',
    description:
      'A diagram saved by Eventform. Edge props depend on the kinds of the nodes an edge joins; definitions/edgeProps lists them by "sourceKind->targetKind" (a JSON Schema cannot look them up, so the app checks them).',
    properties: { ...structuralSchema.properties, nodes: { ...structuralSchema.properties.nodes, items: nodeItems } },
    definitions: { nodeProps, edgeProps },
  };
}
