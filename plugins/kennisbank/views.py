"""What templates and exporters see: content items with their references resolved.

A template shows a practice's core element by name and links to it; it should not look the id
up in the whole catalogue to do so. A :class:`View` wraps an item: a field that refers to
another item (declared with :class:`~kennisbank.content.fields.Ref`) gives that item's view,
``url`` gives the item's address, and :meth:`View.linked` the items that refer to it (the
"related" parts of a page). Nested parts (a contact, a Kompas block, the editorial links) are
views too, so their references resolve the same way. :class:`Site` gives templates the
collections and the programme team.

Plain Python over the catalogue; no MkDocs, no Jinja.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .catalogue import Catalogue, Key, RegionGroup, by_title
from .content.fields import Ref
from .content.models import GlossaryEntry, KompasIntro, Programme
from .content.registry import BY_NAME, CONTENT_TYPES, Listing
from .history import CardDates
from .urls import item_url


def _reference_target(annotation: Any, metadata: list[Any]) -> tuple[str, bool] | None:
    """``(target type, is a list)`` when a field holds references, else ``None``."""
    for item in metadata:
        if isinstance(item, Ref):
            return item.target, False
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _reference_target(arguments[0], list(arguments[1:]))
    if origin is list:
        inner = _reference_target(arguments[0], [])
        return (inner[0], True) if inner else None
    if arguments and any(argument is type(None) for argument in arguments):
        for argument in arguments:
            if argument is not type(None):
                return _reference_target(argument, metadata)
    return None


_TARGETS: dict[type[BaseModel], dict[str, tuple[str, bool]]] = {}


def reference_fields(model: type[BaseModel]) -> dict[str, tuple[str, bool]]:
    """Per model: which fields refer to which type (cached)."""
    if model not in _TARGETS:
        found: dict[str, tuple[str, bool]] = {}
        for name, info in model.model_fields.items():
            target = _reference_target(info.annotation, list(info.metadata))
            if target is not None:
                found[name] = target
        _TARGETS[model] = found
    return _TARGETS[model]


def view_of(catalogue: Catalogue, kind: str, key: Key) -> View:
    """The one view of an item: shared by every page, list and reference that shows it, so
    that what it resolved once (its core element, its regions) is resolved once per build."""
    views: dict[tuple[str, Key], View] = catalogue.__dict__.setdefault("_views", {})
    found = views.get((kind, key))
    if found is None:
        found = views[(kind, key)] = View(catalogue.get(kind, key), kind, catalogue)
    return found


class View:
    """A content item (or a part of one) as templates and exporters see it."""

    # No __slots__: a field, once read, is kept in the instance's own __dict__, so every later
    # read (a card is shown on up to seven lists, its page, its feeds) is a plain attribute
    # lookup instead of a call of __getattr__.

    def __init__(self, item: BaseModel, kind: str | None, catalogue: Catalogue):
        self._item = item
        self._kind = kind  # the content type, or None for a part of an item
        self._catalogue = catalogue

    @property
    def model(self) -> BaseModel:
        """The validated item itself."""
        return self._item

    @property
    def content_type(self) -> str | None:
        """The name of the item's content type (not ``kind``: several models have a field of that name)."""
        return self._kind

    @property
    def key(self) -> Key:
        assert self._kind is not None, "a part of an item has no key of its own"
        return self._catalogue.key_of(self._kind, self._item)

    @property
    def url(self) -> str:
        """The item's address on the site, site-relative (``praktijken/x/``); for a source or a
        link, whose model has a ``url`` field of its own, that web address."""
        if "url" in type(self._item).model_fields:
            return str(getattr(self._item, "url", None) or "")
        assert self._kind is not None, "a part of an item has no address of its own"
        return item_url(self._kind, self.key)

    @property
    def dates(self) -> CardDates | None:
        """When the card was added and last changed (git history), or ``None`` without history."""
        return self._catalogue.dates_of(self._kind, self.key) if self._kind else None

    @property
    def created(self) -> datetime.date | None:
        return self.dates.created if self.dates else None

    @property
    def updated(self) -> datetime.date | None:
        return self.dates.updated if self.dates else None

    @property
    def source_line(self) -> tuple[str, int] | None:
        """Where the item is written: ``(file, line)``."""
        return self._catalogue.source_of(self._kind, self.key) if self._kind else None

    def linked(self, kind: str, via: str | None = None) -> list[View]:
        """The items of ``kind`` that refer to this one (``via`` one reference field only)."""
        assert self._kind is not None
        catalogue = self._catalogue
        return [
            view_of(catalogue, kind, catalogue.key_of(kind, item))
            for item in catalogue.linked(self._kind, self.key, kind, via)
        ]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self._item, name)
        target = reference_fields(type(self._item)).get(name)
        if target is not None and value is not None:
            kind, many = target
            catalogue = self._catalogue
            # A list leaves out withdrawn cards; a single reference still leads to the card's page.
            value = (
                [view_of(catalogue, kind, key) for key in value if not catalogue.is_withdrawn(kind, key)]
                if many
                else view_of(catalogue, kind, value)
            )
        elif isinstance(value, BaseModel):
            value = View(value, None, self._catalogue)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            value = [View(part, None, self._catalogue) for part in value]
        self.__dict__[name] = value
        return value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, View) and other._item is self._item

    def __hash__(self) -> int:
        return id(self._item)

    def __repr__(self) -> str:
        return f"View({self._kind}, {getattr(self._item, 'id', type(self._item).__name__)})"


