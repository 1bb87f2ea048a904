import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../import';
import { diagnose } from '../../diagnostics/check';
import { codeLocationOf } from './code-location';

const template = (functions: string) => `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  ArtifactBucket: { Type: String }
Resources:
${functions}`;

describe("an imported function's code, kept as written", () => {
  it('GIVEN code in S3 (Code and CodeUri forms), at a path, in an image or inline THEN each is described as the template writes it', () => {
    expect(codeLocationOf({ Code: { S3Bucket: { Ref: 'ArtifactBucket' }, S3Key: 'fn/v1.zip' } }).text).toBe('code in S3: s3://${ArtifactBucket}/fn/v1.zip');
    expect(codeLocationOf({ CodeUri: 's3://builds/app.zip' }).text).toBe('code in S3: s3://builds/app.zip');
    expect(codeLocationOf({ CodeUri: { Bucket: 'builds', Key: { 'Fn::Sub': '${AWS::StackName}/app.zip' } } }).text).toBe('code in S3: s3://builds/${AWS::StackName}/app.zip');
    expect(codeLocationOf({ CodeUri: 'src/orders/' })).toMatchObject({ kind: 'path', text: 'code at path src/orders/ (SAM CodeUri)' });
    expect(codeLocationOf({ Code: { ImageUri: { 'Fn::GetAtt': ['Repo', 'RepositoryUri'] } } }).text).toBe('code in a container image: ${Repo.RepositoryUri}');
    expect(codeLocationOf({ InlineCode: 'def handler(e, c): pass' }).kind).toBe('inline');
  });

  it('GIVEN a SAM function whose CodeUri is a local folder WHEN checked THEN deploying is refused with what it needs; code in S3 is noted', () => {
    const imported = importTemplate(
      template(`  Local:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: src/, Handler: app.handler, Runtime: python3.12 }
  Packaged:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: s3://builds/app.zip, Handler: app.handler, Runtime: python3.12 }
`),
    );
    if (!imported.ok) throw new Error(imported.error);
    const found = diagnose(imported.graph);
    expect(found.find((d) => d.code === 'code-at-local-path')).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/Local's code at path src\/ \(SAM CodeUri\) is a folder on the machine that wrote the template: deploying needs the code in S3\. Run sam build and sam package/),
    });
    expect(found.find((d) => d.code === 'code-in-s3')?.message).toBe("Packaged's code in S3: s3://builds/app.zip: the deploy needs that object readable in the target account and region");
  });
});
