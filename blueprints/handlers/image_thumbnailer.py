import io, os, struct, zlib
from urllib.parse import unquote_plus
import boto3
try:
    from PIL import Image  # from a Pillow layer, when the function has one
except ImportError:
    Image = None

SIZE = 128
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def dimensions(data):
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return ("PNG",) + struct.unpack(">II", data[16:24])
    i = 2
    while data[:2] == b"\xff\xd8" and i + 9 < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return "JPEG", w, h
        i += 2 + length
    return None, 0, 0


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_thumbnail(data, w, h, tw, th):
    # Dependency-free: 8-bit, non-interlaced PNG, nearest-neighbour.
    pos, idat, ct = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            depth, ct, _, _, lace = body[8:13]
            if depth != 8 or lace or ct not in CHANNELS:
                return None
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = CHANNELS[ct]
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = row[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1: row[x] = (row[x] + a) & 255
            elif f == 2: row[x] = (row[x] + b) & 255
            elif f == 3: row[x] = (row[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(row)
        prev = row
    out = b"".join(b"\x00" + b"".join(bytes(rows[y * h // th][(x * w // tw) * bpp:(x * w // tw + 1) * bpp]) for x in range(tw)) for y in range(th))
    head = struct.pack(">IIBBBBB", tw, th, 8, ct, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(out)) + chunk(b"IEND", b"")


def thumbnail(data, fmt, w, h):
    scale = min(1, SIZE / max(w, h, 1))
    tw, th = max(1, round(w * scale)), max(1, round(h * scale))
    if Image:
        image = Image.open(io.BytesIO(data))
        image.thumbnail((SIZE, SIZE))
        buf = io.BytesIO()
        image.save(buf, format=fmt)
        return buf.getvalue(), ""
    if fmt == "PNG":
        return png_thumbnail(data, w, h, tw, th), "unsupported PNG variant"
    return None, "JPEG thumbnails need a Pillow layer on the function"


def handler(event, context):
    """Each uploaded PNG or JPEG: a thumbnail in the thumbnails bucket, its metadata in the table."""
    s3 = boto3.client("s3")
    table = boto3.resource("dynamodb").Table(os.environ["IMAGE_METADATA_TABLE_NAME"])
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        data = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        fmt, w, h = dimensions(data)
        item = {os.environ.get("IMAGE_METADATA_TABLE_KEY", "key"): key, "bucket": bucket, "bytes": len(data), "format": fmt or "unknown", "width": w, "height": h}
        thumb, why = thumbnail(data, fmt, w, h) if fmt else (None, "not a PNG or JPEG")
        if thumb:
            s3.put_object(Bucket=os.environ["THUMBNAILS_BUCKET_NAME"], Key=key, Body=thumb, ContentType="image/" + fmt.lower())
            item["thumbnail"] = key
        else:
            item["thumbnail"] = "none: " + why
        table.put_item(Item=item)
    return {"processed": len(event.get("Records", []))}
