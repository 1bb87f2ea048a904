import type { PropSpec } from '../../props/spec';

export const s3Props = [
  {
    key: 'mode',
    label: 'Mode',
    type: 'enum',
    default: 'storage',
    options: [
      { value: 'storage', label: 'storage (private)' },
      { value: 'website', label: 'website (public static hosting)' },
    ],
  },
  {
    key: 'indexDocument',
    label: 'Index document',
    type: 'string',
    default: 'index.html',
    pattern: /^[A-Za-z0-9._-]+$/,
    patternMessage: 'Index document must be a file name such as index.html',
    visibleWhen: (p) => p.mode === 'website',
  },
  {
    key: 'errorDocument',
    label: 'Error document',
    type: 'string',
    default: 'error.html',
    pattern: /^[A-Za-z0-9._-]+$/,
    patternMessage: 'Error document must be a file name such as error.html',
    visibleWhen: (p) => p.mode === 'website',
  },
  { key: 'versioning', label: 'Versioning', type: 'boolean', default: false },
  { key: 'retainOnDelete', label: 'Keep when the stack is deleted', type: 'boolean', default: false, help: 'Off: deleting the stack deletes the data too (right for demos)' },
] as const satisfies readonly PropSpec[];
