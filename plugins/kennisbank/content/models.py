"""Typed content models: one per content type, with the field rules editors rely on.

The models check the shape of one item. Whether a referenced id exists is a question about
the whole collection and lives in :mod:`.validate`.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import (
    Cell,
    CoreElementId,
    Email,
    Icon,
    InstrumentId,
    Markdown,
    PhaseId,
    PracticeId,
    PrincipleId,
    ProfileId,
    RegionId,
    SearchTerm,
    Slug,
    SourceId,
    StepNumber,
    Text,
    ToolId,
    WebUrl,
)

#: Dutch descriptions for fields that do not carry their own: editors see them in VS Code.
FIELD_DESCRIPTIONS = {
    "id": "Unieke id: kleine letters, cijfers en koppeltekens; wordt deel van het webadres",
    "title": "Titel zoals hij op de site staat",
    "name": "Naam zoals hij op de site staat",
    "summary": "Eén of twee zinnen platte tekst",
    "description": "Beschrijving",
    "body": "Tekst in Markdown",
    "source": "Id van de brontekst (zie data/sources.yaml)",
    "publisher": "Uitgever of maker, als de bron die noemt",
    "year": "Jaartal, alleen als de bron het noemt",
    "url": "Volledig webadres, beginnend met https://",
    "kind": "Soort",
    "pilot": "Profiel van de proeftuin uit de infosheet (alleen bij kind: proeftuin)",
    "intro": "Korte inleiding",
    "hint": "Toelichting of hulpvraag",
    "text": "Tekst",
    "items": "Vragen, aandachtspunten of onderdelen",
    "columns": "Kolomkoppen van een in te vullen tabel",
    "rows": "Rijen van de tabel (evenveel cellen als kolommen)",
    "sections": "Onderdelen van het werkblad",
    "materials": "Wat je nodig hebt",
    "purpose": "Waar het werkblad bij helpt",
    "step": "Nummer van de Kompas-stap (1-8)",
    "number": "Nummer van de stap (1-8); wordt /kompas/stap-<n>/",
    "phase": "Id van de fase (zie data/kompas_phases.yaml)",
    "steps": "Nummers van de stappen in deze fase",
    "actors": "Wie in deze fase aan zet is",
    "aim": "Doel van de stap",
    "result": "Resultaat van de stap (laat weg als de bron er geen noemt)",
    "blocks": "Blokken van de stap: inspiratie, tool, tip of weblink",
    "practice": "Id van een praktijk (zie data/practices.yaml)",
    "tool": "Id van een werkblad (zie data/kompas_tools.yaml)",
    "type": "Soort blok",
    "theme": "Waar de kaart over gaat",
    "questions": "Alleen reflectievragen die in de bron staan",
    "publication": "Waar de kaart te downloaden is",
    "term": "De afkorting zoals ze in teksten staat",
    "terms": "Woorden of woordgroepen",
    "note": "Toelichting voor de redactie (niet op de site)",
    "meaning": "Wat de afkorting betekent",
    "core_element": "Id van het kernelement (zie data/core_elements.yaml)",
    "regions": "Id's van de regio's (zie data/regions.yaml)",
    "practices": "Id's van praktijken (zie data/practices.yaml)",
    "instruments": "Id's van instrumenten (zie data/instruments.yaml)",
    "links": "Links naar meer informatie",
    "location": "Waar de proeftuin loopt",
    "characteristics": "Wat de proeftuin kenmerkt",
    "goals_2026": "Doelen voor 2026",
    "funding_note": "Opmerking over financiering of stoppen",
    "duration": "Tijdsduur (draaiboek)",
    "pattern": "Het patroon: wat kenmerkt dit profiel",
    "children": "Wat het profiel betekent voor kinderen",
    "research": "Het onderzoek waar het profiel uit komt",
}


def _describe_fields(schema: dict[str, Any], model: type) -> None:
    for name, prop in schema.get("properties", {}).items():
        if "description" not in prop and name in FIELD_DESCRIPTIONS:
            prop["description"] = FIELD_DESCRIPTIONS[name]


class ContentModel(BaseModel):
    """Base: unknown keys are errors, values are taken as written (no silent coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, json_schema_extra=_describe_fields)


class Contact(ContentModel):
    """A person a professional can approach about a practice."""

    name: Text | None = Field(default=None, description="Naam van de contactpersoon")
    email: Email | None = Field(default=None, description="E-mailadres van de contactpersoon")
    organisation: Text | None = Field(default=None, description="Organisatie waar de contactpersoon werkt")
    role: Text | None = Field(default=None, description="Functie of rol van de contactpersoon")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not self.name and not self.email:
            raise PydanticCustomError(
                "kennisbank",
                "een contactpersoon heeft minstens een naam of een e-mailadres nodig; vul name of email in",
            )
        return self


