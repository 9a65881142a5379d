"""Facets of the filterable listings: which card field a URL parameter filters on, and its options.

One declaration per facet (:class:`FacetField`) gives the URL parameter (part of the URL
contract: regions embed filtered views with it), the label, the card attribute the browser
filters on, and how to read an item's values. The same declaration writes the cards' ``data-*``
attributes (:func:`card_attributes`) and, with the counts of a set of items, the filter form
(:func:`facets_for`), so counts are right before any JavaScript runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from .catalogue import Catalogue
from .core_element_names import GROUP_LABEL
from .history import CardDates


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
class FacetField:
    """A filter: URL parameter ``param`` selects cards whose ``data-<attribute>`` holds a value.

    Several values of one facet widen the selection (OR); different facets narrow it (AND).
    """

    param: str
    label: str
    attribute: str  # card attribute name without ``data-``
    #: An item's values; the catalogue is there for links that point at the item (profiles → practices).
    values: Callable[[Any, Catalogue], list[str]]
    groups: Callable[[Catalogue], list[tuple[str | None, list[tuple[str, str]]]]]  # (group label, [(value, label)])
    keep_empty: bool = False  # show options no item has (core elements: the gap is news)
    #: A sentence the form shows under the facet's legend, for these items (or ``None``).
    note: Callable[[Catalogue, list[Any]], str | None] | None = None


@dataclass(frozen=True)
class Facet:
    """A facet with its options counted over a set of items, as the filter form shows it."""

    param: str
    label: str
    attribute: str
    groups: list[OptionGroup] = field(default_factory=list)
    note: str | None = None

    @property
    def options(self) -> list[Option]:
        return [option for group in self.groups for option in group.options]


INSTRUMENT_KIND_LABELS = {
    "werkpakket": "Werkpakket",
    "toolbox": "Toolbox",
    "handelingskader": "Handelingskader",
    "onderzoeksrapport": "Onderzoeksrapport",
    "handreiking": "Handreiking",
    "nieuwsbrief": "Nieuwsbrief",
    "factsheet": "Factsheet",
    "publicatie": "Publicatie",
    "video": "Video",
    "training": "Training",
    "kompas": "Kompas",
    "website": "Website",
}


def _core_elements(catalogue: Catalogue) -> list[tuple[str | None, list[tuple[str, str]]]]:
    return [(None, [(c.id, c.title) for c in catalogue.core_elements.values()])]


def _regions(catalogue: Catalogue) -> list[tuple[str | None, list[tuple[str, str]]]]:
    return [(group.label, [(r.id, r.name) for r in group.regions]) for group in catalogue.region_groups]


def _themes(catalogue: Catalogue) -> list[tuple[str | None, list[tuple[str, str]]]]:
    themes = sorted({theme for practice in catalogue.practices.values() for theme in practice.themes})
    return [(None, [(theme, theme.replace("-", " ")) for theme in themes])]


def _principles(catalogue: Catalogue) -> list[tuple[str | None, list[tuple[str, str]]]]:
    return [(None, [(p.id, p.title) for p in catalogue.principles.values()])]


def _kinds(catalogue: Catalogue) -> list[tuple[str | None, list[tuple[str, str]]]]:
    return [(None, list(INSTRUMENT_KIND_LABELS.items()))]


def _profiles(catalogue: Catalogue) -> list[tuple[str | None, list[tuple[str, str]]]]:
    return [(None, [(p.id, p.title) for p in catalogue.violence_profiles.values()])]


#: The two ways a violence profile names a practice: the source does, or the editors chose it.
PROFILE_LINKS = {"source": "practices", "editorial": "editorial.practices"}


def _profiles_of(practice: Any, catalogue: Catalogue) -> list[str]:
    """The profiles that name the practice, by the source or by the editors, in YAML order."""
    return [
        str(catalogue.key_of("violence_profiles", p))
        for p in catalogue.linked("practices", practice.id, "violence_profiles")
    ]


def _profile_note(catalogue: Catalogue, practices: list[Any]) -> str | None:
    """Says that a link is the editors' choice (as the practice pages do, "keuze van de redactie"):
    a reader filtering by profile should know that the source itself did not make it."""
    links = {
        way: sum(len(catalogue.linked("practices", p.id, "violence_profiles", via)) for p in practices)
        for way, via in PROFILE_LINKS.items()
    }
    if not links["editorial"]:
        return None
    if not links["source"]:
        return "Welke praktijk bij een profiel past, is een keuze van de redactie: de bron koppelt ze niet."
    return "Een deel van de koppelingen is een keuze van de redactie; de pagina van een praktijk zegt welke."


#: The facets of each filterable type, in the order the filter form shows them.
FACETS: dict[str, tuple[FacetField, ...]] = {
    "practices": (
        FacetField(
            "kernelement", GROUP_LABEL, "core-element", lambda p, _: [p.core_element], _core_elements, keep_empty=True
        ),
        FacetField("regio", "Regio", "regions", lambda p, _: list(p.regions), _regions),
        FacetField("thema", "Thema", "themes", lambda p, _: list(p.themes), _themes),
        FacetField("principe", "Basisprincipe", "principles", lambda p, _: list(p.principles), _principles),
        FacetField("geweldsprofiel", "Geweldsprofiel", "profiles", _profiles_of, _profiles, note=_profile_note),
    ),
    "instruments": (
        FacetField("soort", "Soort", "kind", lambda i, _: [i.kind], _kinds),
        FacetField("kernelement", GROUP_LABEL, "core-element", lambda i, _: [i.core_element], _core_elements),
    ),
}
#: The attribute that names a card of each type (the HTML contract: ``data-card`` for practices).
CARD_ID_ATTRIBUTE = {"practices": "card", "instruments": "instrument"}
#: Values a listing sorts by besides the title (filters.js ``sorteer=``).
SORT_KEYS: dict[str, dict[str, Callable[[Any], str]]] = {
    "practices": {"reviewed": lambda p: p.last_reviewed.isoformat() if p.last_reviewed else ""},
}


def card_attributes(kind: str, item: Any, catalogue: Catalogue, dates: CardDates | None = None) -> Markup:
    """The ``data-*`` attributes of a card: its id, every facet's values and its sort keys
    (``data-created`` for ``sorteer=nieuw`` when the card has dates)."""
    parts = [f'data-{CARD_ID_ATTRIBUTE.get(kind, "card")}="{escape(item.id)}"']
    parts += [
        f'data-{facet.attribute}="{escape(" ".join(facet.values(item, catalogue)))}"' for facet in FACETS.get(kind, ())
    ]
    parts += [f'data-{name}="{escape(value(item))}"' for name, value in SORT_KEYS.get(kind, {}).items()]
    if dates is not None:
        parts.append(f'data-created="{dates.created.isoformat()}"')
    return Markup(" ".join(parts))


def facets_for(
    kind: str, catalogue: Catalogue, items: Iterable[Any] | None = None, only: Sequence[str] | None = None
) -> list[Facet]:
    """The filter form's facets for ``items`` (default: every item of ``kind``), with counts.

    An option no item has is left out (except where the facet keeps it, to show the gap); a
    facet with no options at all is left out. ``only`` keeps just the named URL parameters.
    """
    chosen = list(catalogue.of(kind).values()) if items is None else list(items)
    facets = []
    for facet_field in FACETS[kind]:
        if only is not None and facet_field.param not in only:
            continue
        counts: Counter[str] = Counter(value for item in chosen for value in facet_field.values(item, catalogue))
        groups = [
            OptionGroup(
                label,
                [
                    Option(value, text, counts[value])
                    for value, text in options
                    if facet_field.keep_empty or counts[value]
                ],
            )
            for label, options in facet_field.groups(catalogue)
        ]
        if any(group.options for group in groups):
            note = facet_field.note(catalogue, chosen) if facet_field.note else None
            facets.append(Facet(facet_field.param, facet_field.label, facet_field.attribute, groups, note))
    return facets
