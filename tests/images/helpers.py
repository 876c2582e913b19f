"""Test images, made with Pillow (never downloaded), and how to read their metadata back."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image, ImageCms, PngImagePlugin

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description exif:GPSLatitude="48,51.4N"/></rdf:RDF></x:xmpmeta>'
)
SRGB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_exif(orientation: int = 1) -> Image.Exif:
    """What a phone writes: its make, the orientation, and where the photo was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 51.0, 24.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (2.0, 21.0, 7.0)
    return exif


def two_colour(size: tuple[int, int]) -> Image.Image:
    """Left half red, right half blue: shows which way an image was turned."""
    image = Image.new("RGB", size, (220, 20, 20))
    image.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    return image


def phone_photo(path: Path, size: tuple[int, int] = (2000, 1000), orientation: int = 1) -> Path:
    """A JPEG with EXIF (GPS included), XMP, a comment and an ICC profile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    two_colour(size).save(
        path, "JPEG", exif=phone_exif(orientation), xmp=XMP, comment=b"taken at home",
        icc_profile=SRGB_ICC, quality=90,
    )  # fmt: skip
    return path


def png_with_metadata(path: Path, size: tuple[int, int] = (900, 600)) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "taken at home")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    path.parent.mkdir(parents=True, exist_ok=True)
    two_colour(size).save(path, "PNG", pnginfo=info, exif=phone_exif(), icc_profile=SRGB_ICC)
    return path


def webp_with_metadata(path: Path, size: tuple[int, int] = (1000, 500)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    two_colour(size).save(path, "WEBP", exif=phone_exif(), xmp=XMP, icc_profile=SRGB_ICC)
    return path


def png_header_bomb(path: Path, width: int = 30000, height: int = 30000) -> Path:
    """A tiny PNG file whose header claims *width* × *height* pixels."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (1, 1)).save(path, "PNG")
    data = bytearray(path.read_bytes())
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))
    return path


def metadata_left(path: Path) -> list[str]:
    """Every metadata block Pillow finds in *path*: EXIF, GPS, XMP, ICC, comments, text."""
    found = []
    with Image.open(path) as image:
        image.load()
        exif = image.getexif()
        if len(exif):
            found.append(f"EXIF {dict(exif)}")
        if exif.get_ifd(ExifTags.IFD.GPSInfo):
            found.append("GPS")
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "Comment"):
            if image.info.get(key):
                found.append(key)
        for marker, _ in getattr(image, "applist", []):
            if marker in ("APP1", "APP2", "APP13", "COM"):
                found.append(f"JPEG {marker}")
        found += [f"text {k}" for k in getattr(image, "text", {})]
    return found
