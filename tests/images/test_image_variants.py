"""Issue 17: variants at the configured widths, upright, in sRGB, without any metadata."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from chronique.site.images import ImageError, image_settings
from chronique.site.images.cache import ImageCache
from chronique.site.images.publish import process_image
from chronique.site.images.variants import encode_variants
from tests.images.helpers import (
    metadata_left,
    phone_photo,
    png_header_bomb,
    png_with_metadata,
    webp_with_metadata,
)

DEFAULTS = image_settings({})


def sizes(files: dict[str, bytes]) -> dict[str, tuple[int, int]]:
    return {path: Image.open(io.BytesIO(data)).size for path, data in files.items()}


def test_default_settings() -> None:
    assert DEFAULTS.widths == (480, 960, 1600)
    assert DEFAULTS.max_bytes == 25 * 1024 * 1024


def test_variants_at_each_width_in_webp_and_the_source_format(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "images/photo.jpg", (2000, 1000))
    image, files = encode_variants(source, "images/photo.jpg", DEFAULTS)
    assert sizes(files) == {
        "images/photo.480w.webp": (480, 240),
        "images/photo.480w.jpg": (480, 240),
        "images/photo.960w.webp": (960, 480),
        "images/photo.960w.jpg": (960, 480),
        "images/photo.1600w.webp": (1600, 800),
        "images/photo.jpg": (1600, 800),  # the largest fallback replaces the original
    }
    formats = {path: Image.open(io.BytesIO(data)).format for path, data in files.items()}
    assert {fmt for path, fmt in formats.items() if path.endswith(".webp")} == {"WEBP"}
    assert {fmt for path, fmt in formats.items() if path.endswith(".jpg")} == {"JPEG"}
    assert [(v.width, v.height) for v in image.fallback] == [(480, 240), (960, 480), (1600, 800)]
    assert image.largest.path == "images/photo.jpg"


def test_a_small_image_is_never_upscaled(tmp_path: Path) -> None:
    source = png_with_metadata(tmp_path / "images/petite.png", (700, 350))
    image, files = encode_variants(source, "images/petite.png", DEFAULTS)
    assert sorted({v.width for v in image.variants}) == [480, 700]
    assert max(w for w, _ in sizes(files).values()) == 700


def test_widths_are_a_setting(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "images/photo.jpg", (2000, 1000))
    settings = image_settings({"CHRONIQUE_IMAGE_WIDTHS": [600, 300]})
    image, _ = encode_variants(source, "images/photo.jpg", settings)
    assert sorted({v.width for v in image.variants}) == [300, 600]


@pytest.mark.parametrize(
    "make, name",
    [
        (phone_photo, "photo.jpg"),
        (png_with_metadata, "carte.png"),
        (webp_with_metadata, "vue.webp"),
    ],
)
def test_no_metadata_left_in_any_output(tmp_path: Path, make, name: str) -> None:
    source = make(tmp_path / "images" / name)
    assert metadata_left(source), "the test image must carry metadata to begin with"
    _, files = encode_variants(source, f"images/{name}", DEFAULTS)
    for path, data in files.items():
        written = tmp_path / "out" / path
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_bytes(data)
        assert metadata_left(written) == [], path


@pytest.mark.parametrize(
    "orientation, expected", [(6, (500, 1000)), (3, (1000, 500)), (8, (500, 1000))]
)
def test_exif_orientation_is_applied(tmp_path: Path, orientation: int, expected) -> None:
    source = phone_photo(tmp_path / "images/photo.jpg", (1000, 500), orientation)
    _, files = encode_variants(source, "images/photo.jpg", DEFAULTS)
    upright = Image.open(io.BytesIO(files["images/photo.jpg"])).convert("RGB")
    assert upright.size == expected
    # The left half of the stored pixels is red: orientation 6 turns it to the top,
    # 8 to the bottom, 3 to the right.
    probe = {6: (250, 10), 8: (250, 990), 3: (990, 250)}[orientation]
    red, _, blue = upright.getpixel(probe)
    assert red > 150 and blue < 100, upright.getpixel(probe)


def test_cmyk_is_converted_to_srgb(tmp_path: Path) -> None:
    source = tmp_path / "images/cmyk.jpg"
    source.parent.mkdir(parents=True)
    Image.new("CMYK", (600, 400), (0, 255, 255, 0)).save(source, "JPEG")
    _, files = encode_variants(source, "images/cmyk.jpg", DEFAULTS)
    for data in files.values():
        image = Image.open(io.BytesIO(data))
        assert image.mode == "RGB"
        red, green, blue = image.getpixel((10, 10))
        assert red > 200 and green < 60 and blue < 60


def test_palette_images_keep_their_transparency(tmp_path: Path) -> None:
    source = tmp_path / "images/logo.png"
    source.parent.mkdir(parents=True)
    palette = Image.new("P", (600, 300), 0)
    palette.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    palette.paste(1, (0, 0, 300, 300))
    palette.save(source, "PNG", transparency=0)
    image, files = encode_variants(source, "images/logo.png", DEFAULTS)
    assert image.format == "PNG"
    for data in files.values():
        decoded = Image.open(io.BytesIO(data)).convert("RGBA")
        red, green, blue, _ = decoded.getpixel((5, 5))  # WebP is lossy: near the colour
        assert abs(red - 200) < 8 and green < 8 and blue < 8
        assert decoded.getpixel((decoded.width - 5, 5))[3] == 0


def test_a_16_bit_grey_scan_keeps_its_tones(tmp_path: Path) -> None:
    source = tmp_path / "images/scan.png"
    source.parent.mkdir(parents=True)
    Image.new("I;16", (600, 400), 30000).save(source, "PNG")
    _, files = encode_variants(source, "images/scan.png", DEFAULTS)
    for data in files.values():
        red, green, blue = Image.open(io.BytesIO(data)).convert("RGB").getpixel((10, 10))
        assert abs(red - 117) <= 3 and red == green == blue


def test_a_gif_still_is_published_as_png(tmp_path: Path) -> None:
    source = tmp_path / "images/still.gif"
    source.parent.mkdir(parents=True)
    Image.new("RGB", (500, 250), "navy").save(source, "GIF", comment=b"secret")
    image, files = encode_variants(source, "images/still.gif", DEFAULTS)
    assert {v.format for v in image.variants} == {"WEBP", "PNG"}
    assert Image.open(io.BytesIO(files["images/still.gif"])).format == "PNG"


def truncated_jpeg(path: Path) -> None:
    noise = Image.effect_noise((800, 600), 64).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=95)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])


def animated_gif(path: Path) -> None:
    frames = [Image.new("RGB", (100, 100), colour) for colour in ("red", "blue", "green")]
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)


def garbage_after_header(path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "teal").save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[60:] = b"\x00garbage" * ((len(data) - 60) // 8 + 1)
    path.write_bytes(bytes(data))


BAD_INPUTS = {
    "missing file": (None, "does not exist"),
    "text file named .jpg": (
        lambda p: p.write_text("Ceci n'est pas une image."),
        "not a JPEG, PNG",
    ),
    "empty file": (lambda p: p.write_bytes(b""), "not a JPEG, PNG"),
    "truncated JPEG": (truncated_jpeg, "corrupt or truncated"),
    "corrupt PNG data": (garbage_after_header, "corrupt or truncated"),
    "decompression bomb 30000 × 30000": (png_header_bomb, r"\(900000000 pixels\) exceeds limit"),
    "60 megapixels": (
        lambda p: png_header_bomb(p, 10000, 6000),
        r"10000 × 6000 pixels is over the limit of 50 megapixels \(CHRONIQUE_IMAGE_MAX_PIXELS\)",
    ),
    "animated GIF": (animated_gif, "animated images are not published"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_each_bad_input_is_refused_with_its_reason(tmp_path: Path, case: str) -> None:
    make, fragment = BAD_INPUTS[case]
    source = tmp_path / "content/images/photo.jpg"
    source.parent.mkdir(parents=True)
    if make:
        make(source)
    cache = ImageCache(tmp_path / "cache")
    with pytest.raises(ImageError, match=fragment):
        process_image(tmp_path / "content", "images/photo.jpg", tmp_path / "out", DEFAULTS, cache)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.*"))


def test_an_image_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    source = phone_photo(tmp_path / "content/images/photo.jpg", (1200, 800))
    settings = image_settings({"CHRONIQUE_IMAGE_MAX_BYTES": source.stat().st_size - 1})
    with pytest.raises(ImageError, match=r"over the limit of .* \(CHRONIQUE_IMAGE_MAX_BYTES\)"):
        encode_variants(source, "images/photo.jpg", settings)


@pytest.mark.parametrize("src", ["../../etc/passwd", "images/../../secret.jpg", "images/lien.jpg"])
def test_a_path_leaving_content_is_refused(tmp_path: Path, src: str) -> None:
    content = tmp_path / "content"
    phone_photo(tmp_path / "secret.jpg", (600, 400))
    (content / "images").mkdir(parents=True)
    (content / "images/lien.jpg").symlink_to(tmp_path / "secret.jpg")
    cache = ImageCache(tmp_path / "cache")
    with pytest.raises(ImageError, match="points outside content/"):
        process_image(content, src, tmp_path / "out", DEFAULTS, cache)
