"""Step 1: read the raw bytes of an input and decode them to text.

The rule is strict UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured),
then strict Windows-1252 (a superset of Latin-1's printable range), else a
refusal. We do not let charset_normalizer guess: on short French pages it can
pick a plausible but wrong code page (cp1250, mac_roman…) without any signal,
while news pages are in practice UTF-8 or Windows-1252, and a two-step strict
rule is deterministic and can say exactly why it refuses a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronique.ingest.errors import IngestFailure

#: Signatures of common binary formats that are sometimes saved with a text extension.
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or office document)",
    b"\x1f\x8b": "gzip archive",
    b"RIFF": "RIFF media file",
}
_SNIFF_BYTES = 8192
#: Control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: UTF-8 text that was decoded as Windows-1252 somewhere upstream ("rÃ©gion", "lâ€™Ukraine").
_MOJIBAKE = re.compile(
    r"Ã[\u00a0-\u00bf]|Ã[€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€[™œ“”˜¦¢\u009d]|Â[«»°\u00a0]"
)

#: Every _MOJIBAKE match starts with one of these: a cheap test before the regex scan.
_MOJIBAKE_LEADS = ("Ã", "â€", "Â")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(raw: bytes) -> DecodedText:
    """Decode *raw* to text with newlines normalised to ``\\n``; IngestFailure when it is not text."""
    if not raw.strip():
        raise IngestFailure("empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _finish(_strict(raw, "utf-16"), "utf-16")
    _refuse_binary(raw[:_SNIFF_BYTES])
    if raw.startswith(b"\xef\xbb\xbf"):
        return _finish(_strict(raw[3:], "utf-8"), "utf-8-sig")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise IngestFailure(
                f"not valid UTF-8 (byte 0x{raw[utf8_error.start]:02x} at offset "
                f"{utf8_error.start}) nor Windows-1252: re-save the file as UTF-8"
            ) from None
        return _finish(text, "cp1252")
    return _finish(text, "utf-8")


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestFailure(
            f"not valid {encoding.upper()} (offset {exc.start}): re-save the file as UTF-8"
        ) from None


def _refuse_binary(head: bytes) -> None:
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            raise IngestFailure(f"binary file ({kind}), not a text or HTML page")
    if b"\x00" in head:
        raise IngestFailure("binary file (NUL bytes), not a text or HTML page")


def _finish(text: str, encoding: str) -> DecodedText:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestFailure("empty file")
    controls = len(_CONTROL.findall(text[:_SNIFF_BYTES]))
    if controls > max(4, len(text[:_SNIFF_BYTES]) // 100):
        raise IngestFailure("binary file (control characters), not a text or HTML page")
    mojibake = _MOJIBAKE.search(text) if _may_hold_mojibake(text) else None
    if mojibake:
        raise IngestFailure(
            f"garbled encoding (mojibake such as '{mojibake.group()}': UTF-8 read as "
            "Windows-1252 before it was saved): fix the file's encoding"
        )
    return DecodedText(text, encoding)


def _may_hold_mojibake(text: str) -> bool:
    return any(lead in text for lead in _MOJIBAKE_LEADS)
