"""Which pages the catalogue produces, at which URL, with which template and context.

A :class:`PageSpec` is everything the MkDocs adapter needs to add a virtual page, and
everything a test needs to know that a page should exist. The pages follow from the content
types (``content/registry.py``): a listing per type that has one, a page per item of a type
that has pages. Besides those: the embeds, the programme team's review page, and the
hand-written pages the plugin renders around (home, about). URLs come from ``urls.py``.
"""

from __future__ import annotations

import copy
import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build_clock import build_time
from .catalogue import Catalogue, title_key
from .content.registry import BY_NAME, CONTENT_TYPES, ContentType
from .facets import facets_for
from .mentions import Explained, MentionFinder, explained_items
from .page_toc import META_KEY as PAGE_TOC
from .review import Desk, review_desk
from .urls import (
    ATOM,
    EMBED_PRACTICES,
    NEWS,
    REVIEW,
    core_element_atom_url,
    dossier_url,
    embed_region_url,
    index_url,
    item_url,
    listing_dossier_url,
    listing_url,
    region_atom_url,
    source_uri,
)
from .views import Site, View

#: Markers in a hand-written page's front matter (``kennisbank: start``): the partial that
#: renders the page around its own text, with what comes from data/ (tiles, contact address).
PAGE_MARKERS = {"start": "kennisbank/home.html", "over": "kennisbank/about.html"}
#: The page template (Material level) of the embeds: no site chrome.
EMBED_META: dict[str, Any] = {"template": "kennisbank/embed-page.html", "search": {"exclude": True}}


@dataclass(frozen=True)
class PageSpec:
    """One generated page."""

    src_uri: str  # virtual path inside docs_dir, e.g. ``praktijken/gezinsadvocaat.md``
    url: str  # site-relative URL, e.g. ``praktijken/gezinsadvocaat/``
    title: str  # plain text
    template: str  # under templates/ (or the site's overrides/), rendered into the page content
    markdown: str = ""  # Markdown rendered by MkDocs and handed to the template as ``body_html``
    description: str = ""  # plain text for <meta name="description">
    context: dict[str, Any] = field(default_factory=dict)
    sanitise: bool = True  # body comes from YAML: strip raw HTML
    source: tuple[str, int] | None = None  # (file, line) of the YAML that makes this page
    in_nav: bool = False  # only the listings are in the menu: its size must not grow with the content
    # Whether the page can mention a background topic or concept (None: not known, look);
    # False skips the search for mentions on pages made only from an item that mentions none.
    mentions: bool | None = None
    # Extra front matter for the theme templates; ``kennisbank_scripts`` names the plugin's
    # scripts the page needs (templates/main.html), so a card page loads none of them;
    # ``kennisbank_feeds`` the Atom feeds the page announces, as (title, URL).
    meta: dict[str, Any] = field(default_factory=dict)
    # The date the page's content last changed, for sitemap.xml (None: the build date).
    updated: datetime.date | None = None

    def front_matter(self) -> dict[str, Any]:
        """The page's metadata, as MkDocs would read it from front matter (plain text; the
        adapter escapes what Material prints unescaped, see platform.page_meta)."""
        # A copy per page, as reading front matter would give: specs share their meta dicts.
        meta: dict[str, Any] = {"title": self.title, **copy.deepcopy(self.meta)}
        if self.description:
            meta["description"] = self.description
        return meta


@dataclass(frozen=True)
class Mentions:
    """Which pages mention which explained topic, both ways (see mentions.py)."""

    explained: list[Explained]
    pages_of: dict[str, list[tuple[str, str]]]  # explained key -> [(page title, url)]
    on_page: dict[str, list[Explained]]  # page url -> explained items it mentions

    def topics_on(self, url: str) -> list[Explained]:
        """The background topics a page mentions (for its "Achtergrond" box)."""
        return [entry for entry in self.on_page.get(url, []) if entry.key.startswith("achtergrond:")]


