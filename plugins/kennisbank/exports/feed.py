"""JSON feeds of the practices for regions' CMSs: /api/v1/praktijken.json and one per region.

The feed's shape is a pydantic model, so the JSON Schema published next to the feed comes
from the same definition that writes it. Version 1 only ever gains optional fields; anything
else gets a new /api/v2/.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..build_clock import build_time
from ..content.models import Programme
from ..urls import FEED, FEED_SCHEMA, region_feed_url
from ..views import Site, View

FEED_VERSION = "1"


class _FeedModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reference(_FeedModel):
    id: str = Field(description="Id (slug) van het item")
    title: str = Field(description="Naam van het item")
    url: str | None = Field(default=None, description="Volledig webadres van de pagina in de kennisbank")


class Contact(_FeedModel):
    name: str | None = None
    email: str | None = None
    organisation: str | None = None
    role: str | None = None


class ContactPoint(_FeedModel):
    """Whom to ask about a practice: its own contact person, or else the programme team."""

    kind: Literal["praktijk", "programmateam"] = Field(
        description="'praktijk': een contactpersoon van de praktijk zelf; 'programmateam': het landelijk programmateam, "
        "omdat de praktijk geen eigen contactpersoon met e-mailadres heeft"
    )
    name: str | None = None
    email: str
    organisation: str | None = None


class Link(_FeedModel):
    title: str
    url: str


class FeedItem(_FeedModel):
    id: str = Field(description="Id van de praktijk; ook het laatste deel van het webadres")
    url: str = Field(description="Volledig webadres van de praktijkkaart")
    title: str
    core_element: Reference
    regions: list[Reference]
    summary: str = Field(description="Eén of twee zinnen platte tekst")
    body: str = Field(description="Beschrijving in Markdown")
    contacts: list[Contact]
    contact_point: ContactPoint | None = Field(
        default=None, description="Wie je vragen over de praktijk kunt stellen (sinds v1.1)"
    )
    links: list[Link]
    themes: list[str]
    principles: list[str]
    year: int | None = None
    source: Reference | None = None
    last_reviewed: datetime.date | None = None
    created: datetime.date | None = Field(
        default=None, description="Datum waarop de praktijk in de kennisbank kwam (uit de git-geschiedenis; sinds v1.2)"
    )
    updated: datetime.date | None = Field(
        default=None, description="Datum van de laatste inhoudelijke wijziging (uit de git-geschiedenis; sinds v1.2)"
    )
    previous_ids: list[str] = Field(
        default_factory=list, description="Vroegere id's van de praktijk; hun webadressen leiden hierheen (sinds v1.2)"
    )


class License(_FeedModel):
    name: str = Field(description="Naam van de licentie, zoals 'CC BY 4.0'")
    url: str = Field(description="Webadres van de licentietekst")


class WithdrawnItem(_FeedModel):
    """A practice taken back: not in ``items`` any more, listed so that a region can take it down."""

    id: str
    url: str = Field(description="Volledig webadres; de pagina blijft en zegt dat de praktijk is ingetrokken")
    title: str
    date: datetime.date = Field(description="Datum waarop de praktijk is ingetrokken")
    reason: str


class Feed(_FeedModel):
    schema_: str = Field(alias="$schema", description="Webadres van dit schema")
    version: Literal["1"] = Field(description="Versie van het formaat")
    generated: datetime.datetime = Field(description="Moment waarop de feed is gemaakt (UTC)")
    title: str
    region: Reference | None = Field(default=None, description="Alleen in een regiofeed: de regio")
    license: License | None = Field(default=None, description="Licentie van teksten en gegevens (sinds v1.2)")
    count: int = Field(description="Aantal praktijken in items")
    items: list[FeedItem]
    withdrawn: list[WithdrawnItem] = Field(
        default_factory=list, description="Ingetrokken praktijken: niet meer in items (sinds v1.2)"
    )


def feed_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the feeds."""
    schema = Feed.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Praktijkenfeed Kennisbank Toekomstscenario, versie 1"
    return schema


#: Every field of a practice (and of its contacts and links) is in the feed or left out on
#: purpose: a field added to a content model must be added here too (check_feed_fields).
FEED_FIELDS = {
    "practice": {
        "id",
        "title",
        "core_element",
        "regions",
        "summary",
        "body",
        "contacts",
        "links",
        "themes",
        "principles",
        "year",
        "source",
        "last_reviewed",
        "previous_ids",
    },
    "contact": {"name", "email", "organisation", "role"},
    "link": {"title", "url"},
}
LEFT_OUT: dict[str, dict[str, str]] = {
    "practice": {"withdrawn": "a withdrawn practice leaves items; it is listed under the feed's own 'withdrawn'"},
    "contact": {},
    "link": {},
}