class Link(ContentModel):
    """A document or web page that tells more."""

    title: Text = Field(description="Waar de link naartoe gaat, in een paar woorden")
    url: WebUrl = Field(description="Volledig webadres, beginnend met https://")


class Withdrawal(ContentModel):
    """A card taken back: it leaves every list, but its page says so, so that links still lead somewhere."""

    date: datetime.date = Field(description="Datum waarop de kaart is ingetrokken (JJJJ-MM-DD)")
    reason: Text = Field(description="Waarom de kaart is ingetrokken, in één zin, voor wie de oude link volgt")


#: On every card that has dates (practices and instruments): its earlier ids and its withdrawal.
PREVIOUS_IDS_DESCRIPTION = (
    "Vroegere id's van deze kaart, oudste eerst: hun webadressen blijven werken en leiden hierheen"
)
WITHDRAWN_DESCRIPTION = "Alleen als de kaart is ingetrokken: datum en reden; de pagina blijft en zegt dat"


class Practice(ContentModel):
    """A best-practice card from a region or pilot."""

    id: Slug = Field(description="Unieke id in kleine letters met koppeltekens; wordt het webadres")
    title: Text = Field(description="Titel van de praktijk")
    core_element: CoreElementId = Field(description="Id van het kernelement (zie data/core_elements.yaml)")
    regions: list[RegionId] = Field(
        default_factory=list,
        description="Id's van de regio's (zie data/regions.yaml); leeg als de bron geen regio noemt, 'landelijk' alleen voor wat landelijk is",
    )
    summary: Text = Field(description="Samenvatting in één of twee zinnen, platte tekst")
    body: Markdown = Field(description="Beschrijving in Markdown")
    contacts: list[Contact] = Field(default_factory=list, description="Contactpersonen")
    links: list[Link] = Field(default_factory=list, description="Links naar meer informatie")
    themes: list[Slug] = Field(default_factory=list, description="Thema's (id's)")
    principles: list[PrincipleId] = Field(default_factory=list, description="Basisprincipes (id's)")
    year: int | None = Field(default=None, ge=1990, le=2100, description="Jaar waarin de praktijk is beschreven")
    source: SourceId | None = Field(default=None, description="Id van de brontekst (zie data/sources.yaml)")
    last_reviewed: datetime.date | None = Field(
        default=None, description="Datum van de laatste inhoudelijke controle (JJJJ-MM-DD)"
    )
    previous_ids: list[Slug] = Field(default_factory=list, description=PREVIOUS_IDS_DESCRIPTION)
    withdrawn: Withdrawal | None = Field(default=None, description=WITHDRAWN_DESCRIPTION)


class CoreElement(ContentModel):
    """One of the five core elements (kernelementen) of the Toekomstscenario, or the
    randvoorwaarden that stand beside them: the sources group practices and tools under both,
    and the site names the group "kernelementen en randvoorwaarden" (``core_element_names.py``)."""

    id: Slug
    title: Text
    kind: Literal["kernelement", "randvoorwaarden"] = Field(
        default="kernelement",
        description="kernelement (een van de vijf) of randvoorwaarden (wat ernaast de verandering mogelijk maakt)",
    )
    summary: Text
    description: Markdown
    icon: Icon | None = Field(
        default=None,
        description="Pictogram op de startpagina, uit de sets van Material, bijvoorbeeld material/account-group",
    )


class RegionalProject(ContentModel):
    """A project a region runs for the Toekomstscenario (e.g. in a regional programme plan)."""

    title: Text = Field(description="Naam van het project zoals de regio het noemt")
    summary: Text = Field(description="Wat het project doet, in één of twee zinnen")
    body: Markdown | None = Field(default=None, description="Meer over het project (Markdown)")
    links: list[Link] = Field(default_factory=list)


class PilotProfile(ContentModel):
    """Where a pilot (proeftuin) stands, from the research infosheet."""

    location: Text = Field(description="Waar de proeftuin loopt")
    characteristics: Text = Field(description="Wat de proeftuin kenmerkt")
    goals_2026: list[Text] = Field(min_length=1, description="Doelen voor 2026")
    funding_note: Text | None = Field(default=None, description="Opmerking over financiering of stoppen")


