"""The content types: one declaration per type, and everything else follows from it.

A :class:`ContentType` says which YAML file holds the type, which model validates an item,
what an item is called in Dutch (for messages and counts), and, where the type has pages, the
URL of an item, the template that presents it and the listing that gathers them. Loading,
validation, references (declared on the model fields with :class:`~.fields.Ref`), the
catalogue's indexes, the pages and their URLs, the site menu, the home page's tiles and
``make check``'s counts all read this table.

Adding a content type: its data file, its model (in ``models.py``), one entry here, and its
templates (``templates/kennisbank/``). See docs/ARCHITECTURE.md.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel

from ..core_element_names import GROUP_TITLE
from . import models
from .fields import Ref


@dataclass(frozen=True)
class Noun:
    """How Dutch names an item: "kernelement" is a het-word, so "onbekend kernelement"."""

    singular: str
    plural: str
    neuter: bool = False  # het-woord

    def unknown(self) -> str:
        """ "onbekende regio", "onbekend kernelement"."""
        return f"{'onbekend' if self.neuter else 'onbekende'} {self.singular}"

    def this(self) -> str:
        """ "deze praktijk", "dit instrument"."""
        return f"{'dit' if self.neuter else 'deze'} {self.singular}"

    def another(self) -> str:
        """ "een andere praktijk", "een ander instrument"."""
        return f"{'een ander' if self.neuter else 'een andere'} {self.singular}"

    def existing(self) -> str:
        """ "een bestaande regio", "een bestaand kernelement"."""
        return f"{'een bestaand' if self.neuter else 'een bestaande'} {self.singular}"

    def count(self, number: int) -> str:
        return f"{number} {self.singular if number == 1 else self.plural}"


@dataclass(frozen=True)
class ItemPages:
    """Every item of the type has a page (or, with ``template=None``, an anchor on another page)."""

    url: str  # with ``{key}``: "praktijken/{key}/"; URLs are the contract in DESIGN.md
    template: str | None = None  # under templates/ (kennisbank/practice.html); None: no page of its own
    var: str = "item"  # the name the template knows the item by ("practice")
    title: str = "{title}"  # the page title, formatted with the item's fields
    description: str | None = "summary"  # plain-text field for <meta name="description">
    body: str | None = None  # Markdown field rendered as the page's body
    scripts: tuple[str, ...] = ()  # the plugin's scripts the page needs (assets/)
    # The table of contents lists every heading of the rendered page (page_toc.py), not only
    # those of its Markdown body: for templates that add sections of their own.
    page_toc: bool = False


@dataclass(frozen=True)
class Listing:
    """The page that lists every item of the type, in the site menu."""

    url: str  # "praktijken/"
    title: str  # the page's heading
    template: str
    description: str  # for <meta name="description">
    menu: str  # its entry in the site menu and its tile's heading ("Praktijken")
    order: int  # place in the site menu, after "Start"
    tile: str | None = None  # the type's tile on the home page ("Wat vind je hier?"), if any
    page_toc: bool = False  # as ItemPages.page_toc


@dataclass(frozen=True)
class ContentType:
    """One YAML file of items of one model, and how the site shows them."""

    name: str
    file: str
    model: type[BaseModel]
    noun: Noun
    required: bool = False
    key: str = "id"  # the field that identifies an item and that references point at
    single: bool = False  # the file is one mapping (one item), not a list of items
    pages: ItemPages | None = None
    listing: Listing | None = None

    @property
    def followed(self) -> bool:
        """Cards that readers follow over time: they get dates from git, may be renamed
        (``previous_ids``) and withdrawn (``withdrawn``). Declared by the model having those fields."""
        return "previous_ids" in self.model.model_fields and "withdrawn" in self.model.model_fields


@dataclass(frozen=True)
class Reference:
    """Field ``path`` in items of ``source`` holds keys of ``target`` (``*``: every list item)."""

    source: str
    path: tuple[str, ...]
    target: str

    @property
    def via(self) -> str:
        """The path as templates name it: ``editorial.practices``, ``blocks.practice``."""
        return ".".join(part for part in self.path if part != "*")


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("sources", "sources.yaml", models.Source, Noun("bron", "bronnen")),
    ContentType(
        "core_elements",
        "core_elements.yaml",
        models.CoreElement,
        Noun("kernelement", "kernelementen", neuter=True),
        required=True,
        pages=ItemPages("kernelementen/{key}/", "kennisbank/core_element.html", var="core_element", body="description"),
        listing=Listing(
            "kernelementen/",
            GROUP_TITLE,
            "kennisbank/core_elements.html",
            "De kernelementen en randvoorwaarden van het Toekomstscenario kind- en gezinsbescherming.",
            menu=GROUP_TITLE,
            order=2,
        ),
    ),
    ContentType(
        "regions",
        "regions.yaml",
        models.Region,
        Noun("regio", "regio's"),
        required=True,
        pages=ItemPages(
            "regio/{key}/",
            "kennisbank/region.html",
            var="region",
            title="{name}",
            description="description",
            scripts=("embed.js", "region-embed.js"),
        ),
        listing=Listing(
            "regio/",
            "Regio's en proeftuinen",
            "kennisbank/regions.html",
            "Proeftuinen en regio's die werken aan het Toekomstscenario, en welke kennis er per regio is.",
            menu="Regio's",
            order=3,
        ),
    ),
    ContentType(
        "principles",
        "principles.yaml",
        models.Principle,
        Noun("basisprincipe", "basisprincipes", neuter=True),
        pages=ItemPages("basisprincipes/#{key}"),
        listing=Listing(
            "basisprincipes/",
            "Basisprincipes",
            "kennisbank/principles.html",
            "De basisprincipes van het Toekomstscenario en wat ze in de praktijk vragen.",
            menu="Basisprincipes",
            order=8,
            tile="De principes waar het Toekomstscenario op rust.",
        ),
    ),
    ContentType(
        "practices",
        "practices.yaml",
        models.Practice,
        Noun("praktijk", "praktijken"),
        required=True,
        pages=ItemPages(
            "praktijken/{key}/", "kennisbank/practice.html", var="practice", body="body", scripts=("cite.js",)
        ),
        listing=Listing(
            "praktijken/",
            "Praktijken",
            "kennisbank/practices.html",
            "Alle goede praktijken uit de proeftuinen en regio's van het Toekomstscenario.",
            menu="Praktijken",
            order=1,
            tile="Goede voorbeelden uit proeftuinen en regio's, met contactpersonen.",
        ),
    ),
    ContentType(
        "instruments",
        "instruments.yaml",
        models.Instrument,
        Noun("instrument", "instrumenten", neuter=True),
        pages=ItemPages(
            "instrumenten/{key}/", "kennisbank/instrument.html", var="instrument", body="body", scripts=("cite.js",)
        ),
        listing=Listing(
            "instrumenten/",
            "Instrumenten",
            "kennisbank/instruments.html",
            "Werkpakketten, toolboxen, handreikingen en onderzoek bij het Toekomstscenario.",
            menu="Instrumenten",
            order=5,
            tile="Werkpakketten, toolboxen, handreikingen en onderzoek.",
        ),
    ),
    ContentType(
        "kompas_phases",
        "kompas_phases.yaml",
        models.KompasPhase,
        Noun("fase", "fasen"),
        pages=ItemPages("kompas/#{key}"),
    ),
    ContentType(
        "kompas_steps",
        "kompas_steps.yaml",
        models.KompasStep,
        Noun("Kompas-stap", "Kompas-stappen"),
        key="number",
        pages=ItemPages(
            "kompas/stap-{key}/",
            "kennisbank/kompas_step.html",
            var="step",
            title="Stap {number}: {title}",
            description="aim",
            body="body",
            page_toc=True,
        ),
        listing=Listing(
            "kompas/",
            "Kompas domeinoverstijgend samenwerken",
            "kennisbank/kompas.html",
            "Het Kompas: in acht stappen naar domeinoverstijgende samenwerking bij onveiligheid in huishoudens.",
            menu="Kompas",
            order=4,
            tile="In acht stappen naar domeinoverstijgende samenwerking, met werkbladen om te printen.",
            page_toc=True,
        ),
    ),
    ContentType(
        "kompas_tools",
        "kompas_tools.yaml",
        models.KompasTool,
        Noun("Kompas-werkblad", "Kompas-werkbladen", neuter=True),
        pages=ItemPages(
            "kompas/tools/{key}/",
            "kennisbank/kompas_tool.html",
            var="tool",
            description="purpose",
            scripts=("worksheet.js",),
        ),
    ),
    ContentType(
        "violence_profiles",
        "violence_profiles.yaml",
        models.ViolenceProfile,
        Noun("geweldsprofiel", "geweldsprofielen", neuter=True),
        pages=ItemPages("geweldsprofielen/{key}/", "kennisbank/profile.html", var="profile"),
        listing=Listing(
            "geweldsprofielen/",
            "Geweldsprofielen",
            "kennisbank/profiles.html",
            "Vijf geweldsprofielen: patronen van onveiligheid in huishoudens en wat ze betekenen voor kinderen.",
            menu="Geweldsprofielen",
            order=6,
            tile="Vijf patronen van geweld in huishoudens en wat ze betekenen voor kinderen.",
        ),
    ),
    ContentType(
        "conversation_cards",
        "conversation_cards.yaml",
        models.ConversationCard,
        Noun("gesprekskaart", "gesprekskaarten"),
        pages=ItemPages("gesprekskaarten/{key}/", "kennisbank/card.html", var="card", description="theme", body="body"),
        listing=Listing(
            "gesprekskaarten/",
            "Gesprekskaarten",
            "kennisbank/cards.html",
            "Gesprekskaarten uit de leersessies van de proeftuinen.",
            menu="Gesprekskaarten",
            order=7,
            tile="Kaarten uit de leersessies om samen te reflecteren.",
        ),
    ),
    ContentType(
        "glossary",
        "glossary.yaml",
        models.GlossaryEntry,
        Noun("afkorting", "afkortingen"),
        key="term",
        listing=Listing(
            "begrippen/",
            "Begrippen en afkortingen",
            "kennisbank/glossary.html",
            "Begrippen en afkortingen uit het Toekomstscenario, met uitleg en waar ze gebruikt worden.",
            menu="Begrippen",
            order=9,
        ),
    ),
    ContentType(
        "programme",
        "programme.yaml",
        models.Programme,
        Noun("programmateam", "programmateams", neuter=True),
        required=True,
        single=True,
    ),
    ContentType(
        "kompas_intro", "kompas.yaml", models.KompasIntro, Noun("Kompas-inleiding", "Kompas-inleidingen"), single=True
    ),
    ContentType(
        "background_topics",
        "kompas_background.yaml",
        models.BackgroundTopic,
        Noun("achtergrondonderwerp", "achtergrondonderwerpen", neuter=True),
        pages=ItemPages("kompas/achtergrond/{key}/", "kennisbank/background_topic.html", var="topic", body="body"),
    ),
    ContentType(
        "concepts",
        "concepts.yaml",
        models.Concept,
        Noun("begrip", "begrippen", neuter=True),
        pages=ItemPages("begrippen/#begrip-{key}"),
    ),
    ContentType("lessons", "lessons.yaml", models.Lesson, Noun("les", "lessen")),
    ContentType("synonyms", "synonyms.yaml", models.SynonymGroup, Noun("groep synoniemen", "groepen synoniemen")),
)

BY_NAME: dict[str, ContentType] = {content_type.name: content_type for content_type in CONTENT_TYPES}


def _references_in(
    annotation: Any, metadata: list[Any], path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], str]]:
    """``(path, target)`` for every field below ``annotation`` that is marked with a :class:`Ref`."""
    ref = next((item for item in metadata if isinstance(item, Ref)), None)
    if ref is not None:
        yield path, ref.target
        return
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin is Annotated:
        yield from _references_in(arguments[0], list(arguments[1:]), path)
    elif origin is list:
        yield from _references_in(arguments[0], [], (*path, "*"))
    elif origin in (typing.Union, types.UnionType):
        for argument in arguments:
            if argument is not type(None):
                yield from _references_in(argument, metadata, path)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            yield from _references_in(info.annotation, list(info.metadata), (*path, name))


def references_of(content_type: ContentType) -> list[Reference]:
    """The references an item of ``content_type`` makes, read from its model's fields."""
    return [Reference(content_type.name, path, target) for path, target in _references_in(content_type.model, [], ())]


REFERENCES: tuple[Reference, ...] = tuple(
    reference for content_type in CONTENT_TYPES for reference in references_of(content_type)
)
