import type { CfnValue } from '../../template/cfn';

const NUMERIC: Record<string, string> = { '==': 'NumericEquals', '<': 'NumericLessThan', '<=': 'NumericLessThanEquals', '>': 'NumericGreaterThan', '>=': 'NumericGreaterThanEquals' };
const STRING: Record<string, string> = { '==': 'StringEquals', '<': 'StringLessThan', '<=': 'StringLessThanEquals', '>': 'StringGreaterThan', '>=': 'StringGreaterThanEquals' };

/** "$.amount > 1000" -> { Variable: "$.amount", NumericGreaterThan: 1000 } (the edge prop's pattern guarantees the shape). */
export function choiceRule(condition: string): Record<string, CfnValue> {
  const match = /^(\$[.\w]+)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(condition.trim());
  if (!match) throw new Error(`internal: unparsable condition ${condition}`);
  const [, variable, operator, literal] = match;
  const negate = operator === '!=';
  const op = negate ? '==' : operator;
  let rule: Record<string, CfnValue>;
  if (literal === 'true' || literal === 'false') rule = { Variable: variable, BooleanEquals: literal === 'true' };
  else if (/^-?\d/.test(literal)) rule = { Variable: variable, [NUMERIC[op]]: Number(literal) };
  else rule = { Variable: variable, [STRING[op]]: JSON.parse(literal) as string };
  return negate ? { Not: rule } : rule;
}
