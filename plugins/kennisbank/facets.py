"""Facet definitions for the filterable listings: which options, grouped how, counted how.

The same definitions render the filter form (server side, so counts are right before any
JavaScript runs) and tell the browser which card attribute each URL parameter filters on.
URL parameter names are part of the URL contract: regions embed filtered views with them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class OptionGroup:
    """Options shown together; ``label`` is ``None`` for an ungrouped facet."""

    label: str | None
    options: list[Option]


@dataclass(frozen=True)
class Facet:
    """A filter: URL parameter ``param`` selects cards whose ``data-<attribute>`` holds a value.

    Several values of one facet widen the selection (OR); different facets narrow it (AND).
    """

    param: str
    label: str
    attribute: str  # card attribute name without ``data-``
    groups: list[OptionGroup] = field(default_factory=list)

    @property
    def options(self) -> list[Option]:
        return [option for group in self.groups for option in group.options]


def _options(choices: Iterable[tuple[str, str]], counts: Counter[str], keep_empty: bool = False) -> list[Option]:
    return [Option(value, label, counts[value]) for value, label in choices if keep_empty or counts[value]]


def practice_facets(catalogue: Any, practices: list[Any] | None = None) -> list[Facet]:
    """Core element, region (pilots apart from other regions), theme and principle.

    ``practices`` narrows the counts (and the options shown) to a subset, e.g. one region.
    """
    practices = list(catalogue.practices.values()) if practices is None else practices
    by_core = Counter(practice.core_element for practice in practices)
    by_region = Counter(region for practice in practices for region in practice.regions)
    by_theme = Counter(theme for practice in practices for theme in practice.themes)
    by_principle = Counter(principle for practice in practices for principle in practice.principles)
    facets = [
        Facet("kernelement", "Kernelement", "core-element", [
            OptionGroup(None, _options(((c.id, c.title) for c in catalogue.core_elements.values()), by_core, keep_empty=True)),
        ]),
        Facet("regio", "Regio", "regions", [
            OptionGroup("Proeftuinen", _options(((r.id, r.name) for r in catalogue.pilots), by_region)),
            OptionGroup("Andere regio's", _options(((r.id, r.name) for r in catalogue.other_regions), by_region)),
        ]),
    ]
    if by_theme:
        facets.append(Facet("thema", "Thema", "themes", [OptionGroup(None, _options(((t, t.replace("-", " ")) for t in sorted(by_theme)), by_theme))]))
    if by_principle:
        principles = ((p.id, p.title) for p in catalogue.principles.values())
        facets.append(Facet("principe", "Basisprincipe", "principles", [OptionGroup(None, _options(principles, by_principle))]))
    return facets


INSTRUMENT_KIND_LABELS = {
    "werkpakket": "Werkpakket", "toolbox": "Toolbox", "handelingskader": "Handelingskader",
    "onderzoeksrapport": "Onderzoeksrapport", "handreiking": "Handreiking", "nieuwsbrief": "Nieuwsbrief",
    "factsheet": "Factsheet", "publicatie": "Publicatie", "video": "Video", "training": "Training",
    "kompas": "Kompas", "website": "Website",
}


def instrument_facets(catalogue: Any) -> list[Facet]:
    """Kind and core element."""
    instruments = list(catalogue.instruments.values())
    by_kind = Counter(instrument.kind for instrument in instruments)
    by_core = Counter(instrument.core_element for instrument in instruments)
    return [
        Facet("soort", "Soort", "kind", [OptionGroup(None, _options(INSTRUMENT_KIND_LABELS.items(), by_kind))]),
        Facet("kernelement", "Kernelement", "core-element", [
            OptionGroup(None, _options(((c.id, c.title) for c in catalogue.core_elements.values()), by_core)),
        ]),
    ]
