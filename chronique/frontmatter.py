"""YAML front-matter: split it from the Markdown body, load it safely, write it back.

We use PyYAML's SafeLoader directly rather than the pelican-yaml-metadata plugin
because validation needs the line and column of every field, and a refusal (not
Pelican's skip-with-warning) when the YAML is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent

from chronique.errors import ContentError

_FENCE = re.compile(r"^---[ \t]*$")


class StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings and refuses aliases.

    Dates are parsed by the content model, which insists on an offset; aliases
    have no use in front-matter and are the vehicle of "billion laughs" bombs.
    """

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed in front-matter", event.start_mark
            )
        return super().compose_node(parent, index)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser with StrictSafeLoader's resolvers, for text without aliases or errors."""


class _PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """SafeDumper (libyaml's emitter when PyYAML has it) that writes ISO timestamps unquoted,
    as contributors write them, and never an alias: the loader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _without_timestamp_resolver(cls: type[yaml.resolver.BaseResolver]) -> None:
    cls.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in cls.yaml_implicit_resolvers.copy().items()
    }


_without_timestamp_resolver(StrictSafeLoader)
_without_timestamp_resolver(_FastLoader)
_without_timestamp_resolver(_PlainDumper)


def compose_strict(text: str) -> yaml.Node | None:
    """Compose *text* as StrictSafeLoader would, with libyaml's speed when it is there.

    Reading an archive parses thousands of front-matters, and the pure-Python parser
    took most of that time. Text that may hold an alias, or that libyaml refuses, goes
    through StrictSafeLoader so refusals and their messages stay the same.
    """
    if "*" not in text:
        try:
            return yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=StrictSafeLoader)


def construct_strict(node: yaml.Node) -> Any:
    """The Python value of a node from compose_strict, timestamps kept as strings."""
    return StrictSafeLoader("").construct_document(node)


@dataclass
class FrontMatter:
    """The parsed front-matter of one file, with where each top-level key stands."""

    path: Path
    data: dict[str, Any]
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def position(self, key: str) -> tuple[int, int]:
        """Line and column of *key*, or of the front-matter's opening fence."""
        return self.positions.get(key, (1, 1))

    def error(self, key: str, message: str, hint: str | None = None) -> ContentError:
        line, col = self.position(key)
        return ContentError(self.path, message, field=key, line=line, col=col, hint=hint)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml text, body, first body line) or None when there is no front-matter."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0].lstrip("\ufeff")):
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]) or lines[index].rstrip() == "...":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def parse_front_matter(path: Path, text: str) -> FrontMatter | ContentError:
    """Parse *text* (the whole file); a ContentError says what is wrong and where."""
    text = text.replace("\r\n", "\n")
    parts = split_front_matter(text)
    if parts is None:
        return ContentError(
            path,
            "no YAML front-matter found",
            hint="start the file with a line '---', the fields, then a closing '---'",
        )
    yaml_text, body, body_line = parts
    try:
        node = compose_strict(yaml_text)
        data = construct_strict(node) if node is not None else None
    except yaml.YAMLError as exc:
        return _yaml_error(path, exc)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        kind = type(data).__name__ if data is not None else "empty"
        return ContentError(
            path,
            f"front-matter must be a mapping of fields, found {kind}",
            line=2,
            hint="write one 'field: value' per line",
        )
    positions = {
        str(key.value): (key.start_mark.line + 2, key.start_mark.column + 1)
        for key, _ in node.value
    }
    return FrontMatter(path, data, positions, body, body_line)


def _yaml_error(path: Path, exc: yaml.YAMLError) -> ContentError:
    mark = getattr(exc, "problem_mark", None)
    if "end of stream" in str(getattr(exc, "problem", "")):
        # An unclosed quote or bracket: where it was opened helps more than the file's end.
        mark = getattr(exc, "context_mark", None) or mark
    line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    hint = "YAML does not allow tabs: indent with spaces" if "'\\t'" in problem else None
    return ContentError(
        path,
        f"invalid YAML: {problem}",
        field="front-matter",
        line=line,
        col=col,
        hint=hint or "check quotes and indentation; quote values holding ': ' or '#'",
    )


def dump_front_matter(data: dict[str, Any], body: str) -> str:
    """Render a front-matter mapping and a Markdown body as one file's text."""
    yaml_text = yaml.dump(
        data,
        Dumper=_PlainDumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=None,
    )
    return f"---\n{yaml_text}---\n\n{body.strip()}\n"