def find_mentions(catalogue: Catalogue) -> Mentions:
    """Scan every item that has a page of its own for the terms of the topics and concepts."""
    explained = explained_items(
        catalogue, lambda key: item_url("background_topics", key), lambda key: item_url("concepts", key)
    )
    pages_of: dict[str, list[tuple[str, str]]] = {entry.key: [] for entry in explained}
    on_page: dict[str, list[Explained]] = {}
    if not explained:
        return Mentions(explained, pages_of, on_page)
    finder = MentionFinder(explained)
    for content_type in CONTENT_TYPES:
        if content_type.pages is None or content_type.pages.template is None:
            continue
        for key, item in catalogue.of(content_type.name).items():
            url = item_url(content_type.name, key)
            found = [entry for entry in finder.in_item(item) if entry.url != url]
            if found:
                on_page[url] = found
                title = _title(content_type, item)
                for entry in found:
                    pages_of[entry.key].append((title, url))
    return Mentions(explained, pages_of, on_page)


class _Fields(dict):  # type: ignore[type-arg]
    """An item's fields for ``str.format_map`` (a page title such as "Stap {number}: {title}")."""

    def __init__(self, item: Any):
        super().__init__()
        self.item = item

    def __missing__(self, name: str) -> Any:
        return getattr(self.item, name)


def _title(content_type: ContentType, item: Any) -> str:
    assert content_type.pages is not None
    return content_type.pages.title.format_map(_Fields(item))


@dataclass(frozen=True)
class CoverageRow:
    """One region in the overview of where the knowledge is: its number of practices per core element."""

    region: View
    counts: list[tuple[View, int]]  # (core element, number of practices), in core element order
    total: int


def coverage(site: Site) -> list[CoverageRow]:
    """Core elements × regions: how many practices each region shares per core element (the gaps show as 0)."""
    rows = []
    core_elements = site.all("core_elements")
    for region in site.pilots + site.other_regions:
        own = region.linked("practices")
        counts = Counter(practice.model.core_element for practice in own)  # type: ignore[attr-defined]
        rows.append(CoverageRow(region, [(core, counts[core.id]) for core in core_elements], len(own)))
    return rows


#: What a listing needs besides its items, per content type (most need nothing).
def _practices_listing(site: Site) -> dict[str, Any]:
    return {
        "facets": facets_for("practices", site.catalogue),
        "search_index": index_url("praktijken"),
        "practices": site.by_title("practices"),
    }


def _instruments_listing(site: Site) -> dict[str, Any]:
    return {
        "facets": facets_for("instruments", site.catalogue),
        "search_index": index_url("instrumenten"),
        "instruments": site.by_title("instruments"),
    }


#: The Atom feed each kind of page announces (``<link rel="alternate">``), as (title, URL).
ITEM_FEEDS: dict[str, Callable[[View], tuple[str, str]]] = {
    "regions": lambda region: (f"Praktijken in {region.name}", region_atom_url(region.id)),
    "core_elements": lambda core: (f"Praktijken bij {core.title}", core_element_atom_url(core.id)),
}
LISTING_FEEDS: dict[str, tuple[str, str]] = {"practices": ("Alle praktijken, nieuwste eerst", ATOM)}


def newest(views: list[View]) -> datetime.date | None:
    """The latest change among ``views`` (a listing changes when one of its cards does)."""
    return max((view.updated for view in views if view.updated), default=None)


LISTING_CONTEXT: dict[str, Callable[[Site], dict[str, Any]]] = {
    "practices": _practices_listing,
    "instruments": _instruments_listing,
    "regions": lambda site: {"coverage": coverage(site)},
}


