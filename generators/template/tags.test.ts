import { describe, expect, it } from 'vitest';
import { applyTags, resourceTags, tagValue } from './tags';
import type { Resource } from './cfn';

/** The rule as AWS states it, applied to every character: what tagValue must agree with. */
const byTheRule = (text: string) => text.replace(/[^\p{L}\p{N}\s_.:/=+\-@]/gu, '-').slice(0, 256) || '-';

describe('tag values', () => {
  it.each([
    ['an ASCII name', 'Orders Service 2', 'Orders Service 2'],
    ['letters of other scripts', 'Bestellungen Größe 東京', 'Bestellungen Größe 東京'],
    ['characters tags refuse', 'a*b!c#d', 'a-b-c-d'],
    ['an empty name', '', '-'],
    ['a tab', 'a\tb', 'a\tb'],
  ])('GIVEN %s WHEN made a tag value THEN it is %j', (_, text, expected) => {
    expect(tagValue(text)).toBe(expected);
  });

  it('GIVEN a value longer than 256 characters THEN it is cut to 256', () => {
    expect(tagValue('x'.repeat(300))).toBe('x'.repeat(256));
  });

  it('GIVEN 5,000 random texts THEN the ASCII shortcut gives what the rule gives', () => {
    const alphabet = 'aZ09 _.:/=+-@*!#$%&()[]{}ßé東\t\n\u2028';
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(tagValue(text), JSON.stringify(text)).toBe(byTheRule(text));
    }
  });
});

describe('resource tags', () => {
  it('GIVEN a role (tags as a list) and a pipe (tags as a map) THEN each gets the diagram and node tags in its form, values made valid', () => {
    const role: Resource = { Type: 'AWS::IAM::Role', Properties: {} };
    const pipe: Resource = { Type: 'AWS::Pipes::Pipe', Properties: {} };
    applyTags(role, resourceTags('Shop*', 'Orders'));
    applyTags(pipe, resourceTags('Shop', 'Orders-Jobs'));
    expect(role.Properties?.Tags).toEqual([
      { Key: 'eventform:diagram', Value: 'Shop-' },
      { Key: 'eventform:node', Value: 'Orders' },
    ]);
    expect(pipe.Properties?.Tags).toEqual({ 'eventform:diagram': 'Shop', 'eventform:node': 'Orders-Jobs' });
  });

  it('GIVEN a type that takes no tags THEN it is left as it was', () => {
    const permission: Resource = { Type: 'AWS::Lambda::Permission', Properties: {} };
    applyTags(permission, resourceTags('Shop', 'Orders'));
    expect(permission.Properties).toEqual({});
  });
});
