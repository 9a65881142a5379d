"""The validated content as one object with the indexes every page needs.

Built once per build from :class:`~kennisbank.content.Content`; pages and exports only read it.
Indexes keep YAML order, which is the order the programme team chose. Cross references are
indexed both ways, so every page can show what points at it ("related"), not only what it
points at.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from .content import Content
from .content.models import (
    ConversationCard,
    CoreElement,
    BackgroundTopic,
    Concept,
    GlossaryEntry,
    KompasIntro,
    Lesson,
    Programme,
    Instrument,
    KompasPhase,
    KompasStep,
    KompasTool,
    Practice,
    Principle,
    Region,
    Source,
    ViolenceProfile,
)


class Groups(dict):  # type: ignore[type-arg]
    """Items grouped by key; a key nothing points at has no items (and is not added)."""

    def __missing__(self, key: Any) -> list[Any]:
        return []


def _group(items: Iterable[Any], keys_of: Any) -> Groups:
    """``{key: [items]}`` for every key ``keys_of(item)`` yields, keeping item order."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for item in items:
        for key in keys_of(item):
            groups[key].append(item)
    return Groups(groups)


@dataclass(frozen=True)
class Catalogue:
    """Content by id, grouped by what pages list, and where each item was written."""

    programme: Programme
    core_elements: dict[str, CoreElement]
    regions: dict[str, Region]
    practices: dict[str, Practice]
    sources: dict[str, Source]
    principles: dict[str, Principle] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    kompas_phases: dict[str, KompasPhase] = field(default_factory=dict)
    kompas_steps: dict[int, KompasStep] = field(default_factory=dict)
    kompas_tools: dict[str, KompasTool] = field(default_factory=dict)
    violence_profiles: dict[str, ViolenceProfile] = field(default_factory=dict)
    conversation_cards: dict[str, ConversationCard] = field(default_factory=dict)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    kompas_intro: KompasIntro | None = None
    background_topics: dict[str, BackgroundTopic] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    source_lines: dict[tuple[str, Any], tuple[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        practices = list(self.practices.values())
        profiles = list(self.violence_profiles.values())
        steps = list(self.kompas_steps.values())
        index = {
            "practices_by_core_element": _group(practices, lambda p: [p.core_element]),
            "practices_by_region": _group(practices, lambda p: p.regions),
            "practices_by_principle": _group(practices, lambda p: p.principles),
            "instruments_by_core_element": _group(self.instruments.values(), lambda i: [i.core_element]),
            "tools_by_step": _group(self.kompas_tools.values(), lambda t: [t.step]),
            # Links a source makes, and links the editors chose (shown apart, "keuze van de redactie").
            "profiles_by_practice": _group(profiles, lambda p: p.practices),
            "profiles_by_instrument": _group(profiles, lambda p: p.instruments),
            "editorial_profiles_by_practice": _group(profiles, lambda p: p.editorial.practices if p.editorial else []),
            "editorial_profiles_by_instrument": _group(profiles, lambda p: p.editorial.instruments if p.editorial else []),
            "steps_by_practice": _group(steps, lambda s: dict.fromkeys(b.practice for b in s.blocks if b.practice)),
            "editorial_steps_by_practice": _group(steps, lambda s: s.editorial.practices if s.editorial else []),
            "lessons_by_region": _group(self.lessons.values(), lambda lesson: lesson.regions),
            "lessons_by_core_element": _group(self.lessons.values(), lambda lesson: [lesson.core_element]),
        }
        for name, groups in index.items():
            object.__setattr__(self, name, groups)

    # Filled in __post_init__; declared for type checkers and readers.
    practices_by_core_element: dict[str, list[Practice]] = field(init=False, repr=False)
    practices_by_region: dict[str, list[Practice]] = field(init=False, repr=False)
    practices_by_principle: dict[str, list[Practice]] = field(init=False, repr=False)
    instruments_by_core_element: dict[str, list[Instrument]] = field(init=False, repr=False)
    tools_by_step: dict[int, list[KompasTool]] = field(init=False, repr=False)
    profiles_by_practice: dict[str, list[ViolenceProfile]] = field(init=False, repr=False)
    profiles_by_instrument: dict[str, list[ViolenceProfile]] = field(init=False, repr=False)
    steps_by_practice: dict[str, list[KompasStep]] = field(init=False, repr=False)
    editorial_profiles_by_practice: dict[str, list[ViolenceProfile]] = field(init=False, repr=False)
    editorial_profiles_by_instrument: dict[str, list[ViolenceProfile]] = field(init=False, repr=False)
    editorial_steps_by_practice: dict[str, list[KompasStep]] = field(init=False, repr=False)
    lessons_by_region: dict[str, list[Lesson]] = field(init=False, repr=False)
    lessons_by_core_element: dict[str, list[Lesson]] = field(init=False, repr=False)

    @property
    def pilots(self) -> list[Region]:
        """Regions that are a proeftuin, in YAML order."""
        return [region for region in self.regions.values() if region.kind == "proeftuin"]

    @property
    def other_regions(self) -> list[Region]:
        """Regions that are not a proeftuin (``landelijk`` last)."""
        others = [region for region in self.regions.values() if region.kind == "regio"]
        return others + [region for region in self.regions.values() if region.kind == "landelijk"]

    def source_of(self, collection: str, key: Any) -> tuple[str, int] | None:
        """The ``(file, line)`` where an item is written, for edit links and reports."""
        return self.source_lines.get((collection, key))

    def step_neighbours(self, number: int) -> tuple[KompasStep | None, KompasStep | None]:
        """The previous and next Kompas step, for step-to-step navigation."""
        return self.kompas_steps.get(number - 1), self.kompas_steps.get(number + 1)

    def phase_of(self, step: KompasStep) -> KompasPhase:
        return self.kompas_phases[step.phase]


def title_key(title: str) -> str:
    """How a title sorts A–Z for a Dutch reader: without case or accents ('Één' with 'Een')."""
    plain = unicodedata.normalize("NFKD", title.casefold())
    return "".join(character for character in plain if not unicodedata.combining(character))


def by_title(items: Iterable[Any]) -> list[Any]:
    """Items with a ``title`` in A–Z order: the order listings show before anyone sorts."""
    return sorted(items, key=lambda item: title_key(item.title))


def build_catalogue(content: Content) -> Catalogue:
    """Index validated content; assumes references were checked by validation."""
    from .content.registry import COLLECTIONS

    lines: dict[tuple[str, Any], tuple[str, int]] = {}
    for collection in COLLECTIONS:
        document = content.documents.get(collection.name)
        if document is None:
            continue
        for position, item in enumerate(document.data or []):
            if isinstance(item, dict) and collection.key in item:
                lines[(collection.name, item[collection.key])] = (document.file, document.line_of((position,)))

    def by_id(name: str) -> dict[str, Any]:
        return {item.id: item for item in content[name]}

    return Catalogue(
        programme=content["programme"][0],
        core_elements=by_id("core_elements"),
        regions=by_id("regions"),
        practices=by_id("practices"),
        sources=by_id("sources"),
        principles=by_id("principles"),
        instruments=by_id("instruments"),
        kompas_phases=by_id("kompas_phases"),
        kompas_steps={step.number: step for step in sorted(content["kompas_steps"], key=lambda s: s.number)},
        kompas_tools=by_id("kompas_tools"),
        violence_profiles=by_id("violence_profiles"),
        conversation_cards=by_id("conversation_cards"),
        glossary=list(content["glossary"]),
        kompas_intro=(content["kompas_intro"] or [None])[0],
        background_topics=by_id("background_topics"),
        concepts=by_id("concepts"),
        lessons=by_id("lessons"),
        source_lines=lines,
    )