def listing_spec(content_type: ContentType, site: Site, mentions: Mentions) -> PageSpec:
    """The listing of a content type: in the menu, hand-made markup only (nothing from YAML to sanitise).

    A filterable listing puts its results first: the site menu and the page's table of contents
    give way to the filter column (``hide``), and a skip link leads straight to the results.
    """
    listing = content_type.listing
    assert listing is not None
    make_context = LISTING_CONTEXT.get(content_type.name)
    context = make_context(site) if make_context is not None else {}
    meta: dict[str, Any] = {}
    if "facets" in context:
        meta = {"kennisbank_scripts": ["filters.js"], "hide": ["navigation", "toc"], "kennisbank_skip_results": True}
    if listing.page_toc:
        meta[PAGE_TOC] = True
    if content_type.name in LISTING_FEEDS:
        meta["kennisbank_feeds"] = [LISTING_FEEDS[content_type.name]]
    if content_type.name == "glossary":
        context["concept_pages"] = mentions.pages_of
        meta["kennisbank_no_mentions"] = True  # the page of the explanations links no mention to itself
    return PageSpec(
        source_uri(listing.url),
        listing.url,
        listing.title,
        listing.template,
        description=listing.description,
        sanitise=False,
        in_nav=True,
        context=context,
        meta=meta,
        updated=newest(site.all(content_type.name)) if content_type.followed else None,
    )


#: Item pages whose linkable text is the item's own (the mention search can skip them when the item mentions nothing).
_OWN_TEXT_ONLY = {
    "practices",
    "instruments",
    "kompas_tools",
    "violence_profiles",
    "conversation_cards",
    "background_topics",
}


def item_specs(content_type: ContentType, site: Site, mentions: Mentions) -> list[PageSpec]:
    """A page per item of a type that has pages of its own."""
    pages = content_type.pages
    if pages is None or pages.template is None:
        return []
    specs = []
    meta: dict[str, Any] = {"kennisbank_scripts": list(pages.scripts)} if pages.scripts else {}
    if pages.page_toc:
        meta[PAGE_TOC] = True
    for key, item in site.catalogue.of(content_type.name).items():
        url = item_url(content_type.name, key)
        view = site.view(content_type.name, key)
        context: dict[str, Any] = {pages.var: view, "item": view}
        if content_type.name == "background_topics":
            context["mentioned_on"] = mentions.pages_of.get(f"achtergrond:{key}", [])
            context["explained_key"] = f"achtergrond:{key}"
        page_meta = meta
        updated = view.updated
        if content_type.name in ITEM_FEEDS:
            page_meta = {**meta, "kennisbank_feeds": [ITEM_FEEDS[content_type.name](view)]}
            updated = newest(view.linked("practices"))
        specs.append(
            PageSpec(
                source_uri(url),
                url,
                _title(content_type, item),
                pages.template,
                markdown=(getattr(item, pages.body) or "") if pages.body else "",
                description=(getattr(item, pages.description) or "") if pages.description else "",
                context=context,
                source=site.catalogue.source_of(content_type.name, key),
                meta=page_meta,
                mentions=(url in mentions.on_page) if content_type.name in _OWN_TEXT_ONLY else None,
                updated=updated,
            )
        )
    return specs + withdrawn_specs(content_type, site)


def withdrawn_specs(content_type: ContentType, site: Site) -> list[PageSpec]:
    """A withdrawn card keeps its page, as a notice: links and embeds that pointed at it still
    lead somewhere, and say why the card is gone. Not in site search, not for search engines."""
    specs = []
    for key, item in site.catalogue.withdrawn(content_type.name).items():
        url = item_url(content_type.name, key)
        view = site.view(content_type.name, key)
        specs.append(
            PageSpec(
                source_uri(url),
                url,
                f"Ingetrokken: {_title(content_type, item)}",
                "kennisbank/withdrawn.html",
                description=f"{content_type.noun.this().capitalize()} is ingetrokken.",
                context={"item": view, "noun": content_type.noun},
                source=site.catalogue.source_of(content_type.name, key),
                meta={"search": {"exclude": True}, "robots": "noindex"},
                mentions=False,
                updated=view.withdrawn.date,
            )
        )
    return specs


