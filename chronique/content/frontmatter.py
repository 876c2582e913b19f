"""YAML front-matter: split it from the Markdown body, load it safely, write it back.

We use PyYAML's SafeLoader directly rather than the pelican-yaml-metadata plugin
because validation needs the line and column of every field, and a refusal (not
Pelican's skip-with-warning) when the YAML is broken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent

from chronique.content.errors import ContentError
from chronique.settings import YAML_MAX_DEPTH

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


class StructureError(yaml.MarkedYAMLError):
    """YAML that parses but that Chronique refuses: nested too deep, or a key given twice."""

    def __init__(self, problem: str, mark: Any) -> None:  # a Mark of PyYAML or of libyaml
        super().__init__(problem=problem, problem_mark=mark)


#: Indicators of which each level of YAML nesting needs one (a flow collection's bracket,
#: a block mapping's ':' or a block list's '-' before white space): a text with fewer of
#: them than the depth limit cannot be nested that deep, and is not scanned.
_NESTING_MARKS = ("[", "{", ": ", ":\n", ":\t", "- ", "-\n", "-\t", "? ")


def check_depth(text: str, max_depth: int) -> None:
    """Raise StructureError when *text* nests lists or mappings deeper than *max_depth*.

    The composer recurses once per level: without this check a deep text is a
    RecursionError. libyaml's event parser does not recurse, so it measures the depth.
    """
    if sum(text.count(mark) for mark in _NESTING_MARKS) + 1 <= max_depth:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise StructureError(
                    f"lists and mappings nested deeper than {max_depth} levels "
                    "(CHRONIQUE_YAML_MAX_DEPTH)",
                    event.start_mark,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def check_unique_keys(node: yaml.Node) -> None:
    """Raise StructureError for a key a mapping gives twice: YAML keeps the last silently."""
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise StructureError(f"field '{key.value}' given twice", key.start_mark)
                    seen.add(key.value)
                pending.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)


def compose_strict(text: str, max_depth: int = YAML_MAX_DEPTH) -> yaml.Node | None:
    """Compose *text* as StrictSafeLoader would, with libyaml's speed when it is there.

    Reading an archive parses thousands of front-matters, and the pure-Python parser
    took most of that time. Text that may hold an alias, or that libyaml refuses, goes
    through StrictSafeLoader so refusals and their messages stay the same. Text nested
    deeper than *max_depth*, or with a key given twice, is refused (StructureError).
    """
    check_depth(text, max_depth)
    node = None
    if "*" not in text:
        try:
            node = yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            node = None
    if node is None:
        node = yaml.compose(text, Loader=StrictSafeLoader)
    if node is not None:
        check_unique_keys(node)
    return node


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


def parse_front_matter(
    path: Path, text: str, max_depth: int = YAML_MAX_DEPTH
) -> FrontMatter | ContentError:
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
        node = compose_strict(yaml_text, max_depth)
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
    front_matter = FrontMatter(path, data, positions, body, body_line)
    for key, value in data.items():
        if _has_surrogate(value):
            return front_matter.error(
                str(key),
                "holds a lone surrogate escape (\\ud800-\\udfff), not a character",
                "write the character itself, or its \\U0001F600 escape",
            )
    return front_matter


def _has_surrogate(value: Any) -> bool:
    """True when a text in *value* (nested lists and mappings included) holds a lone
    surrogate, which no UTF-8 page or feed can carry."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if any("\ud800" <= char <= "\udfff" for char in item):
                return True
        elif isinstance(item, dict):
            pending.extend((*item.keys(), *item.values()))
        elif isinstance(item, list):
            pending.extend(item)
    return False


def yaml_error_mark(exc: yaml.YAMLError) -> tuple[int, int] | None:
    """The 0-based line and column of the place a YAML error should point at, if known."""
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", ""))
    if "end of stream" in problem or "<stream end>" in problem:
        # An unclosed quote or bracket: where it was opened helps more than the file's end.
        mark = getattr(exc, "context_mark", None) or mark
    return (mark.line, mark.column) if mark else None


def yaml_problem(exc: yaml.YAMLError) -> str:
    """What is wrong, without PyYAML's own position lines."""
    return getattr(exc, "problem", None) or str(exc).splitlines()[0]


