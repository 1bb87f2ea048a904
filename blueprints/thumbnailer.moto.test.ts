/**
 * The image blueprint's thumbnailer, run from the very zip a deploy uploads: built from the
 * blueprint, unpacked, and invoked in a Node.js process of its own against moto's S3 and DynamoDB,
 * with real JPEG, PNG and WebP photos made here (several sizes, portrait and landscape, one with an
 * EXIF rotation) and a text file.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../generators';
import { buildAsset } from '../server/assets/build';
import { unpack } from '../server/assets/fixtures';
import { SANDBOX_KEYS } from '../server/aws/target';
import { startMoto, type Sandbox } from '../server/sandbox/moto';
import { blueprintById } from './index';

const run = promisify(execFile);
let sandbox: Sandbox;
let code: string;
const config = () => ({ region: 'us-east-1', endpoint: sandbox.endpoint, credentials: SANDBOX_KEYS, forcePathStyle: true });

/** A photo-like test image: a gradient with a mark in the top-left corner, so a rotation shows. */
async function photo(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const mark = x < width / 4 && y < height / 4;
      pixels.set(mark ? [250, 20, 20] : [(x * 255) / width, (y * 255) / height, 128], i);
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

beforeAll(async () => {
  sandbox = await startMoto();
  const { assets } = synthesize(blueprintById('image-processing')!.graph);
  const built = await buildAsset(assets[0], { cacheDir: await mkdtemp(join(tmpdir(), 'eventform-thumbs-')), offline: true });
  code = await unpack(built.zip);
  const s3 = new S3Client(config());
  for (const bucket of ['uploads', 'thumbs']) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await new DynamoDBClient(config()).send(
    new CreateTableCommand({
      TableName: 'ImageMetadata',
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'key', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}, 180_000);
afterAll(() => sandbox?.stop());

/** Invokes the unpacked handler as Lambda would, with the AWS SDK the runtime provides (the project's here). */
async function invoke(records: { bucket: string; key: string }[], thumbnails = 'thumbs') {
  const event = { Records: records.map(({ bucket, key }) => ({ s3: { bucket: { name: bucket }, object: { key: encodeURIComponent(key).replace(/%20/g, '+') } } })) };
  const script = `require('./index.js').handler(${JSON.stringify(event)}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  const { stdout } = await run(process.execPath, ['-e', script], {
    cwd: code,
    env: {
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      NODE_PATH: join(process.cwd(), 'node_modules'),
      AWS_ENDPOINT_URL: sandbox.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: SANDBOX_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_KEYS.secretAccessKey,
      THUMBNAILS_BUCKET_NAME: thumbnails,
      IMAGE_METADATA_TABLE_NAME: 'ImageMetadata',
      IMAGE_METADATA_TABLE_KEY: 'key',
    },
  });
  return JSON.parse(stdout);
}

async function rows() {
  const items = (await new DynamoDBClient(config()).send(new ScanCommand({ TableName: 'ImageMetadata' }))).Items ?? [];
  return Object.fromEntries(items.map((item) => [item.key.S!, Object.fromEntries(Object.entries(item).map(([k, v]) => [k, v.S ?? Number(v.N)]))]));
}

describe('the image blueprint thumbnailer, from its built zip, against moto', () => {
  const uploads: Record<string, { make: () => Promise<Buffer>; format: string; shown: [number, number]; thumb: [number, number] }> = {
    'holiday photo.jpg': { make: async () => (await photo(1200, 800)).jpeg().toBuffer(), format: 'jpeg', shown: [1200, 800], thumb: [128, 85] },
    'portrait.png': { make: async () => (await photo(300, 600)).png().toBuffer(), format: 'png', shown: [300, 600], thumb: [64, 128] },
    'wide.webp': { make: async () => (await photo(2000, 1000)).webp().toBuffer(), format: 'webp', shown: [2000, 1000], thumb: [128, 64] },
    'icon.png': { make: async () => (await photo(64, 48)).png().toBuffer(), format: 'png', shown: [64, 48], thumb: [64, 48] },
    // Stored 800 wide and 600 high, with EXIF orientation 6: a camera held upright. People see it 600 x 800.
    'upright.jpg': { make: async () => (await photo(800, 600)).jpeg().withMetadata({ orientation: 6 }).toBuffer(), format: 'jpeg', shown: [600, 800], thumb: [96, 128] },
  };

  it('GIVEN JPEG, PNG and WebP photos and a text file uploaded WHEN the thumbnailer runs THEN each image has a thumbnail of its format, aspect ratio kept, EXIF rotation applied, and a row; the text file is skipped with the reason', async () => {
    const s3 = new S3Client(config());
    for (const [key, upload] of Object.entries(uploads)) await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: await upload.make() }));
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'notes.txt', Body: 'not an image at all' }));

    const answer = await invoke([...Object.keys(uploads), 'notes.txt'].map((key) => ({ bucket: 'uploads', key })));
    expect(answer.processed).toBe(6);

    const table = await rows();
    for (const [key, upload] of Object.entries(uploads)) {
      const stored = await s3.send(new GetObjectCommand({ Bucket: 'thumbs', Key: key }));
      expect(stored.ContentType).toBe(`image/${upload.format}`);
      const thumb = await sharp(Buffer.from(await stored.Body!.transformToByteArray())).metadata();
      expect([thumb.format, thumb.width, thumb.height], key).toEqual([upload.format, ...upload.thumb]);
      // Rotated into place: no orientation left for a viewer to apply a second time.
      expect(thumb.orientation ?? 1, key).toBe(1);
      expect(table[key], key).toMatchObject({
        bucket: 'uploads',
        format: upload.format,
        width: upload.shown[0],
        height: upload.shown[1],
        thumbnail: key,
        thumbnailWidth: upload.thumb[0],
        thumbnailHeight: upload.thumb[1],
      });
      expect(table[key].bytes, key).toBeGreaterThan(0);
    }
    expect(table['notes.txt']).toMatchObject({ skipped: 'not an image (sharp cannot read it)', bytes: 19 });
    const written = (await s3.send(new ListObjectsV2Command({ Bucket: 'thumbs' }))).Contents?.map((o) => o.Key);
    expect(written?.sort()).toEqual(Object.keys(uploads).sort());
  }, 120_000);

  it('GIVEN the uploads bucket named as the thumbnails bucket THEN nothing is written back into it: the image is skipped, saying why', async () => {
    const s3 = new S3Client(config());
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'loop.png', Body: await (await photo(200, 100)).png().toBuffer() }));
    const answer = await invoke([{ bucket: 'uploads', key: 'loop.png' }], 'uploads');
    expect(answer.results[0].skipped).toMatch(/writing there would trigger the function again/);
    const keys = (await s3.send(new ListObjectsV2Command({ Bucket: 'uploads' }))).Contents?.map((o) => o.Key);
    expect(keys?.filter((k) => k === 'loop.png')).toHaveLength(1);
  }, 60_000);
});
