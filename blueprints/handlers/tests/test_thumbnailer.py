import struct
import zlib

import boto3

from blueprint_support import load, table


def png(width, height):
    """A real RGB PNG (a gradient), written with zlib only, with a mix of row filters."""
    rows = []
    for y in range(height):
        row = bytes(v for x in range(width) for v in ((x * 255) // width, (y * 255) // height, 128))
        if y % 2:  # Sub filter: each byte minus the one a pixel to its left
            row = bytes((row[x] - (row[x - 3] if x >= 3 else 0)) & 255 for x in range(len(row)))
        rows.append((b"\x01" if y % 2 else b"\x00") + row)
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")


def jpeg_header(width, height):
    """The start of a baseline JPEG: SOI, an APP0 segment, then SOF0 with the dimensions."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def setup(monkeypatch):
    s3 = boto3.client("s3")
    for name in ("uploads", "thumbnails"):
        s3.create_bucket(Bucket=name)
    metadata = table("ImageMetadata", "key")
    monkeypatch.setenv("IMAGE_METADATA_TABLE_NAME", "ImageMetadata")
    monkeypatch.setenv("IMAGE_METADATA_TABLE_KEY", "key")
    monkeypatch.setenv("THUMBNAILS_BUCKET_NAME", "thumbnails")
    return s3, metadata


def without_pillow():
    """The function as deployed without a Pillow layer."""
    module = load("image_thumbnailer")
    module.Image = None
    return module


def with_pillow():
    """The function as deployed with a Pillow layer (the tests use Debian's python3-pil)."""
    module = load("image_thumbnailer")
    assert module.Image is not None, "Pillow is not importable: npm test installs Debian's python3-pil and puts it on PYTHONPATH"
    return module


def upload_event(key):
    return {"Records": [{"s3": {"bucket": {"name": "uploads"}, "object": {"key": key}}}]}


def test_without_a_layer_an_uploaded_png_gets_a_thumbnail_and_a_metadata_item(monkeypatch):
    s3, metadata = setup(monkeypatch)
    original = png(300, 200)
    s3.put_object(Bucket="uploads", Key="photos/beach day.png", Body=original)
    # S3 events carry keys URL-encoded: the space arrives as "+".
    assert without_pillow().handler(upload_event("photos/beach+day.png"), None) == {"processed": 1}
    thumb = s3.get_object(Bucket="thumbnails", Key="photos/beach day.png")["Body"].read()
    assert thumb[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", thumb[16:24]) == (128, 85)
    decoded = zlib.decompress(thumb[thumb.index(b"IDAT") + 4:thumb.index(b"IEND") - 8])
    assert len(decoded) == 85 * (1 + 128 * 3)
    # The gradient survives: red grows left to right, green top to bottom (odd rows were Sub-filtered).
    first, last = decoded[1:1 + 128 * 3], decoded[-128 * 3:]
    assert first[0] < first[-3] and first[1] < last[1]
    item = metadata.get_item(Key={"key": "photos/beach day.png"})["Item"]
    assert item == {"key": "photos/beach day.png", "bucket": "uploads", "bytes": len(original), "format": "PNG", "width": 300, "height": 200, "thumbnail": "photos/beach day.png"}


def test_without_a_layer_an_uploaded_jpeg_gets_its_metadata_and_says_what_a_thumbnail_needs(monkeypatch):
    s3, metadata = setup(monkeypatch)
    s3.put_object(Bucket="uploads", Key="cat.jpg", Body=jpeg_header(640, 480))
    without_pillow().handler(upload_event("cat.jpg"), None)
    item = metadata.get_item(Key={"key": "cat.jpg"})["Item"]
    assert (item["format"], item["width"], item["height"]) == ("JPEG", 640, 480)
    assert item["thumbnail"] == "none: JPEG thumbnails need a Pillow layer on the function"


def test_a_file_that_is_no_image_is_recorded_as_such(monkeypatch):
    s3, metadata = setup(monkeypatch)
    s3.put_object(Bucket="uploads", Key="notes.txt", Body=b"hello")
    without_pillow().handler(upload_event("notes.txt"), None)
    assert metadata.get_item(Key={"key": "notes.txt"})["Item"]["thumbnail"] == "none: not a PNG or JPEG"
    assert "Contents" not in s3.list_objects_v2(Bucket="thumbnails")


def test_with_a_pillow_layer_png_and_jpeg_uploads_get_thumbnails_and_metadata(monkeypatch):
    import io

    from PIL import Image

    s3, metadata = setup(monkeypatch)
    photo = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 30, 30)).save(photo, format="JPEG")
    s3.put_object(Bucket="uploads", Key="cat.jpg", Body=photo.getvalue())
    s3.put_object(Bucket="uploads", Key="chart.png", Body=png(300, 200))
    handler = with_pillow().handler
    handler(upload_event("cat.jpg"), None)
    handler(upload_event("chart.png"), None)
    jpeg = Image.open(io.BytesIO(s3.get_object(Bucket="thumbnails", Key="cat.jpg")["Body"].read()))
    assert (jpeg.format, jpeg.size) == ("JPEG", (128, 96))
    chart = Image.open(io.BytesIO(s3.get_object(Bucket="thumbnails", Key="chart.png")["Body"].read()))
    assert (chart.format, chart.size) == ("PNG", (128, 85))
    cat = metadata.get_item(Key={"key": "cat.jpg"})["Item"]
    assert (cat["format"], cat["width"], cat["height"], cat["thumbnail"]) == ("JPEG", 640, 480, "cat.jpg")
