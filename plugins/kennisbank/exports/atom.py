"""Atom feeds (RFC 4287) of the practices: all of them, per region and per core element.

The JSON feeds are for a region's website to show the cards; these are for following them: a
feed reader, or a region's CMS, shows what is new or changed, newest first. Each entry's id is
stable (a UUID derived from the card's first id, so a rename with ``previous_ids`` keeps it) and
its ``updated`` is the card's last content change from the git history. A withdrawn card is not
dropped silently: it becomes an entry "Ingetrokken: …" on the day it was withdrawn.

Written with ElementTree, which escapes every value from YAML.
"""

from __future__ import annotations

import datetime
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import core_element_names
from ..build_clock import build_time
from ..urls import ATOM, core_element_atom_url, listing_url, region_atom_url
from ..views import Site, View

ATOM_NS = "http://www.w3.org/2005/Atom"
#: The namespace of the entry ids: ids stay the same wherever the site is published.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:kennisbank-toekomstscenario")


def entry_id(practice: View, event: str = "") -> str:
    """The entry's permanent id: from the id the card had first (``previous_ids`` oldest first);
    ``event`` names another entry about the same card (its withdrawal)."""
    first = practice.previous_ids[0] if practice.previous_ids else practice.id
    return uuid.uuid5(_ID_NAMESPACE, f"praktijk/{first}" + (f"/{event}" if event else "")).urn


def _timestamp(date: datetime.date | datetime.datetime) -> str:
    if isinstance(date, datetime.datetime):
        return date.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{date.isoformat()}T00:00:00Z"


@dataclass(frozen=True)
class AtomFeed:
    """One feed: its address, the page it mirrors, and the cards in it."""

    url: str  # site-relative, e.g. api/v1/regio/groningen.atom
    page: str  # the page with the same cards, e.g. regio/groningen/
    title: str
    practices: list[View]
    withdrawn: list[View]


_Stamp = datetime.date | datetime.datetime


class Entries:
    """Each card's ``<entry>``, serialised once: a card is in the feed of all practices, of each
    of its regions and of its core element (at 5,000 cards, some 15,000 entries)."""

    def __init__(self, absolute: Callable[[str], str], moment: datetime.datetime):
        self.absolute = absolute
        self.moment = moment
        self._made: dict[tuple[str, str], tuple[_Stamp, str, str]] = {}

    def practice(self, practice: View) -> tuple[_Stamp, str, str]:
        """``(updated, title, XML)`` of a live card."""
        key = ("live", practice.id)
        if key not in self._made:
            absolute = self.absolute
            updated = practice.updated or self.moment
            entry = ET.Element("entry")
            ET.SubElement(entry, "id").text = entry_id(practice)
            ET.SubElement(entry, "title").text = practice.title
            ET.SubElement(entry, "updated").text = _timestamp(updated)
            if practice.created:
                ET.SubElement(entry, "published").text = _timestamp(practice.created)
            ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": absolute(practice.url)})
            ET.SubElement(entry, "summary", {"type": "text"}).text = practice.summary
            core = practice.core_element
            scheme = absolute(listing_url("core_elements"))
            ET.SubElement(entry, "category", {"term": core.id, "label": core.title, "scheme": scheme})
            for region in practice.regions:
                scheme = absolute(listing_url("regions"))
                ET.SubElement(entry, "category", {"term": region.id, "label": region.name, "scheme": scheme})
            self._made[key] = (updated, practice.title, _serialise(entry))
        return self._made[key]

    def withdrawal(self, practice: View) -> tuple[_Stamp, str, str]:
        """``(date, title, XML)`` of the notice that a card was withdrawn."""
        key = ("withdrawn", practice.id)
        if key not in self._made:
            entry = ET.Element("entry")
            ET.SubElement(entry, "id").text = entry_id(practice, "ingetrokken")
            ET.SubElement(entry, "title").text = f"Ingetrokken: {practice.title}"
            ET.SubElement(entry, "updated").text = _timestamp(practice.withdrawn.date)
            href = self.absolute(practice.url)
            ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": href})
            ET.SubElement(entry, "summary", {"type": "text"}).text = practice.withdrawn.reason
            ET.SubElement(entry, "category", {"term": "ingetrokken", "label": "Ingetrokken"})
            self._made[key] = (practice.withdrawn.date, practice.title, _serialise(entry))
        return self._made[key]


def _serialise(element: ET.Element) -> str:
    ET.indent(element, space="  ", level=1)
    return "  " + ET.tostring(element, encoding="unicode") + "\n"


def render_feed(feed: AtomFeed, site: Site, entries: Entries) -> bytes:
    """The feed as Atom XML: entries newest first (then A–Z), withdrawals among them by date."""
    found = [entries.practice(practice) for practice in feed.practices]
    found += [entries.withdrawal(practice) for practice in feed.withdrawn]
    found.sort(key=lambda entry: (-_day(entry[0]), entry[1].casefold()))
    absolute = entries.absolute
    programme = site.programme
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "nl"})
    ET.SubElement(root, "id").text = uuid.uuid5(_ID_NAMESPACE, f"feed/{feed.url}").urn
    ET.SubElement(root, "title").text = feed.title
    newest = max((entry[0] for entry in found), key=_day, default=entries.moment)
    ET.SubElement(root, "updated").text = _timestamp(newest)
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": absolute(feed.url)})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": absolute(feed.page)})
    author = ET.SubElement(root, "author")
    ET.SubElement(author, "name").text = programme.name
    ET.SubElement(author, "email").text = programme.email
    licence = programme.license
    ET.SubElement(root, "rights").text = f"{licence.title} ({licence.name}): {licence.url}"
    ET.indent(root)
    head = ET.tostring(root, encoding="unicode")
    assert head.endswith("</feed>")
    body = head[: -len("</feed>")] + "".join(entry[2] for entry in found) + "</feed>\n"
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode("utf-8")


def _day(moment: _Stamp) -> float:
    if isinstance(moment, datetime.datetime):
        return moment.timestamp()
    return datetime.datetime.combine(moment, datetime.time(), datetime.UTC).timestamp()


def feeds_of(site: Site) -> list[AtomFeed]:
    """Every Atom feed: all practices, one per region, one per core element."""
    withdrawn = site.withdrawn("practices")
    feeds = [
        AtomFeed(
            ATOM, listing_url("practices"), "Praktijken – Kennisbank Toekomstscenario", site.all("practices"), withdrawn
        )
    ]
    for region in site.all("regions"):
        feeds.append(
            AtomFeed(
                region_atom_url(region.id),
                region.url,
                f"Praktijken in {region.name} – Kennisbank Toekomstscenario",
                region.linked("practices"),
                [practice for practice in withdrawn if region in practice.regions],
            )
        )
    for core in site.all("core_elements"):
        feeds.append(
            AtomFeed(
                core_element_atom_url(core.id),
                core.url,
                f"Praktijken bij {core_element_names.phrase(core)} – Kennisbank Toekomstscenario",
                core.linked("practices"),
                [practice for practice in withdrawn if practice.core_element == core],
            )
        )
    return feeds


def write_atom_feeds(
    site: Site, site_dir: Path, absolute: Callable[[str], str], moment: datetime.datetime | None = None
) -> None:
    """Write every Atom feed into the built site (``moment``: the build's, for cards without a date)."""
    entries = Entries(absolute, moment or build_time())
    for feed in feeds_of(site):
        target = site_dir / feed.url
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render_feed(feed, site, entries))