class Site:
    """The whole catalogue as views: what templates iterate over (every core element, the pilots)."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._views: dict[tuple[str, Key], View] = {}

    def view(self, kind: str, key: Key) -> View:
        """The view of one item (the same object every time it is asked for)."""
        return view_of(self.catalogue, kind, key)

    def get(self, kind: str, key: Key) -> View | None:
        """The view of one item, or ``None`` when there is no such item."""
        return self.view(kind, key) if key in self.catalogue.of(kind) else None

    def all(self, kind: str) -> list[View]:
        """Every live item of ``kind``, in YAML order."""
        return [self.view(kind, key) for key in self.catalogue.of(kind)]

    def withdrawn(self, kind: str) -> list[View]:
        """The withdrawn cards of ``kind``, in YAML order."""
        return [self.view(kind, key) for key in self.catalogue.withdrawn(kind)]

    def by_title(self, kind: str) -> list[View]:
        """Every item of ``kind`` in A–Z order of title."""
        return [
            self.view(kind, self.catalogue.key_of(kind, item)) for item in by_title(self.catalogue.of(kind).values())
        ]

    @property
    def programme(self) -> Programme:
        return self.catalogue.programme

    @property
    def kompas_intro(self) -> KompasIntro | None:
        return self.catalogue.kompas_intro

    @property
    def glossary(self) -> list[GlossaryEntry]:
        return self.catalogue.glossary

    @property
    def pilots(self) -> list[View]:
        return [self.view("regions", region.id) for region in self.catalogue.pilots]

    @property
    def other_regions(self) -> list[View]:
        return [self.view("regions", region.id) for region in self.catalogue.other_regions]

    @property
    def region_groups(self) -> list[RegionGroup[View]]:
        """Proeftuinen, andere regio's, landelijk (Catalogue.region_groups), as views."""
        return [
            RegionGroup(group.key, group.label, [self.view("regions", region.id) for region in group.regions])
            for group in self.catalogue.region_groups
        ]

    def has(self, kind: str) -> bool:
        return bool(self.catalogue.of(kind))

    def count(self, kind: str, number: int | None = None) -> str:
        """ "38 praktijken", "1 instrument": the type's Dutch noun with a number."""
        return BY_NAME[kind].noun.count(len(self.catalogue.of(kind)) if number is None else number)

    def listings(self) -> Iterator[tuple[str, Listing]]:
        """``(type, listing)`` for every type with a listing page, in registry order."""
        listed = [(t.name, t.listing) for t in CONTENT_TYPES if t.listing is not None and self.catalogue.of(t.name)]
        yield from sorted(listed, key=lambda entry: entry[1].order)
