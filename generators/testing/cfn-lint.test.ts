import { describe, expect, it } from 'vitest';
import { lintTemplates } from './cfn-lint';

describe('the cfn-lint runner', () => {
  it('GIVEN a clean template and a broken one WHEN linted together THEN only the broken one has findings, attributed to it', async () => {
    const clean = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
    const broken = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n';
    const results = await lintTemplates({ clean, broken });
    expect(results.get('clean')).toEqual([]);
    expect(results.get('broken')!.some((f) => f.Level === 'Error' && /KeySchema/.test(f.Message))).toBe(true);
  }, 60_000);
});