class Region(ContentModel):
    """A region, a pilot (proeftuin), or ``landelijk`` for national items."""

    id: Slug
    name: Text
    kind: Literal["proeftuin", "regio", "landelijk"]
    description: Text | None = None
    pilot: PilotProfile | None = None
    projects: list[RegionalProject] = Field(
        default_factory=list, description="Regionale projecten voor het Toekomstscenario"
    )
    source: SourceId | None = Field(
        default=None, description="Id van de brontekst van de projecten (zie data/sources.yaml)"
    )

    @model_validator(mode="after")
    def _pilot_only_for_proeftuin(self) -> Region:
        if self.pilot is not None and self.kind != "proeftuin":
            raise PydanticCustomError(
                "kennisbank",
                "een proeftuinprofiel (pilot) hoort alleen bij kind: proeftuin; zet kind: proeftuin of haal pilot weg",
            )
        return self


class Source(ContentModel):
    """A source document that content is drawn from."""

    id: Slug
    title: Text
    publisher: Text | None = None
    year: int | None = Field(default=None, ge=1990, le=2100)
    url: WebUrl | None = None


class Principle(ContentModel):
    """A basic principle (basisprincipe) of the Toekomstscenario."""

    id: Slug
    title: Text
    summary: Text = Field(description="Waar het principe om draait, in één of twee zinnen")
    body: Markdown = Field(description="Wat het principe in de praktijk vraagt")
    source: SourceId | None = None


class Instrument(ContentModel):
    """A tool or publication: werkpakket, toolbox, handreiking, onderzoeksrapport, ..."""

    id: Slug
    title: Text
    kind: Literal[
        "werkpakket",
        "toolbox",
        "handelingskader",
        "onderzoeksrapport",
        "handreiking",
        "nieuwsbrief",
        "factsheet",
        "publicatie",
        "video",
        "training",
        "kompas",
        "website",
    ] = Field(description="Soort instrument")
    core_element: CoreElementId = Field(description="Id van het kernelement")
    publisher: Text | None = Field(default=None, description="Uitgever of maker, als de bron die noemt")
    year: int | None = Field(default=None, ge=1990, le=2100)
    summary: Text
    body: Markdown | None = None
    links: list[Link] = Field(default_factory=list)
    regions: list[RegionId] = Field(default_factory=list)
    source: SourceId | None = None
    previous_ids: list[Slug] = Field(default_factory=list, description=PREVIOUS_IDS_DESCRIPTION)
    withdrawn: Withdrawal | None = Field(default=None, description=WITHDRAWN_DESCRIPTION)
    practice: PracticeId | None = Field(
        default=None,
        description="Id van de praktijk die dezelfde publicatie beschrijft: die praktijk is de plek van de beschrijving, "
        "het instrument verwijst ernaar (en heeft dan zelf geen body)",
    )

    @model_validator(mode="after")
    def _one_place_for_the_text(self) -> Instrument:
        if self.practice and self.body:
            raise PydanticCustomError(
                "kennisbank",
                "dit instrument verwijst naar praktijk '{practice}' voor de beschrijving; zet de tekst daar en laat body hier weg",
                {"practice": self.practice},
            )
        return self


class KompasPhase(ContentModel):
    """A phase of the Kompas, grouping consecutive steps."""

    id: Slug
    title: Text
    steps: list[StepNumber] = Field(min_length=1, description="Nummers van de stappen in deze fase")
    actors: Text = Field(description="Wie in deze fase aan het werk is")
    summary: Text


class KompasBlock(ContentModel):
    """A typed block of a Kompas step, as the document types it."""

    type: Literal["inspiratie", "tool", "tip", "weblink"]
    title: Text
    text: Markdown | None = None
    practice: PracticeId | None = Field(default=None, description="Inspiratie: id van de praktijkkaart")
    tool: ToolId | None = Field(default=None, description="Tool: id uit kompas_tools.yaml")
    url: WebUrl | None = Field(default=None, description="Weblink: het webadres")

    @model_validator(mode="after")
    def _has_what_its_type_needs(self) -> KompasBlock:
        needs = {"inspiratie": ("practice", "text"), "tool": ("tool",), "tip": ("text",), "weblink": ("url",)}
        wanted = needs[self.type]
        if not any(getattr(self, name) for name in wanted):
            fields = " of ".join(f"'{name}'" for name in wanted)
            which = "dat veld" if len(wanted) == 1 else "een van die velden"
            raise PydanticCustomError(
                "kennisbank",
                "een blok van type {type} heeft {fields} nodig; voeg {which} toe",
                {"type": self.type, "fields": fields, "which": which},
            )
        return self


