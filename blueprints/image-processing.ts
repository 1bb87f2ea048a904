import { diagram } from '../generators/graph/build';
import type { Blueprint } from './types';
import { BLUEPRINT_HANDLERS } from './handlers.generated';

export const imageProcessing: Blueprint = {
  id: 'image-processing',
  title: 'Image processing',
  description:
    "Uploading a PNG or JPEG image to a bucket triggers a function that makes a thumbnail, stores it in a second bucket and records the image's size and dimensions in a table. Writing to another bucket means it never triggers itself.",
  graph: diagram({
    name: 'Image processing',
    layout: true,
    nodes: {
      Uploads: 's3',
      Thumbnailer: ['lambda', { memoryMiB: 1024, timeoutSeconds: 60, code: BLUEPRINT_HANDLERS['image_thumbnailer.py'] }],
      Thumbnails: 's3',
      ImageMetadata: ['dynamodb', { partitionKey: 'key' }],
    },
    edges: [
      ['Uploads', 'Thumbnailer', { event: 's3:ObjectCreated:*' }],
      ['Thumbnailer', 'Uploads', { access: 'read' }],
      ['Thumbnailer', 'Thumbnails', { access: 'write' }],
      ['Thumbnailer', 'ImageMetadata', { access: 'write' }],
    ],
    notes: {
      Uploads: 'Users upload original images here. Every new object is an event.',
      Thumbnailer:
        'Runs once per uploaded image: reads it, resizes it into a 128-pixel thumbnail and records its metadata. PNG thumbnails need no library; for JPEG, give the function a Pillow layer (its Layers property).',
      Thumbnails: 'The thumbnails, under the same key as the original. A separate bucket, so writing here never triggers the function again.',
      ImageMetadata: 'One item per image: its key, size in bytes, width, height and format.',
      'Uploads->Thumbnailer': 'S3 invokes the function for each created object, with a permission that names this bucket and this account only.',
      'Thumbnailer->Uploads': 'The function may read the originals (GetObject) and nothing more.',
      'Thumbnailer->Thumbnails': 'The function may write thumbnails (PutObject) and nothing more.',
      'Thumbnailer->ImageMetadata': 'The function may write items into the metadata table.',
    },
  }),
};
