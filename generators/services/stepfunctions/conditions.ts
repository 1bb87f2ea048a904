/** Workflow step conditions ("$.valid == true", "$.amount > 1000") evaluated on an execution's input. */

const CONDITION = /^\$((?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(==|!=|<=|>=|<|>)\s*(.+)$/;

interface Parsed {
  path: string[];
  operator: string;
  literal: string | number | boolean;
}

function parse(condition: string): Parsed | null {
  const match = CONDITION.exec(condition.trim());
  if (!match) return null;
  const [, path, operator, raw] = match;
  const literal = raw === 'true' ? true : raw === 'false' ? false : /^-?\d/.test(raw) ? Number(raw) : (JSON.parse(raw) as string);
  return { path: path.slice(1).split('.'), operator, literal };
}

const valueAt = (data: Record<string, unknown>, path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined), data);

/** Step Functions' Choice semantics: a missing field, or one of another type, makes the rule false. */
export function conditionHolds(condition: string, data: Record<string, unknown>): boolean {
  const parsed = parse(condition);
  if (!parsed) return false;
  const value = valueAt(data, parsed.path);
  const { operator, literal } = parsed;
  if (typeof value !== typeof literal) return false;
  const v = value as number | string | boolean;
  switch (operator) {
    case '==':
      return v === literal;
    case '!=':
      return v !== literal;
    case '<':
      return v < literal;
    case '<=':
      return v <= literal;
    case '>':
      return v > literal;
    default:
      return v >= literal;
  }
}

/** An input for which the condition holds (or, with holds = false, does not): how scenarios choose a branch. */
export function inputFor(condition: string, holds: boolean): Record<string, unknown> {
  const parsed = parse(condition);
  if (!parsed) return {};
  const { path, operator, literal } = parsed;
  const other = typeof literal === 'boolean' ? !literal : typeof literal === 'number' ? literal + 1 : `not ${literal}`;
  const below = typeof literal === 'number' ? literal - 1 : literal;
  const satisfying: Record<string, unknown> = { '==': literal, '!=': other, '<': below, '<=': literal, '>': other, '>=': literal };
  const violating: Record<string, unknown> = { '==': other, '!=': literal, '<': literal, '<=': other, '>': literal, '>=': below };
  const value = (holds ? satisfying : violating)[operator];
  const input: Record<string, unknown> = {};
  let cursor = input;
  path.forEach((key, i) => {
    if (i === path.length - 1) cursor[key] = value;
    else cursor = (cursor[key] = {}) as Record<string, unknown>;
  });
  return input;
}
