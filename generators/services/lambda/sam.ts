import type { SamEmitter } from '../types';
import { tagMap, type SamWriter } from '../../export/sam/writer';
import type { CfnValue } from '../../template/cfn';
import { functionName, id } from '../../template/naming';
import { serviceOf } from '../registry';
import { functionFolder } from './cdk';
import { sourcesOf, type FunctionNode } from './cfn';

/**
 * What a function may do, in SAM's Policies: a policy template where the target's module has one that
 * grants the access mode exactly, a plain statement otherwise. Its own logs come with SAM's role
 * (AWSLambdaBasicExecutionRole).
 */
function policiesOf(node: FunctionNode, s: SamWriter): CfnValue[] {
  const policies: CfnValue[] = [];
  const seen = new Set<string>();
  for (const { statement, link } of s.statementsOf(id(node, 'Role'))) {
    // An event's read access stays its own statement on the one queue or stream: SAM's managed policy for the event is broader.
    if (statement.Sid === 'WriteOwnLogs') continue;
    const props = link?.edge.props as { access?: string; when?: string } | undefined;
    const policy = link && props?.access && !props.when ? serviceOf(link.target.kind).sam.policies[props.access]?.(link.target as never) : undefined;
    const entry: CfnValue = policy ? { [policy.template]: policy.parameters } : { Statement: [statement as unknown as CfnValue] };
    const key = JSON.stringify(entry);
    if (!seen.has(key)) policies.push(entry);
    seen.add(key);
  }
  return policies;
}

/** The function's code: inline when Eventform's template has it inline, else its folder (sam build packages it). */
function codeOf(node: FunctionNode, s: SamWriter, code: Record<string, CfnValue>): Record<string, CfnValue> {
  if (typeof code.ZipFile === 'string') return { InlineCode: code.ZipFile };
  const sources = sourcesOf(node, s.ctx);
  const folder = functionFolder(node);
  for (const [path, text] of Object.entries(sources.files)) s.files[`${folder}/${path}`] = text;
  if (Object.keys(sources.dependencies).length)
    s.files[`${folder}/package.json`] = `${JSON.stringify({ name: node.name.toLowerCase(), private: true, dependencies: sources.dependencies }, null, 2)}\n`;
  return { CodeUri: `${folder}/` };
}

export const lambdaSam: SamEmitter<FunctionNode, 'invoke'> = {
  policies: { invoke: (node) => ({ template: 'LambdaInvokePolicy', parameters: { FunctionName: functionName(node) } }) },
  rewrite(node, s) {
    const fn = s.resource(id(node));
    if (!fn?.Properties) return;
    const p = fn.Properties;
    const policies = policiesOf(node, s);
    const events = s.eventsOf(id(node));
    fn.Type = 'AWS::Serverless::Function';
    fn.Properties = {
      FunctionName: p.FunctionName,
      Runtime: p.Runtime,
      Handler: p.Handler,
      MemorySize: p.MemorySize,
      Timeout: p.Timeout,
      ...codeOf(node, s, p.Code as Record<string, CfnValue>),
      ...(p.Layers ? { Layers: p.Layers } : {}),
      ...(p.Environment ? { Environment: p.Environment } : {}),
      LoggingConfig: p.LoggingConfig,
      ...(policies.length ? { Policies: policies } : {}),
      ...(events ? { Events: events } : {}),
      ...(p.Tags ? { Tags: tagMap(p.Tags) } : {}),
    };
    s.remove(id(node, 'Role'));
  },
};
