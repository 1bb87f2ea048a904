import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CfnValue } from './cfn';
import { parseTemplateYaml } from './reader';
import { emitYaml } from './yaml-emitter';

const roundTrip = (value: CfnValue) => parseTemplateYaml(emitYaml(value));

describe('the YAML emitter', () => {
  it.each([
    'yes',
    'No',
    'on',
    'y',
    'null',
    '~',
    '',
    ' ',
    'a: b',
    'ends:',
    'has # hash',
    '#start',
    '*',
    '&a',
    '!tag',
    '- dash',
    '? q',
    '@at',
    '`tick',
    '"quoted"',
    "'single'",
    '2010-09-09',
    '1:20',
    '0x1F',
    '.5',
    '1e3',
    // YAML 1.1 floats need no digit before the exponent (found by the random documents below).
    'E-0',
    'e5',
    'E',
    '.inf',
    'trailing ',
    ' leading',
    'tab\there',
    'ünïcödé ✓',
    '${AWS::StackName}-Api',
    'arn:aws:s3:::x/*',
    '{not flow}',
    '[not flow]',
    'a, b',
    'line\r\nbreak',
    'code\n',
    'code',
    'a\nb',
    'a\nb\n\n',
    '  indented\nfirst',
    'blank\n\nline\n',
    'ws only\n   \nline',
    '\u2028',
    'bell\u0007',
  ])('GIVEN the string %j THEN it reads back unchanged as a value and as a key', (text) => {
    expect(roundTrip({ v: text, list: [text], [text || 'empty']: 1 })).toEqual({ v: text, list: [text], [text || 'empty']: 1 });
  });

  it('GIVEN a one-key map whose key looks like a tag THEN it stays a map; only the kept-tag marker is written as a tag', () => {
    expect(roundTrip({ a: { '!YbS-olkD': 'x' } })).toEqual({ a: { '!YbS-olkD': 'x' } });
    expect(emitYaml({ Code: { 'Fn::Eventform::Tag': ['!Rain::Embed', 'handler.py'] } })).toBe('Code: !Rain::Embed handler.py\n');
  });

  it('GIVEN nested collections and intrinsics THEN they read back as the long forms', () => {
    const value: CfnValue = {
      a: [[1, 2], [], {}, [{ b: [3] }], { Ref: 'X' }, { 'Fn::Sub': ['x-${Y}', { Y: { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] } }] }],
      c: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      d: { 'Fn::Sub': 'line one\nline two\n' },
      e: { 'Fn::Join': ['', [{ Ref: 'AWS::Region' }, 'x']] },
      f: [true, false, null, 0, -1.5],
    };
    expect(roundTrip(value)).toEqual(value);
  });

  it('GIVEN random JSON documents THEN every one reads back unchanged', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('yes', 'Ref', 'a: b', '1', 'x-y'));
    const doc = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(key, doc, { maxKeys: 5 }), (value) => {
        const safe = JSON.parse(JSON.stringify(value)) as CfnValue;
        expect(roundTrip(safe)).toEqual(safe);
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN !GetAtt of any logical id and attribute (tricky words among them) THEN each reads back as written', () => {
    const word = fc.oneof(fc.string(), fc.constantFrom('e5', 'yes', 'Arn', 'Endpoint.Address', '1x', 'a: b', 'Fn', '.inf'));
    fc.assert(
      fc.property(
        word.filter((id) => id.length > 0 && !id.includes('.')),
        word.filter((attribute) => attribute.length > 0),
        (id, attribute) => {
          const value: CfnValue = { Value: { 'Fn::GetAtt': [id, attribute] } };
          expect(roundTrip(value)).toEqual(value);
        },
      ),
      { numRuns: 500 },
    );
  });
});
