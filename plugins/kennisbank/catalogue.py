"""The validated content as one object: every item by type and key, and every reference both ways.

Built once per build from :class:`~kennisbank.content.Content`; pages, views and exports only read
it. Items keep YAML order, which is the order the programme team chose. The references come from
the models' fields (:class:`~kennisbank.content.fields.Ref`, collected in the registry), so a new
reference field is indexed both ways without code here: :meth:`Catalogue.linked` answers "which
items of that type point at this one", which is what every page's "related" parts show.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .content import Content
from .content.models import (
    BackgroundTopic,
    Concept,
    ConversationCard,
    CoreElement,
    GlossaryEntry,
    Instrument,
    KompasIntro,
    KompasPhase,
    KompasStep,
    KompasTool,
    Lesson,
    Practice,
    Principle,
    Programme,
    Region,
    Source,
    SynonymGroup,
    ViolenceProfile,
)
from .content.registry import BY_NAME, CONTENT_TYPES, REFERENCES, Reference
from .history import CardDates

#: The key of an item: its ``id`` (or ``term`` for abbreviations, ``number`` for Kompas steps).
Key = str | int
Item = TypeVar("Item", bound=BaseModel)


def values_at(value: Any, path: tuple[str, ...]) -> Iterator[Any]:
    """Every value at ``path`` below a model or mapping (``*`` walks a list)."""
    if not path:
        if value is not None:
            yield value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for item in value or []:
            yield from values_at(item, rest)
    elif isinstance(value, BaseModel):
        yield from values_at(getattr(value, head, None), rest)
    elif isinstance(value, dict):
        yield from values_at(value.get(head), rest)


R = TypeVar("R")


@dataclass(frozen=True)
class RegionGroup(Generic[R]):
    """A group of regions as pages and facets show it; ``key`` is its anchor on ``/regio/``."""

    key: str
    label: str
    regions: list[R]


@dataclass(frozen=True)
class Catalogue:
    """Content by type and key, the references between items, and where each item was written."""

    items: dict[str, dict[Key, BaseModel]]
    source_lines: dict[tuple[str, Key], tuple[str, int]] = field(default_factory=dict)
    #: (target type, key) -> (source type, path) -> the source items, in YAML order.
    backlinks: dict[tuple[str, Key], dict[tuple[str, str], list[BaseModel]]] = field(default_factory=dict)
    #: Withdrawn cards by type and key: out of every list and count, but their pages stay.
    withdrawn_items: dict[str, dict[Key, BaseModel]] = field(default_factory=dict)
    #: When each followed card was added and last changed (from git; empty without history).
    dates: dict[tuple[str, Key], CardDates] = field(default_factory=dict)

    # --- every type, by name ------------------------------------------------------------------

    def of(self, name: str) -> dict[Key, BaseModel]:
        """Every live item of the type ``name``, by key, in YAML order (withdrawn cards are not)."""
        return self.items.get(name, {})

    def withdrawn(self, name: str) -> dict[Key, BaseModel]:
        """The withdrawn cards of the type ``name``, by key, in YAML order."""
        return self.withdrawn_items.get(name, {})

    def get(self, name: str, key: Key) -> BaseModel:
        """An item by key, live or withdrawn (a reference to a withdrawn card leads to its page)."""
        found = self.items[name].get(key)
        return found if found is not None else self.withdrawn_items[name][key]

    def is_withdrawn(self, name: str, key: Key) -> bool:
        return key in self.withdrawn_items.get(name, {})

    def dates_of(self, name: str, key: Key) -> CardDates | None:
        return self.dates.get((name, key))

    def key_of(self, name: str, item: BaseModel) -> Key:
        value: Key = getattr(item, BY_NAME[name].key)
        return value

    def linked(self, target: str, key: Key, source: str, via: str | None = None) -> list[BaseModel]:
        """The items of type ``source`` that refer to item ``key`` of type ``target``, in YAML order;
        ``via`` limits it to one reference field (``"editorial.practices"``)."""
        found = self.backlinks.get((target, key), {})
        if via is not None:
            return list(found.get((source, via), []))
        groups = [items for (kind, _), items in found.items() if kind == source]
        if len(groups) == 1:
            return list(groups[0])
        merged: dict[int, BaseModel] = {id(item): item for items in groups for item in items}
        position = self._positions(source)
        return sorted(merged.values(), key=lambda item: position[id(item)])

    def _positions(self, name: str) -> dict[int, int]:
        """Each item's place in its file (by object identity), computed once per type."""
        cache: dict[str, dict[int, int]] = self.__dict__.setdefault("_position_cache", {})
        if name not in cache:
            cache[name] = {id(item): place for place, item in enumerate(self.of(name).values())}
        return cache[name]

    def source_of(self, collection: str, key: Key) -> tuple[str, int] | None:
        """The ``(file, line)`` where an item is written, for edit links and reports."""
        return self.source_lines.get((collection, key))

    # --- the types the code names (typed, for readers and type checkers) ------------------------

    @property
    def programme(self) -> Programme:
        item = next(iter(self.of("programme").values()))
        assert isinstance(item, Programme)
        return item

    @property
    def kompas_intro(self) -> KompasIntro | None:
        item = next(iter(self.of("kompas_intro").values()), None)
        return item if isinstance(item, KompasIntro) else None

    @property
    def core_elements(self) -> dict[str, CoreElement]:
        return self._typed("core_elements", CoreElement)

    @property
    def regions(self) -> dict[str, Region]:
        return self._typed("regions", Region)

    @property
    def practices(self) -> dict[str, Practice]:
        return self._typed("practices", Practice)

    @property
    def sources(self) -> dict[str, Source]:
        return self._typed("sources", Source)

    @property
    def principles(self) -> dict[str, Principle]:
        return self._typed("principles", Principle)

    @property
    def instruments(self) -> dict[str, Instrument]:
        return self._typed("instruments", Instrument)

    @property
    def kompas_phases(self) -> dict[str, KompasPhase]:
        return self._typed("kompas_phases", KompasPhase)

    @property
    def kompas_steps(self) -> dict[int, KompasStep]:
        return self._typed("kompas_steps", KompasStep)

    @property
    def kompas_tools(self) -> dict[str, KompasTool]:
        return self._typed("kompas_tools", KompasTool)

    @property
    def violence_profiles(self) -> dict[str, ViolenceProfile]:
        return self._typed("violence_profiles", ViolenceProfile)

    @property
    def conversation_cards(self) -> dict[str, ConversationCard]:
        return self._typed("conversation_cards", ConversationCard)

    @property
    def glossary(self) -> list[GlossaryEntry]:
        return list(self._typed("glossary", GlossaryEntry).values())

    @property
    def synonyms(self) -> list[SynonymGroup]:
        """The groups of words that search the same (data/synonyms.yaml), for both searches."""
        return list(self._typed("synonyms", SynonymGroup).values())

    @property
    def background_topics(self) -> dict[str, BackgroundTopic]:
        return self._typed("background_topics", BackgroundTopic)

    @property
    def concepts(self) -> dict[str, Concept]:
        return self._typed("concepts", Concept)

    @property
    def lessons(self) -> dict[str, Lesson]:
        return self._typed("lessons", Lesson)

    def _typed(self, name: str, model: type[Item]) -> dict[Any, Item]:
        return self.of(name)  # type: ignore[return-value]  # validated as ``model`` by the registry

    # --- questions pages ask ----------------------------------------------------------------

    @property
    def pilots(self) -> list[Region]:
        """Regions that are a proeftuin, in YAML order."""
        return [region for region in self.regions.values() if region.kind == "proeftuin"]

    @property
    def other_regions(self) -> list[Region]:
        """Regions that are not a proeftuin (``landelijk`` last)."""
        return self._of_kind("regio") + self._of_kind("landelijk")

    @property
    def region_groups(self) -> list[RegionGroup[Region]]:
        """Regions in the groups readers see wherever regions are listed: the pilots, the other
        regions, and the national items on their own (``landelijk`` is not a region beside the
        others, so it no longer stands under "Andere regio's"). Empty groups are left out."""
        groups = [
            RegionGroup("proeftuinen", "Proeftuinen", self.pilots),
            RegionGroup("andere-regios", "Andere regio's", self._of_kind("regio")),
            RegionGroup("landelijk", "Landelijk", self._of_kind("landelijk")),
        ]
        return [group for group in groups if group.regions]

    def _of_kind(self, kind: str) -> list[Region]:
        return [region for region in self.regions.values() if region.kind == kind]

    def step_neighbours(self, number: int) -> tuple[KompasStep | None, KompasStep | None]:
        """The previous and next Kompas step, for step-to-step navigation."""
        return self.kompas_steps.get(number - 1), self.kompas_steps.get(number + 1)

    def phase_of(self, step: KompasStep) -> KompasPhase:
        return self.kompas_phases[step.phase]