class EditorialLinks(ContentModel):
    """Links the editors chose, not the sources: shown as "Past bij (keuze van de redactie)",
    apart from the links a source makes itself."""

    practices: list[PracticeId] = Field(
        default_factory=list, description="Id's van praktijken die de redactie erbij vindt passen"
    )
    instruments: list[InstrumentId] = Field(
        default_factory=list, description="Id's van instrumenten die de redactie erbij vindt passen"
    )
    why: Text | None = Field(
        default=None, description="Waarom de redactie deze koppeling legt (voor het programmateam)"
    )
    confirmed: bool = Field(default=False, description="true zodra het programmateam de koppeling heeft bevestigd")


class KompasStep(ContentModel):
    """One of the eight steps of the Kompas."""

    number: int = Field(ge=1, le=8)
    phase: PhaseId
    title: Text
    aim: Text = Field(description="Doel van de stap")
    body: Markdown
    result: Text | None = Field(default=None, description="Resultaat van de stap (laat weg als de bron er geen noemt)")
    blocks: list[KompasBlock] = Field(default_factory=list)
    profiles: list[ProfileId] = Field(
        default_factory=list, description="Geweldsprofielen waar de stap zelf naar verwijst"
    )
    editorial: EditorialLinks | None = Field(
        default=None,
        description="Praktijken die de redactie bij deze stap vindt passen, naast de voorbeelden van het Kompas",
    )


#: How much room a question gets on paper (worksheet.py): one line for a name, a date or a
#: choice to circle; a few lines for a checklist point; a lot for an open question.
AnswerSpace = Literal["regel", "kort", "ruim"]
ANSWER_DESCRIPTION = (
    "Schrijfruimte op papier: regel (één regel: een naam, datum of keuze), kort (een paar regels) of ruim "
    "(een open vraag, conclusies, afspraken). Zonder dit veld: wat bij de soort werkblad past"
)


def _item_from_text(value: object) -> object:
    # Editors may write a plain question instead of a mapping with `text:`.
    return {"text": value} if isinstance(value, str) else value


class ToolItem(ContentModel):
    """A question, checklist point, agenda row or form heading of a tool."""

    text: Text
    hint: Text | None = None
    duration: Text | None = Field(default=None, description="Tijdsduur (draaiboek)")
    answer: AnswerSpace | None = Field(default=None, description=ANSWER_DESCRIPTION)


