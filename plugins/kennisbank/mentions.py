"""Where the site mentions an explained topic: Kompas background topics and concepts.

A background topic (``/kompas/achtergrond/<id>/``) or a concept (``/begrippen/#<id>``) lists
the ``terms`` texts use for it. This module finds them in two places:

- in the content, to tell which cards, steps and tools mention a topic (the topic's page and
  /begrippen/ list them; a step or tool shows its background topics near the top);
- in a rendered page, to turn the first mention into a link (:class:`MentionLinker`), so a
  reader who meets "netwerkfinanciering" in a worksheet is one click from what it means.

Plain Python over the catalogue's models and over HTML strings; no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from pydantic import BaseModel

if TYPE_CHECKING:
    from .catalogue import Catalogue

#: Elements whose text is never turned into a link: links and headings already say where they
#: lead, code is literal, form controls and abbreviations carry their own meaning.
_NO_LINK = frozenset(
    [
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "code",
        "pre",
        "script",
        "style",
        "textarea",
        "button",
        "label",
        "option",
        "select",
        "abbr",
        "title",
        "summary",
        "mark",
    ]
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>|<!--.*?-->", re.DOTALL)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)


@dataclass(frozen=True)
class Explained:
    """Something the site explains, and where: a topic page or a concept's anchor."""

    key: str  # "achtergrond:<id>" or "begrip:<id>"
    title: str
    url: str  # site-relative, e.g. "kompas/achtergrond/netwerkfinanciering/" or "begrippen/#begrip-top-3-methodiek"
    terms: tuple[str, ...]
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", _pattern(self.terms))


def explained_items(
    catalogue: Catalogue, topic_url: Callable[[str], str], concept_url: Callable[[str], str]
) -> list[Explained]:
    """Every background topic and concept with its terms and URL."""
    items = [
        Explained(f"achtergrond:{topic.id}", topic.title, topic_url(topic.id), tuple(topic.terms))
        for topic in catalogue.background_topics.values()
    ]
    items += [
        Explained(f"begrip:{concept.id}", concept.title, concept_url(concept.id), tuple(concept.terms))
        for concept in catalogue.concepts.values()
    ]
    return items


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({term.strip().lower() for term in terms if term.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    # Not inside a longer word: "top 3" is not in "top 30", "consultatiefunctie" not in "...functies".
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(term) for term in ordered) + r")(?![\w-])", re.IGNORECASE)


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            if not isinstance(item, (int, float)):  # skip lists of numbers fast
                yield from _texts(item)


class _Terms:
    """Every term of the explained items, lower case, with the item it explains (the first
    item wins a term two items share), and one pattern that finds any of them."""

    def __init__(self, explained: list[Explained]):
        self.by_term: dict[str, Explained] = {}
        for entry in explained:
            for term in entry.terms:
                self.by_term.setdefault(term.strip().lower(), entry)
        self.pattern = _pattern(self.by_term)


class MentionFinder(_Terms):
    """Which explained items a content item mentions: one search over the item's texts for all
    terms at once (a catalogue of thousands of cards is scanned in a fraction of a second)."""

    def in_item(self, item: BaseModel) -> list[Explained]:
        """The explained items ``item`` (a content model) mentions, in the order of first mention."""
        if self.pattern is None:
            return []
        found: dict[str, Explained] = {}
        for text in _texts(item):
            for match in self.pattern.finditer(text):
                entry = self.by_term[match.group(1).lower()]
                found.setdefault(entry.key, entry)
        return list(found.values())


def mentioned_in(item: BaseModel, explained: list[Explained]) -> list[Explained]:
    """The explained items that ``item`` (a content model) mentions in any of its texts."""
    return MentionFinder(explained).in_item(item)


class MentionLinker(_Terms):
    """Turns the first mention of each explained item on a page into a link to its explanation."""

    def link(self, html: str, href: Any, skip: str | None = None) -> str:
        """``html`` with the first mention of each item linked; ``href(url)`` makes the link's
        address from the page; ``skip`` is the key of the page's own item (never linked to itself)."""
        if self.pattern is None or not self.pattern.search(html):
            return html
        done: set[str] = {skip} if skip else set()
        parts: list[str] = []
        closed_depth = 0  # how many open elements forbid links here
        stack: list[str] = []
        position = 0
        for match in _TAG.finditer(html):
            parts.append(
                self._link_text(html[position : match.start()], done, href)
                if not closed_depth
                else html[position : match.start()]
            )
            parts.append(match.group(0))
            position = match.end()
            name = (match.group(2) or "").lower()
            if not name or name in _VOID or match.group(3):
                continue
            if match.group(1):  # closing tag: pop to the matching element
                if name in stack:
                    while stack:
                        popped = stack.pop()
                        closed_depth -= popped in _NO_LINK
                        if popped == name:
                            break
            else:
                stack.append(name)
                closed_depth += name in _NO_LINK
        parts.append(self._link_text(html[position:], done, href) if not closed_depth else html[position:])
        return "".join(parts)

    def _link_text(self, text: str, done: set[str], href: Any) -> str:
        if not text.strip() or self.pattern is None:
            return text
        pieces: list[str] = []
        last = 0
        for match in self.pattern.finditer(text):
            entry = self.by_term[match.group(1).lower()]
            if entry.key in done:
                continue
            done.add(entry.key)
            pieces.append(text[last : match.start()])
            pieces.append(
                f'<a class="kb-mention" href="{escape(href(entry.url))}" title="Uitleg: {escape(entry.title)}">{match.group(0)}</a>'
            )
            last = match.end()
        if not pieces:
            return text
        pieces.append(text[last:])
        return "".join(pieces)
