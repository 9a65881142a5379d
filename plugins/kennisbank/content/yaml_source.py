"""Read a YAML file into plain Python data while remembering where every value stands.

PyYAML's ``safe_load`` forgets line numbers and silently keeps the last of two equal keys.
Editors need both: errors must name a line, and a duplicated ``email:`` must not quietly
replace the first one. So we compose the node graph ourselves and build the data from it.
"""

from __future__ import annotations

import re
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

#: PyYAML's problems (what its scanner, parser and constructor say) in Dutch, each with what to
#: do; matched on how the problem begins, the first match counts.
_INDENT = "kijk na of het inspringen klopt"
_QUOTE = "zet de waarde tussen aanhalingstekens"
_PROBLEMS_NL = {
    "mapping values are not allowed here": (
        f"hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens, of {_INDENT}"
    ),
    "found character '\\t' that cannot start any token": "hier staat een tab; spring in met spaties",
    "could not find expected ':'": f"hier verwacht YAML 'veld: waarde'; zet een dubbele punt na de veldnaam, of {_INDENT}",
    "did not find expected key": f"hier verwacht YAML een veld (veld: waarde); {_INDENT}",
    "did not find expected '-' indicator": f"hier verwacht YAML een nieuw lijstitem ('- '); {_INDENT}",
    "found undefined alias": (
        "een waarde die met '*' begint, leest YAML als verwijzing naar een anker (&naam) dat er niet is; " + _QUOTE
    ),
    "found unexpected end of stream": (
        "dit bestand houdt onverwacht op, waarschijnlijk doordat een aanhalingsteken niet gesloten wordt; "
        "zoek het en zet het sluitende aanhalingsteken erbij"
    ),
    "found unknown escape character": (
        "een '\\' tussen dubbele aanhalingstekens begint hier een onbekende code; schrijf '\\\\' "
        "of gebruik enkele aanhalingstekens"
    ),
    "expected <block end>, but found '-'": (
        "dit lijstitem ('- ') staat niet op de goede inspringing; zet het recht onder de andere items van de lijst"
    ),
    "expected <block end>, but found '<block sequence start>'": (
        "dit lijstitem ('- ') staat niet op de goede inspringing; zet het recht onder de andere items van de lijst"
    ),
    "expected <block end>, but found '<scalar>'": (
        "na de waarde staat nog tekst, bijvoorbeeld na een afsluitend aanhalingsteken; zet de hele waarde "
        f"tussen aanhalingstekens, of {_INDENT}"
    ),
    "expected <block end>": "de inspringing klopt hier niet; zet de regel recht onder de regels van hetzelfde niveau",
    "expected ',' or ']'": (
        "een lijst tussen [ en ] is niet goed gesloten; zet een ']' aan het eind, en tekst met een komma "
        "of haakje tussen aanhalingstekens"
    ),
    "expected ',' or '}'": (
        "een groep tussen { en } is niet goed gesloten; zet een '}' aan het eind, en tekst met een komma "
        "of haakje tussen aanhalingstekens"
    ),
    "but found another document": "na '---' begint een tweede document, en een bestand heeft er één; haal '---' weg",
    "sequence entries are not allowed here": (
        "hier mag geen lijstitem ('- ') staan; begin de lijst op een nieuwe regel, of zet tekst die met '- ' "
        "begint tussen aanhalingstekens"
    ),
    "expected chomping or indentation indicators": (
        f"na '|' of '>' hoort de tekst op de regels eronder te staan; zet hem daar (ingesprongen), of {_QUOTE}"
    ),
    "expected a comment or a line break": (
        f"hier mag op dezelfde regel alleen nog een opmerking (#) staan; zet de rest op een nieuwe regel, of {_QUOTE}"
    ),
    "expected alphabetic or numeric character": (
        f"een waarde die met '&' of '*' begint, leest YAML als anker of verwijzing (alias); {_QUOTE}"
    ),
    "expected a mapping or list of mappings for merging": (
        "'<<' voegt in YAML de velden van een anker samen en verwacht '*naam'; haal '<<' weg of zet het tussen "
        "aanhalingstekens"
    ),
    "could not determine a constructor for the tag 'tag:yaml.org,2002:value'": (
        "een waarde die alleen uit '=' bestaat, kan YAML niet lezen; zet hem tussen aanhalingstekens: '='"
    ),
}