def _yaml_error(path: Path, exc: yaml.YAMLError) -> ContentError:
    mark = yaml_error_mark(exc)
    line, col = (mark[0] + 2, mark[1] + 1) if mark else (2, 1)
    problem = yaml_problem(exc)
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


def with_list_field(text: str, key: str, items: Sequence[str]) -> str:
    """*text*, a whole content file, with the front-matter list *key* set to *items*
    (see :func:`with_field`)."""
    return with_field(text, key, list(items))


def with_field(text: str, key: str, value: str | list[str]) -> str:
    """*text*, a whole content file, with the front-matter field *key* set to *value*, a
    text or a list of texts.

    Only that field's value changes: every comment, key, quote and blank line around it,
    the body, a byte-order mark and CRLF line ends stay as they were (a comment between
    the old list's items goes with them). A block list stays a block list at its
    indentation; a missing field is added after the last one. A
    ValueError when the file has no front-matter, or when the edited text would not read
    back as the same front-matter with *key* changed alone.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    newline = "\r\n" if "\r\n" in text else "\n"
    plain = text.removeprefix(bom).replace("\r\n", "\n")
    parts = split_front_matter(plain)
    if parts is None:
        raise ValueError("no YAML front-matter found")
    yaml_text, body, _ = parts
    start = plain.index("\n") + 1
    try:
        edited = _with_value(yaml_text, key, value)
        result = (
            plain[:start] + edited + ("" if yaml_text else "\n") + plain[start + len(yaml_text) :]
        )
        after = split_front_matter(result)
        same = (
            after is not None
            and after[1] == body
            and _mapping(after[0]) == {**_mapping(yaml_text), key: value}
        )
    except yaml.YAMLError as exc:
        raise ValueError(f"invalid YAML: {exc}") from None
    if not same:
        raise ValueError(f"could not rewrite '{key}' without changing another field")
    return bom + result.replace("\n", newline)


def _mapping(yaml_text: str) -> dict[str, Any]:
    node = compose_strict(yaml_text)
    data = construct_strict(node) if node is not None else {}
    if not isinstance(data, dict):
        raise ValueError("front-matter is not a mapping of fields")
    return data


def _with_value(yaml_text: str, key: str, new: str | list[str]) -> str:
    """The front-matter's YAML with *key*'s value replaced (or the field appended)."""
    node = compose_strict(yaml_text)
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    pair = next(((k, v) for k, v in pairs if k.value == key), None)
    inline = _flow_list(new) if isinstance(new, list) else _scalar(new)
    if pair is None:
        separator = "\n" if yaml_text and not yaml_text.endswith("\n") else ""
        return f"{yaml_text}{separator}{key}: {inline}"
    key_node, value = pair
    start, end = value.start_mark.index, value.end_mark.index
    block = isinstance(value, yaml.SequenceNode) and not value.flow_style
    if block and value.value:
        # A block list's end mark is where the next field starts: stop at its last item.
        end = value.value[-1].end_mark.index
    if block and new and isinstance(new, list):
        replacement = _block_list(new, value.start_mark.column)
    else:
        # A text, an empty list, or a value that was not a block list, goes beside the key.
        start = yaml_text.index(":", key_node.end_mark.index) + 1
        replacement = f" {inline}"
    return yaml_text[:start] + replacement + yaml_text[end:]


def _scalar(text: str) -> str:
    """*text* as one YAML value on the key's line, quoted where YAML needs it."""
    return _dump([text], flow=True).removeprefix("[").removesuffix("]")


def _flow_list(items: Sequence[str]) -> str:
    """``[A, B]``, quoted where YAML needs it, as contributors write tags."""
    return _dump(list(items), flow=True)


def _block_list(items: Sequence[str], column: int) -> str:
    """``- A`` lines, the first without its indentation (it stands where the old list began)."""
    return ("\n" + " " * column).join(_dump(list(items), flow=False).split("\n"))


def _dump(value: list[str], flow: bool) -> str:
    text = yaml.dump(
        value, Dumper=_PlainDumper, allow_unicode=True, width=10_000, default_flow_style=flow
    )
    return text.rstrip("\n")