def title_key(title: str) -> str:
    """How a title sorts A–Z for a Dutch reader: without case or accents ('Één' with 'Een')."""
    plain = unicodedata.normalize("NFKD", title.casefold())
    return "".join(character for character in plain if not unicodedata.combining(character))


def by_title(items: Iterable[Item]) -> list[Item]:
    """Items with a ``title`` in A–Z order: the order listings show before anyone sorts."""
    return sorted(items, key=lambda item: title_key(str(getattr(item, "title", ""))))


def _backlinks(
    items: dict[str, dict[Key, BaseModel]], references: Iterable[Reference]
) -> dict[tuple[str, Key], dict[tuple[str, str], list[BaseModel]]]:
    links: dict[tuple[str, Key], dict[tuple[str, str], list[BaseModel]]] = defaultdict(dict)
    for reference in references:
        for item in items.get(reference.source, {}).values():
            for value in dict.fromkeys(values_at(item, reference.path)):
                listed = links[(reference.target, value)].setdefault((reference.source, reference.via), [])
                if not listed or listed[-1] is not item:
                    listed.append(item)
    return dict(links)


def build_catalogue(content: Content, dates: dict[tuple[str, Key], CardDates] | None = None) -> Catalogue:
    """Index validated content; assumes references were checked by validation."""
    lines: dict[tuple[str, Key], tuple[str, int]] = {}
    items: dict[str, dict[Key, BaseModel]] = {}
    withdrawn: dict[str, dict[Key, BaseModel]] = {}
    for content_type in CONTENT_TYPES:
        document = content.documents.get(content_type.name)
        if document is not None:
            for position, raw in enumerate(document.data or []):
                if isinstance(raw, dict) and content_type.key in raw:
                    lines[(content_type.name, raw[content_type.key])] = (document.file, document.line_of((position,)))
        models = content[content_type.name]
        if content_type.single:
            items[content_type.name] = {0: models[0]} if models else {}
        else:
            ordered = (
                sorted(models, key=lambda model: getattr(model, content_type.key))
                if content_type.key == "number"
                else models
            )
            keyed = {getattr(model, content_type.key): model for model in ordered}
            if content_type.followed:
                withdrawn[content_type.name] = {k: m for k, m in keyed.items() if getattr(m, "withdrawn", None)}
                keyed = {k: m for k, m in keyed.items() if k not in withdrawn[content_type.name]}
            items[content_type.name] = keyed
    return Catalogue(
        items=items,
        source_lines=lines,
        backlinks=_backlinks(items, REFERENCES),
        withdrawn_items=withdrawn,
        dates=dict(dates or {}),
    )
