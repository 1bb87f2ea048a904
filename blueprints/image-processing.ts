import { diagram } from '../generators/graph/build';
import { blueprint, type Blueprint } from './types';
import { BLUEPRINT_HANDLERS } from './handlers.generated';
import { BLUEPRINT_LAYOUTS } from './layouts.generated';

/** The sharp release the thumbnailer is built with (the version the project's tests install). */
export const SHARP_VERSION = '0.35.5';

export const imageProcessing: Blueprint = blueprint({
  id: 'image-processing',
  title: 'Image processing',
  description:
    "Uploading a JPEG, PNG or WebP image to a bucket triggers a function that makes a thumbnail with sharp, stores it in a second bucket and records the image's size, format and dimensions in a table. Writing to another bucket means it never triggers itself.",
  graph: () =>
    diagram({
      name: 'Image processing',
      positions: BLUEPRINT_LAYOUTS['image-processing'],
      nodes: {
        Uploads: 's3',
        Thumbnailer: [
          'lambda',
          {
            runtime: 'nodejs22.x',
            memoryMiB: 1024,
            timeoutSeconds: 60,
            code: BLUEPRINT_HANDLERS['image_thumbnailer.js'],
            files: JSON.stringify({ 'thumbnail.js': BLUEPRINT_HANDLERS['image_thumbnail.js'] }),
            dependencies: `sharp@${SHARP_VERSION}`,
          },
        ],
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
          'Runs once per uploaded image: reads it, makes a thumbnail at most 128 pixels on its longest side (aspect ratio kept, EXIF rotation applied) and records its metadata. Node.js 22 with the sharp image library, bundled with the code into a zip when the diagram is deployed: no layer to find. A file that is not an image is recorded as skipped, with the reason.',
        Thumbnails: 'The thumbnails, under the same key as the original. A separate bucket, so writing here never triggers the function again.',
        ImageMetadata: 'One item per upload: its key, size in bytes, format, width and height, and the thumbnail; or why it was skipped.',
        'Uploads->Thumbnailer': 'S3 invokes the function for each created object, with a permission that names this bucket and this account only.',
        'Thumbnailer->Uploads': 'The function may read the originals (GetObject) and nothing more.',
        'Thumbnailer->Thumbnails': 'The function may write thumbnails (PutObject) and nothing more.',
        'Thumbnailer->ImageMetadata': 'The function may write items into the metadata table.',
      },
    }),
});