@dataclass(frozen=True)
class Change:
    """One line of /nieuw/: a card added, changed or withdrawn on a date."""

    date: datetime.date
    kind: str  # "toegevoegd", "gewijzigd", "ingetrokken"
    item: View
    noun: str  # "praktijk", "instrument"


#: How many changes /nieuw/ shows at most (the Atom feeds carry every card).
NEWS_LIMIT = 500


def changes(site: Site) -> list[Change]:
    """Every addition, last change and withdrawal of the followed cards, newest first."""
    found: list[Change] = []
    for content_type in CONTENT_TYPES:
        if not content_type.followed:
            continue
        noun = content_type.noun.singular
        for view in site.all(content_type.name):
            if view.created:
                found.append(Change(view.created, "toegevoegd", view, noun))
            if view.updated and view.created and view.updated > view.created:
                found.append(Change(view.updated, "gewijzigd", view, noun))
        for view in site.withdrawn(content_type.name):
            found.append(Change(view.withdrawn.date, "ingetrokken", view, noun))
    found.sort(key=lambda change: (-change.date.toordinal(), title_key(str(change.item.title))))
    return found[:NEWS_LIMIT]


#: A dossier is read on paper: no menu or table of contents beside it, not in site search (its
#: text is that of the cards), no mention links (a printed link leads nowhere), and a date.
DOSSIER_META: dict[str, Any] = {
    "hide": ["navigation", "toc"],
    "search": {"exclude": True},
    "kennisbank_no_mentions": True,
    "kennisbank_scripts": ["cite.js", "dossier.js"],
    "kennisbank_dossier": True,
    "robots": "noindex",  # the text of the cards again: search engines should find the cards
}


def dossier_specs(site: Site) -> list[PageSpec]:
    """The dossiers to print: per region with practices, per core element, and per list (all
    practices, all instruments) for "Druk deze selectie af"."""
    today = build_time().date()
    specs = []
    subjects = [("regions", region) for region in site.all("regions") if region.linked("practices")]
    subjects += [("core_elements", core) for core in site.all("core_elements")]
    for kind, subject in subjects:
        url = dossier_url(kind, subject.key)
        name = subject.name if kind == "regions" else subject.title
        practices = sorted(subject.linked("practices"), key=lambda view: title_key(str(view.title)))
        instruments = subject.linked("instruments") if kind == "core_elements" else []
        specs.append(
            PageSpec(
                source_uri(url),
                url,
                f"Dossier: {name}",
                "kennisbank/dossier.html",
                description=f"Alle praktijken {'in' if kind == 'regions' else 'bij'} {name} voluit, om te printen.",
                sanitise=False,
                context={
                    "subject": subject,
                    "kind": kind,
                    "name": name,
                    "practices": practices,
                    "instruments": instruments,
                    "today": today,
                },
                meta=DOSSIER_META,
            )
        )
    for kind in ("practices", "instruments"):
        listing = BY_NAME[kind].listing
        if listing is None or not site.all(kind):
            continue
        url = listing_dossier_url(kind)
        specs.append(
            PageSpec(
                source_uri(url),
                url,
                f"Dossier: {listing.title.lower()}",
                "kennisbank/list_dossier.html",
                description=f"{listing.title} voluit, om te printen; de keuze uit de lijst staat in het adres.",
                sanitise=False,
                context={
                    "kind": kind,
                    "title": listing.title,
                    "items": site.by_title(kind),
                    "facets": facets_for(kind, site.catalogue),
                    "search_index": index_url("praktijken" if kind == "practices" else "instrumenten"),
                    "today": today,
                    # The same orders as the list, so that a printed selection keeps its order.
                    "sorts": [("titel", "Titel (A–Z)")]
                    + ([("gecontroleerd", "Laatst gecontroleerd")] if kind == "practices" else [])
                    + ([("nieuw", "Nieuwste eerst")] if site.catalogue.dates else []),
                },
                meta={**DOSSIER_META, "kennisbank_scripts": ["filters.js", "cite.js", "dossier.js"]},
            )
        )
    return specs


