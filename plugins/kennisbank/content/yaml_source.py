"""Read a YAML file into plain Python data while remembering where every value stands.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two equal keys.
Editors need both: errors must name a line, and a duplicated ``email:`` must not quietly
replace the first one. So we compose the node graph ourselves and build the data from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

#: A location inside a document: keys and list indexes from the root.
Path_ = tuple[str | int, ...]

#: How many nodes aliases may add by repetition (``*anchor`` expands a whole subtree each
#: time). Beyond this it is an alias bomb ("billion laughs"), not content. A large file
#: without aliases is not limited by it.
MAX_ALIAS_EXPANSION = 100_000

_PROBLEMS_NL = {
    "mapping values are not allowed here": (
        "hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens"
    ),
    "found character '\\t' that cannot start any token": ("tab gevonden; gebruik spaties om in te springen"),
    "could not find expected ':'": "verwachtte 'veld: waarde' (ontbreekt een dubbele punt?)",
    "did not find expected key": "verwachtte een veldnaam; klopt het inspringen?",
    "did not find expected '-' indicator": "verwachtte een lijstitem ('- '); klopt het inspringen?",
    "found character '@' that cannot start any token": (
        "een waarde mag niet met '@' beginnen; zet de waarde tussen aanhalingstekens"
    ),
    "found character '`' that cannot start any token": (
        "een waarde mag niet met '`' beginnen; zet de waarde tussen aanhalingstekens"
    ),
    "found undefined alias": "verwijzing (*alias) naar een anker dat niet bestaat",
    "found unexpected end of stream": "het bestand houdt onverwacht op (ontbreekt een afsluitend aanhalingsteken?)",
    "found unknown escape character": "onbekende escape-reeks met '\\' in tekst tussen dubbele aanhalingstekens",
    "expected <block end>, but found '-'": "lijstitem op de verkeerde inspringing",
}


@dataclass
class SourceDocument:
    """The data of one YAML file plus the line of every key and item in it."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """Line of ``path``, or of its nearest ancestor that has one (a missing field's parent)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


#: libyaml's parser when PyYAML was built with it (twice as fast on large files), else Python's.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_STR_TAG = "tag:yaml.org,2002:str"


class _Builder:
    """Turns a composed node graph into data, checking keys and counting nodes."""

    def __init__(self, file: str, loader: Any, root: yaml.Node):
        self.file = file
        self.loader = loader
        self.lines: dict[Path_, int] = {}
        self.errors: list[ContentError] = []
        self.visited = 0
        self.limit = _distinct_nodes(root) + MAX_ALIAS_EXPANSION

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.visited += 1
        if self.visited > self.limit:
            raise _TooLarge(node.start_mark.line + 1)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            self._require_tag(node, yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG)
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._require_tag(node, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if node.tag == _STR_TAG:
            return node.value  # most values: what PyYAML's constructor would return, minus its dispatch
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            # Looks like a date or number but is none (2026-13-01): the text itself, which the
            # field's validation then names ("moet een datum zijn ...") instead of a traceback.
            return node.value

    @staticmethod
    def _require_tag(node: yaml.Node, expected: str) -> None:
        # Explicit tags (!!python/..., !!set, !!omap) have no place in content files.
        if node.tag != expected:
            raise yaml.constructor.ConstructorError(
                None, None, f"onbekende of niet toegestane YAML-tag {node.tag!r}", node.start_mark
            )

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        written = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
        self.loader.flatten_mapping(node)  # resolves merge keys (<<: *anchor): merged pairs come first
        merged = len(node.value) - written
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        from_merge: set[str] = set()
        for position, (key_node, value_node) in enumerate(node.value):
            key_line = key_node.start_mark.line + 1
            key = self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                self.errors.append(
                    ContentError(self.file, key_line, field_name(path), f"veldnaam {key!r} moet tekst zijn")
                )
                continue
            merging = position < merged
            if key in first_line:
                if merging:
                    continue  # of several merged mappings the first one counts (YAML)
                if key not in from_merge:
                    self.errors.append(
                        ContentError(
                            self.file,
                            key_line,
                            field_name((*path, key)),
                            f"dit veld staat twee keer in hetzelfde item (eerst op regel {first_line[key]}); "
                            "houd er één over",
                        )
                    )
                    continue
                from_merge.discard(key)  # a written key overrides a merged one (YAML)
            if merging:
                from_merge.add(key)
            first_line[key] = key_line
            self.lines[(*path, key)] = key_line
            result[key] = self.build(value_node, (*path, key))
        return result


def _distinct_nodes(root: yaml.Node) -> int:
    """Number of distinct nodes in the graph (an alias is the same node object again)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


class _TooLarge(Exception):
    def __init__(self, line: int):
        self.line = line


def field_name(path: Path_) -> str:
    """How an editor names the field at ``path``: ``(3, 'contacts', 0, 'email')`` → ``contacts[0].email``.

    The leading item index is left out: the line number already says which item it is.
    """
    if path and isinstance(path[0], int):
        path = path[1:]
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def load_yaml(path: Path, display_name: str) -> tuple[SourceDocument | None, list[ContentError]]:
    """Load one YAML file; return the document, or ``None`` and the reasons it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [ContentError(display_name, 1, "", f"bestand kan niet worden gelezen ({exc.strerror})")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(display_name, line, "", "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")
        ]

    try:
        plain = _read_plain(_Loader, text, display_name) if _Loader is not yaml.SafeLoader else None
        if plain is not None:
            return plain, []
        return _parse(_Loader, text, display_name)
    except yaml.MarkedYAMLError:  # only the C parser lets it through
        # libyaml's messages are terse ("found character that cannot start any token");
        # Python's parser names the character and the context, so it explains the error.
        return _parse(yaml.SafeLoader, text, display_name)


class _Unusual(Exception):
    """The text uses what only the full reading handles (see :func:`_read_plain`)."""


def _read_plain(loader_class: Any, text: str, display_name: str) -> SourceDocument | None:
    """The document read straight from libyaml's events, or ``None`` when it is not plain.

    Content files are plain: mappings, lists and scalars, without anchors, aliases, merge keys,
    tags, complex keys or a key twice. For those the data and lines are the same as
    :func:`_parse` gives, in a quarter of the time (building the node graph first is most of
    the cost of a 10 MB file). Anything else, errors included, goes to :func:`_parse`, which
    says what is wrong; a syntax error (``MarkedYAMLError``) is passed on as from :func:`_parse`.
    """
    loader = loader_class(text)
    try:
        reader = _EventReader(loader)
        return SourceDocument(display_name, reader.document(), reader.lines)
    except (_Unusual, RecursionError):
        return None
    except yaml.YAMLError as error:
        if isinstance(error, yaml.MarkedYAMLError):
            raise
        return None
    finally:
        loader.dispose()


class _EventReader:
    """Builds the data of a plain document from parser events, with the line of every value."""

    def __init__(self, loader: Any):
        self.loader = loader
        self.next = loader.get_event
        self.lines: dict[Path_, int] = {}

    def document(self) -> Any:
        self.next()  # StreamStartEvent
        if isinstance(self.loader.peek_event(), yaml.StreamEndEvent):
            return None  # an empty file
        self.next()  # DocumentStartEvent
        data = self.value(self.next(), ())
        self.next()  # DocumentEndEvent
        if not isinstance(self.next(), yaml.StreamEndEvent):
            raise _Unusual  # a second document: _parse gives the error
        return data

    def value(self, event: Any, path: Path_) -> Any:
        if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
            raise _Unusual  # anchors, aliases and explicit tags
        self.lines.setdefault(path, event.start_mark.line + 1)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            return self.scalar(event)
        if kind is yaml.MappingStartEvent:
            result: dict[str, Any] = {}
            while True:
                key_event = self.next()
                if type(key_event) is yaml.MappingEndEvent:
                    return result
                key = self.scalar(key_event) if type(key_event) is yaml.ScalarEvent else None
                if (
                    not isinstance(key, str)
                    or key in result
                    or key_event.tag is not None
                    or key_event.anchor is not None
                ):
                    raise _Unusual  # a complex, non-text, merge or repeated key: _parse says which
                self.lines[(*path, key)] = key_event.start_mark.line + 1
                result[key] = self.value(self.next(), (*path, key))
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            while True:
                item_event = self.next()
                if type(item_event) is yaml.SequenceEndEvent:
                    return items
                items.append(self.value(item_event, (*path, len(items))))
        raise _Unusual  # an alias

    def scalar(self, event: Any) -> Any:
        tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            return event.value
        if tag == "tag:yaml.org,2002:merge":
            raise _Unusual
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError):
            return node.value  # as _Builder.build: the field's validation names it
        except yaml.constructor.ConstructorError:
            raise _Unusual from None


def _parse(loader_class: Any, text: str, display_name: str) -> tuple[SourceDocument | None, list[ContentError]]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return SourceDocument(display_name, None), []
        builder = _Builder(display_name, loader, node)
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as exc:
        if loader_class is not yaml.SafeLoader:
            raise
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [ContentError(display_name, line, "", f"YAML-fout: {_problem_nl(exc.problem or str(exc))}")]
    except yaml.YAMLError as exc:
        return None, [ContentError(display_name, 1, "", f"YAML-fout: {exc}")]
    except _TooLarge as exc:
        return None, [
            ContentError(
                display_name,
                exc.line,
                "",
                f"*aliassen herhalen hier meer dan {MAX_ALIAS_EXPANSION} elementen; schrijf de inhoud uit of vereenvoudig het",
            )
        ]
    except RecursionError:
        return None, [ContentError(display_name, 1, "", "te diep geneste structuur; vereenvoudig het bestand")]
    finally:
        loader.dispose()
    return SourceDocument(display_name, data, builder.lines), builder.errors


def _problem_nl(problem: str) -> str:
    for english, dutch in _PROBLEMS_NL.items():
        if problem.startswith(english):
            return dutch
    return problem
