// The image work of the thumbnailer, apart from the AWS calls: read what an upload is, make its thumbnail.
const sharp = require('sharp');

/** Longest side of a thumbnail, in pixels. */
const SIZE = 128;
const THUMBNAILED = new Set(['jpeg', 'png', 'webp']);

/**
 * What the bytes are: { format, width, height } as a person sees the image (EXIF rotation applied),
 * or { skipped: reason } when there is nothing to thumbnail.
 */
async function inspect(bytes) {
  let info;
  try {
    info = await sharp(bytes).metadata();
  } catch {
    return { skipped: 'not an image (sharp cannot read it)' };
  }
  if (!THUMBNAILED.has(info.format)) return { skipped: `${info.format} images are not thumbnailed (JPEG, PNG and WebP are)` };
  // EXIF orientations 5 to 8 turn the picture a quarter: its displayed width is its stored height.
  const turned = (info.orientation ?? 1) >= 5;
  return { format: info.format, width: turned ? info.height : info.width, height: turned ? info.width : info.height };
}

/** The thumbnail, in the original's format, its longest side SIZE, the aspect ratio kept; never enlarged. */
async function thumbnail(bytes, format) {
  const { data, info } = await sharp(bytes).rotate().resize({ width: SIZE, height: SIZE, fit: 'inside', withoutEnlargement: true }).toFormat(format).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

module.exports = { inspect, thumbnail, SIZE };
