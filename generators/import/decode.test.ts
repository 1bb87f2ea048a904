import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';

const TEXT = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue # é\n';
const utf16 = (text: string, littleEndian: boolean, mark: boolean) => {
  const bytes = new Uint8Array((text.length + (mark ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  [...(mark ? '\uFEFF' : ''), ...text].forEach((c, i) => view.setUint16(i * 2, c.charCodeAt(0), littleEndian));
  return bytes;
};

describe("a file's text", () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT)],
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
    ['UTF-16 little endian with a mark', utf16(TEXT, true, true)],
    ['UTF-16 big endian with a mark', utf16(TEXT, false, true)],
    ['UTF-16 little endian without a mark', utf16(TEXT, true, false)],
    ['UTF-16 big endian without a mark', utf16(TEXT, false, false)],
  ])('GIVEN a template written as %s THEN it reads as the same text', (_, bytes) => {
    expect(decodeText(bytes)).toBe(TEXT);
  });

  it('GIVEN bytes that are no text THEN they are refused, not read as garbage', () => {
    expect(() => decodeText(new Uint8Array([0x52, 0xff, 0xfe, 0x80, 0x81]))).toThrow(/not UTF-8 text/);
  });
});
