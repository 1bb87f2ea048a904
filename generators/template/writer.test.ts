import { describe, expect, it } from 'vitest';
import { BLUEPRINTS } from '../../blueprints';
import { parseTemplateYaml } from './reader';
import { synthesize } from './synth';
import { toJson, toYaml } from './writer';

describe('template writer', () => {
  it.each(BLUEPRINTS.map((b) => [b.id, b] as const))('GIVEN the %s blueprint THEN its YAML reads back to exactly the JSON template', (_, blueprint) => {
    const { template } = synthesize(blueprint.graph);
    expect(parseTemplateYaml(toYaml(template))).toEqual(JSON.parse(toJson(template)));
  });

  it('GIVEN intrinsic functions THEN YAML uses the short forms', () => {
    const yaml = toYaml(synthesize(BLUEPRINTS[0].graph).template);
    expect(yaml).toMatch(/: !Ref Api$/m);
    expect(yaml).toMatch(/: !GetAtt HelloRole\.Arn$/m);
    expect(yaml).toMatch(/: !Sub arn:\$\{AWS::Partition\}:execute-api/m);
    expect(yaml).not.toMatch(/Fn::|"Ref":/);
  });

  it('GIVEN a string YAML 1.1 would read as a boolean THEN it is quoted', () => {
    const yaml = toYaml({ AWSTemplateFormatVersion: '2010-09-09', Description: 'yes', Resources: {} });
    expect(yaml).toMatch(/^Description: "yes"$/m);
  });
});