def news_spec(site: Site) -> PageSpec:
    """/nieuw/: what was added and changed, by month, newest first."""
    by_month: dict[tuple[int, int], list[Change]] = {}
    for change in changes(site):
        by_month.setdefault((change.date.year, change.date.month), []).append(change)
    return PageSpec(
        source_uri(NEWS),
        NEWS,
        "Wat is er nieuw",
        "kennisbank/news.html",
        description="Nieuwe en gewijzigde praktijken en instrumenten in de kennisbank, per maand.",
        sanitise=False,
        context={"months": list(by_month.items()), "dated": bool(site.catalogue.dates)},
        meta={"kennisbank_feeds": [LISTING_FEEDS["practices"]]},
        updated=newest(site.all("practices") + site.all("instruments")),
    )


def page_specs(
    catalogue: Catalogue, mentions: Mentions | None = None, site: Site | None = None, link_report: Path | None = None
) -> list[PageSpec]:
    """All generated pages: listings first, dossiers last.

    MkDocs prepares pages in this order. The dossiers print the bodies of many cards at once;
    coming after the card pages, they find them converted (see MarkdownConverter.prefetch).
    """
    mentions = mentions if mentions is not None else find_mentions(catalogue)
    site = site if site is not None else Site(catalogue)
    listed = [t for t in CONTENT_TYPES if t.listing is not None and (catalogue.of(t.name) or t.required)]
    specs = [listing_spec(t, site, mentions) for t in sorted(listed, key=lambda t: t.listing.order if t.listing else 0)]
    specs += embed_specs(site)
    specs.append(news_spec(site))
    for content_type in CONTENT_TYPES:
        specs += item_specs(content_type, site, mentions)
    specs += dossier_specs(site)
    specs.append(review_spec(site, build_time().date(), link_report))  # last: see review.Desk
    return specs


def review_spec(site: Site, today: datetime.date, link_report: Path | None = None) -> PageSpec:
    """/redactie/: the programme team's work list (review.py). Not in the menu, search or sitemap."""
    return PageSpec(
        source_uri(REVIEW),
        REVIEW,
        "Redactie: kaarten om na te lopen",
        "kennisbank/review.html",
        sanitise=False,
        meta={"search": {"exclude": True}, "robots": "noindex", "kennisbank_scripts": ["review.js"]},
        context={
            "today": today,
            "desk": Desk(lambda: review_desk(site, today, link_report)),
            "link_report": link_report,
        },
    )


def embed_specs(site: Site) -> list[PageSpec]:
    """Embeddable lists: all practices (filtered by the address) and one per region."""
    catalogue = site.catalogue
    specs = [
        PageSpec(
            source_uri(EMBED_PRACTICES),
            EMBED_PRACTICES,
            "Praktijken",
            "kennisbank/embed_list.html",
            sanitise=False,
            meta=EMBED_META,
            context={
                "heading": "Praktijken uit het Toekomstscenario",
                "practices": site.all("practices"),
                "facets": facets_for("practices", catalogue),
                "search_index": index_url("praktijken"),
                "source_target": listing_url("practices"),
            },
        )
    ]
    for region in site.all("regions"):
        own = region.linked("practices")
        url = embed_region_url(region.id)
        specs.append(
            PageSpec(
                source_uri(url),
                url,
                f"Praktijken in {region.name}",
                "kennisbank/embed_list.html",
                sanitise=False,
                meta=EMBED_META,
                context={
                    "heading": f"Praktijken in {region.name}"
                    if region.kind != "landelijk"
                    else "Landelijke praktijken",
                    "practices": own,
                    "facets": facets_for("practices", catalogue, [p.model for p in own], only=["kernelement"]),
                    "search_index": index_url("praktijken"),
                    "source_target": region.url,
                },
            )
        )
    return specs
