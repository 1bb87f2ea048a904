import type { ServiceDefinition } from './types';
import { s3Cfn } from './s3.cfn';

export const s3: ServiceDefinition = {
  kind: 's3',
  title: 'Amazon S3',
  shortTitle: 'S3',
  asTarget: 'write to a bucket',
  description: 'Object storage or a static website; object events start work',
  group: 'source',
  defaultName: 'Bucket',
  props: [
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
  ],
  cfn: s3Cfn,
  imports: {
    types: ['AWS::S3::Bucket'],
    bindings: {
      versioning: {
        paths: [['VersioningConfiguration', 'Status']],
        absent: false,
        read: (raw) => (raw === 'Enabled' ? true : raw === 'Suspended' ? false : undefined),
        write: (value) => (value ? 'Enabled' : 'Suspended'),
      },
    },
  },
};
