"""Images with Pillow: responsive variants without metadata, a cache, social cards.

``variants`` encodes one image, ``cache`` keeps what was encoded, ``cards`` draws an
article's social card, ``markup`` writes the ``<picture>`` HTML and ``publish`` hooks it
all into Pelican (``publish_images``, connected in ``chronique.site.plugin``).
"""

from chronique.site.images.publish import publish_images
from chronique.site.images.variants import (
    IMAGE_SUFFIXES,
    ImageError,
    ImageSettings,
    image_settings,
    verify_image,
)

__all__ = [
    "IMAGE_SUFFIXES",
    "ImageError",
    "ImageSettings",
    "image_settings",
    "publish_images",
    "verify_image",
]
