/**
 * A file's text from its bytes, as editors write templates: UTF-8 (a byte-order mark dropped) or
 * UTF-16, little or big endian, found by its mark or, without one, by the zero byte every ASCII
 * character carries. Bytes that are no text at all are refused, never turned into garbage.
 */
export class NotTextError extends Error {}

export function decodeText(bytes: Uint8Array): string {
  const decode = (encoding: 'utf-8' | 'utf-16le' | 'utf-16be', from: number) => {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(from));
    } catch {
      throw new NotTextError(`The file is not ${encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase()} text`);
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', 2);
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return decode('utf-16le', 0);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return decode('utf-16be', 0);
  return decode('utf-8', 0);
}
