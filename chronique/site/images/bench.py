"""``invoke bench``: image throughput (photos of 4000 × 3000, both cores) and the cost of
a rebuild whose images are all in the cache."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageFilter

from chronique.site.images.cache import ImageCache
from chronique.site.images.publish import process_images
from chronique.site.images.variants import image_settings


def synthetic_photo(path: Path, size: tuple[int, int], seed: int) -> None:
    """Blurred noise over a gradient: detail like a photo's, so encoders work as hard."""
    noise = Image.effect_noise((size[0] // 4, size[1] // 4), 40 + seed % 20).resize(size)
    gradient = Image.linear_gradient("L").resize(size)
    photo = Image.merge("RGB", (noise, gradient, noise.filter(ImageFilter.GaussianBlur(3))))
    photo.save(path, "JPEG", quality=90)


def bench_images(n_photos: int = 100, size: tuple[int, int] = (4000, 3000)) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        images = root / "content" / "images"
        images.mkdir(parents=True)
        distinct = 4  # making 100 different photos would take longer than processing them
        for index in range(distinct):
            synthetic_photo(images / f"photo-{index}.jpg", size, index)
        for index in range(distinct, n_photos):
            shutil.copyfile(images / f"photo-{index % distinct}.jpg", images / f"photo-{index}.jpg")
        srcs = [f"images/photo-{index}.jpg" for index in range(n_photos)]
        settings = image_settings({})

        def run() -> float:
            started = time.perf_counter()
            _, errors = process_images(
                srcs, root / "content", root / "output", settings, ImageCache(root / "cache")
            )
            assert not errors, errors
            return time.perf_counter() - started

        cold, warm = run(), run()
    return {
        "images_photos_per_s": n_photos / cold,
        "images_cold_seconds": cold,
        "images_cached_rebuild_seconds": warm,
    }
