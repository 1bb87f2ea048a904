/**
 * Property specifications: the typed, validated fields that a service node or an edge carries.
 * The inspector renders them, the file parser checks them and the generator reads them, so a
 * field is declared once, with its default and its rules, and never re-validated ad hoc.
 */

export type PropValue = string | number | boolean;
export type Props = Record<string, PropValue>;

interface BaseSpec<K extends string, T extends PropValue> {
  key: K;
  label: string;
  help?: string;
  default: T;
  /**
   * CloudFormation's value when a template leaves the property out, where it differs from the
   * default a new element starts with: what an imported element has when its template is silent.
   */
  absent?: T;
  /**
   * Why an imported element whose template states nothing for this field cannot say its value (an
   * API's routes, kept in an OpenAPI file the template includes): it is then shown as unknown, not as the default.
   */
  unstated?: string;
  /** A field that only makes sense given other fields (for example shard count when provisioned). */
  visibleWhen?: (props: Props) => boolean;
}

export interface StringSpec<K extends string = string> extends BaseSpec<K, string> {
  type: 'string';
  maxLength?: number;
  pattern?: RegExp;
  /** Plain-words explanation shown when the pattern does not match. */
  patternMessage?: string;
  optional?: boolean;
  multiline?: boolean;
  /** Extra semantic check (for example JSON that must parse); returns the message or null. */
  check?: (value: string) => string | null;
  /**
   * The value names one of the diagram's nodes of these kinds (a pipe's enrichment, a dead-letter
   * queue): the inspector offers their names, the importer writes the node's name for a reference.
   */
  names?: readonly string[];
}

export interface IntegerSpec<K extends string = string> extends BaseSpec<K, number> {
  type: 'integer';
  min: number;
  max: number;
  unit?: string;
  /** Numbers a node's outgoing connections (a workflow's steps): a new one takes the next free number. */
  sequence?: boolean;
}

export interface BooleanSpec<K extends string = string> extends BaseSpec<K, boolean> {
  type: 'boolean';
}

export interface EnumSpec<K extends string = string, V extends string = string> extends BaseSpec<K, V> {
  type: 'enum';
  /** `hidden`: accepted (a file or an imported template may hold it) but not offered for a new choice. */
  options: readonly { value: V; label: string; hidden?: boolean }[];
}

export type PropSpec = StringSpec | IntegerSpec | BooleanSpec | EnumSpec;

/** The value type a spec declares: a number for integers, the options' union for enums. */
export type ValueOfSpec<S> = S extends { type: 'integer' } ? number : S extends { type: 'boolean' } ? boolean : S extends { type: 'enum'; options: readonly { value: infer V }[] } ? V : string;

/**
 * The typed props object a list of specs declares: `PropsOf<typeof specs>['memoryMiB']` is a
 * number. Declare specs `as const satisfies readonly PropSpec[]` so keys and options stay literal.
 */
export type PropsFromSpecs<S extends readonly PropSpec[]> = { -readonly [P in S[number] as P['key']]: ValueOfSpec<P> };

/**
 * The untyped view of a node's or an edge's props, for the code that walks specs generically (the
 * inspector, the file reader, the importer): values there are checked against their spec.
 */
export const propBag = (element: { props: object }): Props => element.props as Props;

export function defaultsOf(specs: readonly PropSpec[]): Props {
  const props: Props = {};
  for (const spec of specs) props[spec.key] = spec.default;
  return props;
}

/** Returns the reason a value is unacceptable for a field, or null when it is fine. */
export function validateValue(spec: PropSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') return `${spec.label} must be text`;
      if (value === '') return spec.optional ? null : `${spec.label} is required`;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) return `${spec.label} must be at most ${spec.maxLength} characters`;
      if (spec.pattern && !spec.pattern.test(value)) return spec.patternMessage ?? `${spec.label} has an invalid format`;
      return spec.check ? spec.check(value) : null;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${spec.label} must be a whole number`;
      if (value < spec.min || value > spec.max) {
        const unit = spec.unit ? ` ${spec.unit}` : '';
        return `${spec.label} must be between ${spec.min} and ${spec.max}${unit}`;
      }
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${spec.label} must be on or off`;
    case 'enum':
      return typeof value === 'string' && spec.options.some((o) => o.value === value) ? null : `${spec.label} must be one of: ${spec.options.map((o) => o.value).join(', ')}`;
  }
}

export interface PropIssue {
  key: string;
  message: string;
}

/**
 * Checks a whole props object against its specs: every declared field must be present and valid,
 * and no undeclared field may appear (a typo in a hand-edited file should not vanish silently).
 */
export function validateProps(specs: readonly PropSpec[], props: Record<string, unknown>): PropIssue[] {
  const issues: PropIssue[] = [];
  const known = new Set(specs.map((s) => s.key));
  for (const key of Object.keys(props)) {
    if (!known.has(key)) issues.push({ key, message: `unknown property "${key}"` });
  }
  for (const spec of specs) {
    if (!Object.hasOwn(props, spec.key)) {
      issues.push({ key: spec.key, message: `${spec.label} is missing` });
      continue;
    }
    const message = validateValue(spec, props[spec.key]);
    if (message) issues.push({ key: spec.key, message });
  }
  return issues;
}

/** Fills in defaults for missing fields, so older files gain newly added properties. */
export function withDefaults(specs: readonly PropSpec[], props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = value;
  for (const spec of specs) if (!(spec.key in out)) out[spec.key] = spec.default;
  return out;
}

export function jsonObjectCheck(label: string) {
  return (value: string): string | null => {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return `${label} must be a JSON object`;
      return null;
    } catch (error) {
      return `${label} is not valid JSON: ${(error as Error).message}`;
    }
  };
}
