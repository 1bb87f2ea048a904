import type { CfnValue } from '../../template/cfn';
import { mappingSettings, samEventSettings } from '../../rules/mapping-import';
import type { ServiceModule } from '../types';
import { lambdaCfn } from './cfn';
import { lambdaCost } from './cost';
import { lambdaDiagnostics } from './diagnostics';
import { lambdaFlow } from './flow';
import { lambdaProps } from './props';
import { mainFileOf } from './sources';
import { codeLocationOf } from './code-location';
import { familyOf } from './runtimes';
import { lambdaCdk } from './cdk';
import { lambdaSam } from './sam';

export const lambda: ServiceModule<'lambda', typeof lambdaProps, 'invoke'> = {
  kind: 'lambda',
  title: 'AWS Lambda',
  shortTitle: 'Lambda',
  asTarget: 'invoke a function',
  description: 'Function that runs your code for each event',
  group: 'destination',
  defaultName: 'Function',
  modelled: true,
  icon: 'ArchitectureServiceAWSLambda',
  props: lambdaProps,
  subtitle: () => undefined,
  code: {
    prop: 'code',
    current: (node) => node.props.code,
    language: (node) => (familyOf(node.props.runtime) === 'nodejs' ? 'javascript' : 'python'),
    mainFile: (node) => mainFileOf(familyOf(node.props.runtime) === 'nodejs' ? 'nodejs' : 'python'),
    files: { prop: 'files', current: (node) => node.props.files },
    locate: codeLocationOf,
  },
  cfn: lambdaCfn,
  cdk: lambdaCdk,
  sam: lambdaSam,
  access: {
    modes: { invoke: { label: 'invokes', actions: ['lambda:InvokeFunction'], sends: true, reads: false } },
    defaultMode: 'invoke',
    deliver: 'lambda:InvokeFunction',
  },
  imports: {
    types: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    bindings: {
      runtime: { paths: [['Runtime']] },
      memoryMiB: { paths: [['MemorySize']], absent: 128 },
      timeoutSeconds: { paths: [['Timeout']], absent: 3 },
      code: { paths: [['Code', 'ZipFile'], ['InlineCode']] },
    },
    children: {
      'AWS::Lambda::Permission': ['FunctionName'],
      'AWS::Lambda::EventInvokeConfig': ['FunctionName'],
      'AWS::Lambda::Version': ['FunctionName'],
      'AWS::Lambda::Alias': ['FunctionName'],
      'AWS::Lambda::Url': ['TargetFunctionArn'],
      'AWS::Lambda::EventSourceMapping': ['FunctionName'],
    },
    connectors: {
      'AWS::Lambda::EventSourceMapping': {
        source: 'EventSourceArn',
        target: 'FunctionName',
        props: mappingSettings,
      },
    },
    samEventProps: samEventSettings,
    // Where Lambda sends an asynchronous invocation's record (EventInvokeConfig), or its dead letters.
    edgeProps: (_resources, _logicalId, path): Record<string, CfnValue> =>
      path.includes('OnSuccess') ? { when: 'on-success' } : path.includes('OnFailure') || path.includes('DeadLetterConfig') ? { when: 'on-failure' } : {},
    samPolicies: { LambdaInvokePolicy: 'invoke' },
  },
  flow: lambdaFlow,
  cost: lambdaCost,
  diagnostics: lambdaDiagnostics,
  tags: { 'AWS::Lambda::Function': 'list', 'AWS::Lambda::EventSourceMapping': 'list', 'AWS::Logs::LogGroup': 'list' },
  handlerRole: 'generic',
};
