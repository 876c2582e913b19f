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
_CONTROL_CODES = frozenset((*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F))
#: Every byte but those: what bytes.translate deletes to leave only the control characters.
_NOT_CONTROL = bytes(code for code in range(256) if code not in _CONTROL_CODES)
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
    #: What was repaired, for the editor: 'garbled encoding repaired (…)'.
    repaired: str | None = None


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
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestFailure("empty file")
    head = text[:_SNIFF_BYTES]
    if _control_characters(head) > max(4, len(head) // 100):
        raise IngestFailure("binary file (control characters), not a text or HTML page")
    if _may_hold_mojibake(text):
        return _repair_mojibake(text, encoding)
    return DecodedText(text, encoding)


def _control_characters(text: str) -> int:
    """How many control characters *text* holds. Each is one byte in UTF-8 and every other
    character's bytes are >= 0x80 or printable, so deleting the rest in C counts them
    (a regular-expression scan of every character cost more than decoding the file)."""
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))


def _may_hold_mojibake(text: str) -> bool:
    return any(lead in text for lead in _MOJIBAKE_LEADS)


def _repair_mojibake(text: str, encoding: str) -> DecodedText:
    """*text* with its mojibake turned back into the characters it stands for; IngestFailure
    when it is not repairable.

    A page pasted together from several sources can hold a few garbled words among many
    right ones (or garbled text only in a script): each sequence is repaired on its own (a
    two- or three-character match maps back to one UTF-8 character), so correct text around
    it is never re-decoded. A page where garbling dominates was read as Windows-1252 or
    Latin-1 as a whole, often with a few right characters the browser added (a menu's
    accents, an emoji), so no single re-decoding of the whole text restores it: ftfy's
    encoding fixer, which re-decodes each garbled stretch and leaves the rest, does; a page
    still garbled after it is refused.
    """
    matches = list(_MOJIBAKE.finditer(text))
    if not matches:
        return DecodedText(text, encoding)
    note = f"garbled encoding repaired ({len(matches)} sequences of UTF-8 read as Windows-1252)"
    if len(matches) < _correct_non_ascii(text, matches):
        return DecodedText(_MOJIBAKE.sub(_unscramble, text), encoding, note)
    import ftfy  # only for the rare page garbled as a whole

    repaired = ftfy.fix_encoding(text)
    left = list(_MOJIBAKE.finditer(repaired))
    if len(left) >= _correct_non_ascii(repaired, left):
        example = left[0].group()
        raise IngestFailure(
            f"garbled encoding (mojibake such as '{example}': UTF-8 read as "
            "Windows-1252 before it was saved) that does not decode back: fix the file's encoding"
        )
    return DecodedText(repaired, encoding, note)


def _correct_non_ascii(text: str, mojibake: list[re.Match[str]]) -> int:
    """How many non-ASCII characters of *text* are not part of *mojibake*."""
    garbled = sum(len(m.group()) for m in mojibake)  # every character of a match is non-ASCII
    return len(text) - len(text.encode("ascii", "ignore")) - garbled


def _unscramble(match: re.Match[str]) -> str:
    try:
        return match.group().encode("cp1252").decode("utf-8")
    except UnicodeError:  # a sequence that is not whole UTF-8 bytes: leave it as it is
        return match.group()
