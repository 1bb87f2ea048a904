// For each uploaded image: a thumbnail in the thumbnails bucket (JPEG, PNG or WebP, aspect ratio
// kept, EXIF rotation applied), and its size, format and dimensions in the table. Anything else is
// recorded as skipped, with the reason. Uses sharp (an npm package, bundled with the function).
const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const { inspect, thumbnail } = require('./thumbnail.js');

const s3 = new S3Client({});
const dynamodb = new DynamoDBClient({});

exports.handler = async (event) => {
  const thumbnails = process.env.THUMBNAILS_BUCKET_NAME;
  const table = process.env.IMAGE_METADATA_TABLE_NAME;
  const keyName = process.env.IMAGE_METADATA_TABLE_KEY || 'key';
  const results = [];
  for (const record of event.Records ?? []) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = Buffer.from(await object.Body.transformToByteArray());
    const item = { [keyName]: { S: key }, bucket: { S: bucket }, bytes: { N: String(bytes.length) } };
    let image = await inspect(bytes);
    // Writing into the bucket that triggers the function would trigger it again, for ever.
    if (!image.skipped && bucket === thumbnails) image = { skipped: 'the thumbnails bucket is the uploads bucket: writing there would trigger the function again' };
    if (image.skipped) {
      item.skipped = { S: image.skipped };
    } else {
      const thumb = await thumbnail(bytes, image.format);
      await s3.send(new PutObjectCommand({ Bucket: thumbnails, Key: key, Body: thumb.data, ContentType: `image/${image.format}` }));
      Object.assign(item, {
        format: { S: image.format },
        width: { N: String(image.width) },
        height: { N: String(image.height) },
        thumbnail: { S: key },
        thumbnailWidth: { N: String(thumb.width) },
        thumbnailHeight: { N: String(thumb.height) },
      });
    }
    await dynamodb.send(new PutItemCommand({ TableName: table, Item: item }));
    results.push(image.skipped ? { key, skipped: image.skipped } : { key, format: image.format });
  }
  return { processed: results.length, results };
};
