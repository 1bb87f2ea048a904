import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../import';
import { synthesize } from '../../template/synth';
import { CdkExportError, exportCdkApp } from './app';
import { synthApp, writeApp } from '../../testing/cdk-synth';

/** A template written by others (its source is in test-data/real-templates/SOURCES.tsv). */
const SAM_TEMPLATE = 'test-data/real-templates/queue-based-ingestion.yaml';
/** The shape of the AWS CloudFormation templates repository's rain-based samples: a tag only rain reads. */
const RAIN_TEMPLATE = `Resources:
  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/handler
      Code:
        ZipFile: !Rain::Embed handler.py
`;

const imported = (text: string) => {
  const result = importTemplate(text);
  if (!result.ok) throw new Error(result.error);
  return result.graph;
};

describe('CDK export of an imported template', () => {
  it('GIVEN a SAM template by others, imported WHEN exported as a CDK app THEN the stack includes it with CfnInclude and its synthesized template keeps every resource, property and the SAM transform', () => {
    const graph = imported(readFileSync(SAM_TEMPLATE, 'utf8'));
    const app = exportCdkApp(graph);
    expect(app.files[app.stackFile]).toContain('new cfninc.CfnInclude(this');
    const template = synthApp(app, writeApp(app));
    const original = synthesize(graph).template;
    const transformOf = (t: object) => [(t as { Transform?: unknown }).Transform].flat();
    expect(transformOf(template)).toEqual(transformOf(original));
    for (const [logicalId, resource] of Object.entries(original.Resources)) expect(template.Resources[logicalId], logicalId).toEqual(resource);
  }, 120_000);

  it('GIVEN a template with a tag only another tool reads (!Rain::Embed) WHEN exported as a CDK app THEN the export is refused with the tag named', () => {
    expect(() => exportCdkApp(imported(RAIN_TEMPLATE))).toThrow(CdkExportError);
    expect(() => exportCdkApp(imported(RAIN_TEMPLATE))).toThrow(/!Rain::Embed tag/);
  });
});
