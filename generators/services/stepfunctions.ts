import type { ServiceDefinition } from './types';
import { stepfunctionsCfn } from './stepfunctions.cfn';

export const stepfunctions: ServiceDefinition = {
  kind: 'stepfunctions',
  title: 'AWS Step Functions',
  shortTitle: 'Step Functions',
  asTarget: 'start a workflow',
  description: 'Workflow whose steps call services, with conditions',
  group: 'router',
  defaultName: 'StateMachine',
  props: [
    {
      key: 'workflowType',
      label: 'Workflow type',
      type: 'enum',
      default: 'STANDARD',
      options: [
        { value: 'STANDARD', label: 'standard (durable, exactly once)' },
        { value: 'EXPRESS', label: 'express (high volume, short)' },
      ],
    },
  ],
  cfn: stepfunctionsCfn,
  imports: {
    types: ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'],
    bindings: {
      workflowType: { paths: [['StateMachineType']], absent: 'STANDARD', types: ['AWS::StepFunctions::StateMachine'] },
    },
  },
};
