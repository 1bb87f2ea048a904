import type { SamEmitter } from '../types';
import { tagMap } from '../../export/sam/writer';
import type { CfnValue } from '../../template/cfn';
import { getAtt } from '../../template/cfn';
import { id } from '../../template/naming';
import type { WorkflowNode } from './cfn';

/** AWS::Serverless::StateMachine: the definition as Eventform writes it; each step's grant as its own statement. */
export const stepfunctionsSam: SamEmitter<WorkflowNode, 'start-execution'> = {
  policies: { 'start-execution': (node) => ({ template: 'StepFunctionsExecutionPolicy', parameters: { StateMachineName: getAtt(id(node), 'Name') } }) },
  rewrite(node, s) {
    const machine = s.resource(id(node));
    if (!machine?.Properties) return;
    const p = machine.Properties;
    const statements = s.statementsOf(id(node, 'Role')).map(({ statement }) => statement as unknown as CfnValue);
    machine.Type = 'AWS::Serverless::StateMachine';
    machine.Properties = {
      Type: p.StateMachineType,
      Definition: p.Definition,
      ...(p.DefinitionSubstitutions ? { DefinitionSubstitutions: p.DefinitionSubstitutions } : {}),
      ...(statements.length ? { Policies: [{ Statement: statements }] } : {}),
      ...(p.Tags ? { Tags: tagMap(p.Tags) } : {}),
    };
    s.remove(id(node, 'Role'));
  },
};