#: Problems that name what they found: the Dutch text gets the same detail.
_PATTERNS_NL = (
    (
        re.compile(r"found character '(.)' that cannot start any token"),
        "een waarde mag niet met '{0}' beginnen; " + _QUOTE,
    ),
    (
        re.compile(r"expected the node content, but found '(.)'"),
        "hier ontbreekt een waarde, of een waarde begint met '{0}'; " + _QUOTE,
    ),
    (
        re.compile(r"could not determine a constructor for the tag '(.*)'"),
        "YAML-tag '{0}' is in de inhoud niet toegestaan; haal de tag (met '!' ervoor) weg, of " + _QUOTE,
    ),
)

_UNREADABLE = "kijk na of inspringen, aanhalingstekens en haakjes kloppen"


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
            raise _TagNotAllowed(
                None,
                None,
                f"YAML-tag '{_shown_tag(node.tag)}' is in de inhoud niet toegestaan; haal de tag (met '!' ervoor) weg",
                node.start_mark,
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
                    ContentError(
                        self.file, key_line, field_name(path), f"veldnaam {key!r} moet tekst zijn; {_KEY_HINT}"
                    )
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


_KEY_HINT = "schrijf een veldnaam uit data/README.md vóór de dubbele punt"


class _TagNotAllowed(yaml.constructor.ConstructorError):
    """An explicit tag on a mapping or list; its problem is already Dutch."""


def _shown_tag(tag: str) -> str:
    """A tag as an editor writes it: ``tag:yaml.org,2002:set`` → ``!!set``."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


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
        return None, [
            ContentError(
                display_name,
                1,
                "",
                f"dit bestand kan niet worden gelezen ({exc.strerror}); kijk of het bestaat en of je het mag openen",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentError(
                display_name, line, "", "dit bestand is geen geldige UTF-8-tekst; sla het op met de codering UTF-8"
            )
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
        return None, [ContentError(display_name, line, "", f"YAML-fout: {_problem_nl(exc)}")]
    except yaml.reader.ReaderError as exc:
        return None, [ContentError(display_name, 1, "", f"YAML-fout: {_character_nl(exc)}")]
    except yaml.YAMLError as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return None, [
            ContentError(display_name, 1, "", f"YAML-fout: YAML kan dit bestand niet lezen; {_UNREADABLE} ({detail})")
        ]
    except _TooLarge as exc:
        return None, [
            ContentError(
                display_name,
                exc.line,
                "",
                f"aliassen (*naam) herhalen hier meer dan {MAX_ALIAS_EXPANSION} waarden; schrijf de inhoud uit "
                "in plaats van hem met aliassen te herhalen",
            )
        ]
    except RecursionError:
        return None, [
            ContentError(display_name, 1, "", "lijsten en velden zijn hier te diep in elkaar genest; haal niveaus weg")
        ]
    finally:
        loader.dispose()
    return SourceDocument(display_name, data, builder.lines), builder.errors


def _problem_nl(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's problem in Dutch, with what to do; one it has not been taught, in Dutch with the
    English as detail."""
    problem = exc.problem or str(exc)
    if isinstance(exc, _TagNotAllowed):
        return problem
    for english, dutch in _PROBLEMS_NL.items():
        if problem.startswith(english):
            return dutch
    for pattern, dutch in _PATTERNS_NL:
        found = pattern.match(problem)
        if found:
            return dutch.format(_shown_tag(found.group(1)))
    return f"YAML kan deze regel niet lezen; {_UNREADABLE} ({problem})"


def _character_nl(exc: yaml.reader.ReaderError) -> str:
    """A character YAML does not accept (a control character, pasted along with the text)."""
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return (
        f"dit bestand bevat een onzichtbaar stuurteken (U+{code:04X}), waarschijnlijk meegeplakt; typ de tekst "
        f"rond teken {exc.position + 1} van het bestand opnieuw"
    )