class FeedFieldsError(Exception):
    """A content model has a field the feed does not know: the feed would silently lose it."""


def check_feed_fields() -> None:
    """Stop with a Dutch message when a content model has a field the feed neither carries nor leaves out."""
    from ..content.models import Contact as ContactModel
    from ..content.models import Link as LinkModel
    from ..content.models import Practice

    for part, model in (("practice", Practice), ("contact", ContactModel), ("link", LinkModel)):
        unknown = sorted(set(model.model_fields) - FEED_FIELDS[part] - set(LEFT_OUT[part]))
        if unknown:
            names = ", ".join(f"'{name}'" for name in unknown)
            raise FeedFieldsError(
                f"kennisbank: de JSON-feed kent het veld {names} van een {'praktijk' if part == 'practice' else part} niet. "
                "Neem het op in de feed (exports/feed.py: FEED_FIELDS en het feedmodel, een toevoeging binnen v1) "
                "of zet het bij LEFT_OUT, met de reden waarom regio's het niet krijgen."
            )


def _item(practice: View, absolute: Callable[[str], str], programme: Programme) -> FeedItem:
    core = practice.core_element
    source = practice.source
    return FeedItem(
        id=practice.id,
        url=absolute(practice.url),
        title=practice.title,
        core_element=Reference(id=core.id, title=core.title, url=absolute(core.url)),
        regions=[Reference(id=region.id, title=region.name, url=absolute(region.url)) for region in practice.regions],
        summary=practice.summary,
        body=practice.body,
        contacts=[
            Contact(name=c.name, email=c.email, organisation=c.organisation, role=c.role) for c in practice.contacts
        ],
        contact_point=_contact_point(practice, programme),
        links=[Link(title=link.title, url=link.url) for link in practice.links],
        themes=list(practice.themes),
        principles=[principle.id for principle in practice.principles],
        year=practice.year,
        source=Reference(id=source.id, title=source.title, url=source.url) if source else None,
        last_reviewed=practice.last_reviewed,
        created=practice.created,
        updated=practice.updated,
        previous_ids=list(practice.previous_ids),
    )


def _withdrawn(practice: View, absolute: Callable[[str], str]) -> WithdrawnItem:
    return WithdrawnItem(
        id=practice.id,
        url=absolute(practice.url),
        title=practice.title,
        date=practice.withdrawn.date,
        reason=practice.withdrawn.reason,
    )


def _contact_point(practice: View, programme: Programme) -> ContactPoint:
    own = next((contact for contact in practice.contacts if contact.email), None)
    if own is not None:
        return ContactPoint(kind="praktijk", name=own.name, email=own.email, organisation=own.organisation)
    return ContactPoint(kind="programmateam", name=programme.name, email=programme.email)


def write_feeds(
    site: Site, site_dir: Path, absolute: Callable[[str], str], moment: datetime.datetime | None = None
) -> None:
    """Write the feeds and their schema into the built site; ``absolute`` makes a full address,
    ``moment`` is the build's (the feeds' ``generated``)."""
    moment = moment or build_time()
    items = {practice.id: _item(practice, absolute, site.programme) for practice in site.all("practices")}
    withdrawn = [(practice, _withdrawn(practice, absolute)) for practice in site.withdrawn("practices")]
    licence = site.programme.license
    license_ = License(name=licence.name, url=licence.url)

    def write(uri: str, feed: Feed | dict[str, Any]) -> None:
        target = site_dir / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        # pydantic's own serialiser (Rust): json.dumps over model_dump took seconds at thousands of cards.
        if isinstance(feed, Feed):
            target.write_text(feed.model_dump_json(by_alias=True, indent=1), encoding="utf-8")
        else:
            target.write_text(json.dumps(feed, ensure_ascii=False, indent=1), encoding="utf-8")

    write(FEED_SCHEMA, feed_schema())
    schema_url = absolute(FEED_SCHEMA)
    everything = list(items.values())
    write(
        FEED,
        Feed(
            **{"$schema": schema_url},
            version=FEED_VERSION,
            generated=moment,
            title="Praktijken – Kennisbank Toekomstscenario",
            license=license_,
            count=len(everything),
            items=everything,
            withdrawn=[entry for _, entry in withdrawn],
        ),
    )
    for region in site.all("regions"):
        own = [items[practice.id] for practice in region.linked("practices")]
        write(
            region_feed_url(region.id),
            Feed(
                **{"$schema": schema_url},
                version=FEED_VERSION,
                generated=moment,
                title=f"Praktijken in {region.name} – Kennisbank Toekomstscenario",
                region=Reference(id=region.id, title=region.name, url=absolute(region.url)),
                license=license_,
                count=len(own),
                items=own,
                withdrawn=[entry for practice, entry in withdrawn if region in practice.regions],
            ),
        )
