import { importTemplate } from './generators/import';
import { synthesize } from './generators/template/synth';
import { toYaml } from './generators/template/writer';
import { readTemplateSource } from './generators/import/source';
import { diagnose } from './generators/diagnostics/check';
const text = `Transform: AWS::Serverless-2016-10-31
Parameters:
  BusName: { Type: String }
Resources:
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.13
      Handler: app.handler
      InlineCode: "def handler(e, c): pass"
      Events:
        Orders:
          Type: EventBridgeRule
          Properties: { Pattern: { source: [orders] } }
        Nightly:
          Type: Schedule
          Properties: { Schedule: rate(1 day) }
        Later:
          Type: ScheduleV2
          Properties: { ScheduleExpression: rate(1 hour) }
        Shared:
          Type: EventBridgeRule
          Properties: { EventBusName: !Ref BusName, Pattern: { source: [shared] } }
  Queue: { Type: AWS::SQS::Queue }
  OnShared:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref BusName
      EventPattern: { source: [x] }
      Targets: [{ Arn: !GetAtt Queue.Arn, Id: q }]
  OnShared2:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref BusName
      EventPattern: { source: [y] }
      Targets: [{ Arn: !GetAtt Queue.Arn, Id: q }]
`;
const r = importTemplate(text);
if (!r.ok) throw new Error(r.error);
console.log(r.graph.nodes.map((n) => `${n.id} ${n.kind} ${n.name} ${JSON.stringify(n.props)} origin=${n.origin?.logicalIds}`).join('\n'));
console.log(r.graph.edges.map((e) => `${e.id} ${e.source}->${e.target} ${JSON.stringify(e.props)}`).join('\n'));
console.log(r.warnings);
const same = JSON.stringify(JSON.parse(JSON.stringify(readTemplateSource(toYaml(synthesize(r.graph).template)).value))) === JSON.stringify(JSON.parse(JSON.stringify(readTemplateSource(text).value)));
console.log('lossless', same);
console.log(diagnose(r.graph).map((d) => d.code + ': ' + d.message));
