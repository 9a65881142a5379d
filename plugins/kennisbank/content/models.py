"""Typed content models: one per content type, with the field rules editors rely on.

The models check the shape of one item. Whether a referenced id exists is a question about
the whole collection and lives in :mod:`.validate`.
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import Email, Markdown, Slug, Text, WebUrl


class ContentModel(BaseModel):
    """Base: unknown keys are errors, values are taken as written (no silent coercion)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Contact(ContentModel):
    """A person a professional can approach about a practice."""

    name: Text | None = Field(default=None, description="Naam van de contactpersoon")
    email: Email | None = Field(default=None, description="E-mailadres van de contactpersoon")
    organisation: Text | None = Field(default=None, description="Organisatie waar de contactpersoon werkt")
    role: Text | None = Field(default=None, description="Functie of rol van de contactpersoon")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not self.name and not self.email:
            raise PydanticCustomError("kennisbank", "een contactpersoon heeft minstens een naam of een e-mailadres")
        return self


class Link(ContentModel):
    """A document or web page that tells more."""

    title: Text = Field(description="Waar de link naartoe gaat, in een paar woorden")
    url: WebUrl = Field(description="Volledig webadres, beginnend met https://")


class Practice(ContentModel):
    """A best-practice card from a region or pilot."""

    id: Slug = Field(description="Unieke id in kleine letters met koppeltekens; wordt het webadres")
    title: Text = Field(description="Titel van de praktijk")
    core_element: Slug = Field(description="Id van het kernelement (zie data/core_elements.yaml)")
    regions: list[Slug] = Field(min_length=1, description="Id's van de regio's (zie data/regions.yaml)")
    summary: Text = Field(description="Samenvatting in één of twee zinnen, platte tekst")
    body: Markdown = Field(description="Beschrijving in Markdown")
    contacts: list[Contact] = Field(default_factory=list, description="Contactpersonen")
    links: list[Link] = Field(default_factory=list, description="Links naar meer informatie")
    themes: list[Slug] = Field(default_factory=list, description="Thema's (id's)")
    principles: list[Slug] = Field(default_factory=list, description="Basisprincipes (id's)")
    year: int | None = Field(default=None, ge=1990, le=2100, description="Jaar waarin de praktijk is beschreven")
    source: Slug | None = Field(default=None, description="Id van de brontekst (zie data/sources.yaml)")
    last_reviewed: datetime.date | None = Field(default=None, description="Datum van de laatste inhoudelijke controle (JJJJ-MM-DD)")


class CoreElement(ContentModel):
    """One of the core elements (kernelementen) of the Toekomstscenario."""

    id: Slug
    title: Text
    summary: Text
    description: Markdown


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

    @model_validator(mode="after")
    def _pilot_only_for_proeftuin(self) -> Region:
        if self.pilot is not None and self.kind != "proeftuin":
            raise PydanticCustomError(
                "kennisbank", "een proeftuinprofiel (pilot) hoort alleen bij kind: proeftuin"
            )
        return self


class Source(ContentModel):
    """A source document that content is drawn from."""

    id: Slug
    title: Text
    publisher: Text | None = None
    year: int | None = Field(default=None, ge=1990, le=2100)
    url: WebUrl | None = None
