"""Plain text into Markdown that renders back to the same words."""

from __future__ import annotations

import re

#: A line start Markdown would read as a heading, quote, list item or rule.
_BLOCK_START = re.compile(r"^(?:(#{1,6})(?=\s|$)|(>)|([-+*])(?=\s)|(\d{1,9})([.)])(?=\s|$))")
_MAY_NEED_ESCAPE = re.compile(r"[\\`*_<]")
_INLINE = re.compile(r"([\\`*])|(?<!\w)_|_(?!\w)|<(?=[A-Za-z/!?])")


def escape_paragraph(text: str) -> str:
    """Escape what Markdown would otherwise interpret, so *text* is shown verbatim.

    Inline: backslashes, backticks, asterisks, underscores at word edges and '<'
    before a tag-like character. Line start: '#', '>', '-', '+', '*', '1.' / '1)'.
    Everything else (French quotes, apostrophes, non-breaking spaces) is left as it is.
    """
    escaped = _INLINE.sub(_escape_inline, text) if _MAY_NEED_ESCAPE.search(text) else text
    return _BLOCK_START.sub(_escape_block, escaped, count=1)


def _escape_inline(match: re.Match[str]) -> str:
    char = match.group()
    return "&lt;" if char == "<" else f"\\{char}"


def _escape_block(match: re.Match[str]) -> str:
    hashes, quote, bullet, number, delimiter = match.groups()
    if hashes:
        return "\\" + hashes
    if quote:
        return "\\>"
    if bullet:
        return "\\" + bullet if bullet != "*" else bullet  # '*' is already escaped inline
    return f"{number}\\{delimiter}"


def heading(text: str, level: int = 2) -> str:
    return f"{'#' * level} {escape_paragraph(text)}"


def join_blocks(blocks: list[str]) -> str:
    """Markdown blocks separated by one blank line."""
    return "\n\n".join(block.strip() for block in blocks if block.strip())