class ToolSection(ContentModel):
    """A part of a tool: items to answer or tick, or a table to fill in."""

    title: Text
    intro: Text | None = None
    items: list[Annotated[ToolItem, BeforeValidator(_item_from_text)]] = Field(default_factory=list)
    answer: AnswerSpace | None = Field(
        default=None, description="Schrijfruimte voor elke vraag van de sectie (zie 'answer' bij een vraag)"
    )
    columns: list[Text] = Field(default_factory=list)
    rows: list[list[Cell]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> ToolSection:
        if self.rows and not self.columns:
            raise PydanticCustomError(
                "kennisbank", "een tabel met 'rows' heeft ook 'columns' nodig; voeg 'columns' toe met een kop per kolom"
            )
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise PydanticCustomError(
                    "kennisbank",
                    "rij {number} heeft {cells}, maar de tabel heeft {columns}; geef elke rij evenveel cellen als "
                    'er kolommen zijn (een lege cel is "")',
                    {
                        "number": number,
                        "cells": f"{len(row)} {'cel' if len(row) == 1 else 'cellen'}",
                        "columns": f"{len(self.columns)} {'kolom' if len(self.columns) == 1 else 'kolommen'}",
                    },
                )
        return self


class KompasTool(ContentModel):
    """A worksheet of a Kompas step, structured so it reads on screen and prints on paper."""

    id: Slug
    title: Text
    step: StepNumber = Field(ge=1, le=8)
    kind: Literal["werkvorm", "checklist", "format", "draaiboek", "interviewleidraad", "indicatoren", "formulier"]
    purpose: Text
    materials: list[Text] = Field(default_factory=list)
    sections: list[ToolSection] = Field(min_length=1)
    profiles: list[ProfileId] = Field(
        default_factory=list, description="Geweldsprofielen waar het werkblad zelf naar verwijst"
    )


class ViolenceProfile(ContentModel):
    """One of the five violence profiles (geweldsprofielen)."""

    id: Slug
    title: Text
    summary: Text
    pattern: Markdown = Field(description="Het patroon: wat kenmerkt dit profiel")
    children: Markdown = Field(description="Wat het profiel betekent voor kinderen")
    research: Text = Field(description="Het onderzoek waar het profiel uit komt")
    practices: list[PracticeId] = Field(
        default_factory=list, description="Praktijken die de bron zelf bij dit profiel noemt"
    )
    instruments: list[InstrumentId] = Field(
        default_factory=list, description="Instrumenten die de bron zelf bij dit profiel noemt"
    )
    editorial: EditorialLinks | None = Field(
        default=None, description="Praktijken en instrumenten die de redactie erbij vindt passen"
    )
    source: SourceId | None = None


class ConversationCard(ContentModel):
    """A conversation card (gesprekskaart) from the learning sessions."""

    id: Slug
    title: Text
    theme: Text
    body: Markdown | None = None
    questions: list[Text] = Field(default_factory=list, description="Alleen reflectievragen die de bron geeft")
    publication: Link | None = None
    source: SourceId | None = None


class KompasIntro(ContentModel):
    """What the Kompas is and the framework its eight steps follow: the opening of /kompas/."""

    intro: Markdown = Field(description="Waarom het Kompas er is en voor wie (Markdown)")
    framework: Markdown = Field(
        description="Het kader van het Kompas in het kort: fasen, stappen, hoe je het gebruikt (Markdown)"
    )
    source: SourceId | None = None


class BackgroundTopic(ContentModel):
    """A Kompas background topic (verdieping) with its own page: /kompas/achtergrond/<id>/."""

    id: Slug
    title: Text
    terms: list[Text] = Field(
        min_length=1,
        description="Hoe andere teksten het onderwerp noemen (kleine letters maakt niet uit); de eerste keer op een pagina wordt het een link",
    )
    summary: Text
    body: Markdown
    links: list[Link] = Field(default_factory=list)
    source: SourceId | None = None


class Concept(ContentModel):
    """An explained concept on /begrippen/ (beside the abbreviations), e.g. a method or vision."""

    id: Slug
    title: Text = Field(description="Het begrip zoals het op de site staat")
    terms: list[Text] = Field(
        min_length=1,
        description="Hoe teksten het begrip schrijven (kleine letters maakt niet uit); de eerste keer op een pagina wordt het een link",
    )
    definition: Text = Field(description="Wat het begrip betekent, in één of twee zinnen")
    body: Markdown | None = Field(default=None, description="Meer uitleg, bijvoorbeeld de fasen (Markdown)")
    source: SourceId | None = None


class Lesson(ContentModel):
    """A lesson a region learnt, e.g. on building regional cooperation before a veiligheidsteam."""

    id: Slug
    title: Text
    regions: list[RegionId] = Field(min_length=1, description="Id's van de regio's waar de les vandaan komt")
    core_element: CoreElementId = Field(description="Id van het kernelement waar de les bij hoort")
    body: Markdown
    source: SourceId | None = None


class Licence(ContentModel):
    """Under which licence the texts and data of the kennisbank may be reused."""

    name: Text = Field(description="Korte naam van de licentie, zoals 'CC BY 4.0'")
    title: Text = Field(description="Volledige naam, zoals 'Creative Commons Naamsvermelding 4.0 Internationaal'")
    url: WebUrl = Field(description="Webadres van de licentietekst")


class Programme(ContentModel):
    """The programme team that publishes the kennisbank: the address for every question that
    no practice's own contact person answers."""

    name: Text = Field(description="Naam van het programmateam zoals het op de site staat")
    short_name: Text = Field(description="Hoe de site het team in een zin noemt, bijvoorbeeld 'het programmateam'")
    email: Email = Field(description="E-mailadres voor vragen aan het programmateam")
    license: Licence = Field(
        description="De licentie van alle teksten en gegevens van de kennisbank (footer, /over/, feeds)"
    )


class GlossaryEntry(ContentModel):
    """An abbreviation used in the documents."""

    term: Text
    meaning: Text
    description: Text | None = None


def _at_least_two(terms: list[str]) -> list[str]:
    if len(terms) < 2:
        raise PydanticCustomError(
            "kennisbank",
            "een groep synoniemen heeft minstens twee zoekwoorden; zet er een woord bij dat hetzelfde betekent, "
            "of haal de groep weg",
        )
    return terms


class SynonymGroup(ContentModel):
    """Words and phrases that mean the same to someone searching ("vechtscheiding", "complexe
    scheiding"): a search for one of them finds what the others find, in the catalogue search and
    in the site search alike (exports/synonyms.py). Only for searching; the site never shows the list."""

    id: Slug
    terms: Annotated[list[SearchTerm], AfterValidator(_at_least_two)] = Field(
        description="Woorden of woordgroepen die bij zoeken hetzelfde betekenen, in kleine letters; minstens twee"
    )
    note: Text | None = Field(default=None, description="Toelichting voor de redactie: waar de woorden vandaan komen")
