/**
 * Where an imported function's code is, as its template says: inline, in S3, in a container image,
 * or (SAM's CodeUri) a path on the machine that wrote the template. Kept as written; shown, and
 * said before a deploy that would need it.
 */
import type { CfnValue } from '../../template/cfn';
import { readable } from '../../template/readable';

export type CodeLocation =
  | { kind: 'inline'; text: string }
  | { kind: 'object'; text: string }
  | { kind: 'image'; text: string }
  | { kind: 'path'; text: string; path: string }
  | { kind: 'none'; text: string };

export function codeLocationOf(properties: Record<string, CfnValue> = {}): CodeLocation {
  const code = properties.Code as Record<string, CfnValue> | undefined;
  if (properties.InlineCode !== undefined || (code && code.ZipFile !== undefined)) return { kind: 'inline', text: 'inline in the template' };
  if (code && code.S3Bucket !== undefined) return { kind: 'object', text: `code in S3: s3://${readable(code.S3Bucket)}/${readable(code.S3Key)}` };
  const image = code?.ImageUri ?? properties.ImageUri;
  if (image !== undefined) return { kind: 'image', text: `code in a container image: ${readable(image)}` };
  const uri = properties.CodeUri;
  if (typeof uri === 'string') return uri.startsWith('s3://') ? { kind: 'object', text: `code in S3: ${uri}` } : { kind: 'path', text: `code at path ${uri} (SAM CodeUri)`, path: uri };
  if (uri && typeof uri === 'object' && !Array.isArray(uri) && 'Bucket' in uri) {
    const s3 = uri as Record<string, CfnValue>;
    return { kind: 'object', text: `code in S3: s3://${readable(s3.Bucket)}/${readable(s3.Key)}` };
  }
  return { kind: 'none', text: 'no code in the template (neither Code, CodeUri nor InlineCode)' };
}
