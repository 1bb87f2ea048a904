/** Structural facts about a template: its references and its dependency graph. */
import type { CfnValue, Template } from './cfn';

const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

/** Every logical id a value refers to (Ref, GetAtt, and ${...} inside Sub), with the unresolvable ones. */
export function referencesOf(value: CfnValue, localVariables: Set<string> = new Set()): string[] {
  const found: string[] = [];
  const walk = (v: CfnValue, locals: Set<string>) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, locals));
    if (v === null || typeof v !== 'object') return;
    if ('Ref' in v && typeof v.Ref === 'string') {
      if (!PSEUDO.has(v.Ref)) found.push(v.Ref);
      return;
    }
    if ('Fn::GetAtt' in v && Array.isArray(v['Fn::GetAtt'])) {
      found.push(String(v['Fn::GetAtt'][0]));
      return;
    }
    if ('Fn::Sub' in v) {
      const arg = v['Fn::Sub'];
      const [text, vars] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Record<string, CfnValue>] : [String(arg), {}];
      const names = new Set([...locals, ...Object.keys(vars)]);
      for (const match of text.matchAll(/\$\{([^}!]+)\}/g)) {
        const name = match[1].split('.')[0];
        if (!PSEUDO.has(match[1]) && !names.has(name)) found.push(name);
      }
      Object.values(vars).forEach((x) => walk(x, locals));
      return;
    }
    Object.values(v).forEach((x) => walk(x, locals));
  };
  walk(value, localVariables);
  return found;
}

/** Each resource's dependencies: explicit DependsOn plus every reference in its properties. */
export function dependencyGraph(template: Template): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    graph.set(id, new Set([...(resource.DependsOn ?? []), ...referencesOf((resource.Properties ?? {}) as CfnValue)]));
  }
  return graph;
}

/** A dependency cycle as a list of ids, or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of graph.get(id) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}
