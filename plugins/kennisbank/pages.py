"""Which pages the catalogue produces, at which URL, with which template and context.

A :class:`PageSpec` is everything the MkDocs adapter needs to add a virtual page, and
everything a test needs to know that a page should exist. URLs follow the URL contract in
DESIGN.md; regions link to them, so they are stable.
"""

from __future__ import annotations

import copy
import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from .build_clock import build_time
from .catalogue import Catalogue, by_title
from .mentions import Explained, MentionFinder, explained_items
from .facets import instrument_facets, practice_facets

#: Markers in a hand-written page's front matter (``kennisbank: start``): the partial that
#: renders the page around its own text, with what comes from data/ (tiles, contact address).
PAGE_MARKERS = {"start": "partials/kennisbank/home.html", "over": "partials/kennisbank/about.html"}
#: Where the plugin's static files land in the site.
ASSETS_URI = "assets/kennisbank"


def index_folder(name: str) -> str:
    """Site folder of a catalogue text index (``praktijken``, ``instrumenten``): see exports/search_index.py."""
    return f"{ASSETS_URI}/zoekindex/{name}/"


def index_uri(name: str) -> str:
    """Site path of a text index's manifest, which filters.js loads first."""
    return index_folder(name) + "index.json"


@dataclass(frozen=True)
class PageSpec:
    """One generated page."""

    src_uri: str  # virtual path inside docs_dir, e.g. ``praktijken/gezinsadvocaat.md``
    url: str  # site-relative URL, e.g. ``praktijken/gezinsadvocaat/``
    title: str  # plain text
    template: str  # partial under overrides/, rendered into the page content
    markdown: str = ""  # Markdown rendered by MkDocs and handed to the template as ``body_html``
    description: str = ""  # plain text for <meta name="description">
    context: dict[str, Any] = field(default_factory=dict)
    sanitise: bool = True  # body comes from YAML: strip raw HTML
    # Whether the page can mention a background topic or concept (None: not known, look);
    # False skips the search for mentions on pages made only from an item that mentions none.
    mentions: bool | None = None
    source: tuple[str, int] | None = None  # (file, line) of the YAML that makes this page
    in_nav: bool = False  # only the listings are in the menu: its size must not grow with the content
    # Extra front matter for the theme templates; ``kennisbank_scripts`` names the plugin's
    # scripts the page needs (overrides/main.html), so a card page loads none of them.
    meta: dict[str, Any] = field(default_factory=dict)

    def front_matter(self) -> dict[str, Any]:
        """The page's metadata, as MkDocs would read it from front matter.

        Titles are escaped here because Material puts ``page.title`` into navigation and
        headings without escaping; the escaped form displays as the plain text it is.
        """
        # A copy per page, as reading front matter would give: specs share their meta dicts.
        meta: dict[str, Any] = {"title": str(escape(self.title)), **copy.deepcopy(self.meta)}
        if self.description:
            meta["description"] = str(escape(self.description))
        return meta


def practice_url(practice_id: str) -> str:
    return f"praktijken/{practice_id}/"


def core_element_url(core_element_id: str) -> str:
    return f"kernelementen/{core_element_id}/"


def region_url(region_id: str) -> str:
    return f"regio/{region_id}/"


def embed_region_url(region_id: str) -> str:
    return f"embed/regio/{region_id}/"


def step_url(number: int) -> str:
    return f"kompas/stap-{number}/"


def tool_url(tool_id: str) -> str:
    return f"kompas/tools/{tool_id}/"


def instrument_url(instrument_id: str) -> str:
    return f"instrumenten/{instrument_id}/"


def profile_url(profile_id: str) -> str:
    return f"geweldsprofielen/{profile_id}/"


def card_url(card_id: str) -> str:
    return f"gesprekskaarten/{card_id}/"


def topic_url(topic_id: str) -> str:
    return f"kompas/achtergrond/{topic_id}/"


def concept_url(concept_id: str) -> str:
    return f"begrippen/#begrip-{concept_id}"


#: Every URL helper by the name templates use, so partials build links one way only.
URLS = {
    "practice_url": practice_url,
    "core_element_url": core_element_url,
    "region_url": region_url,
    "step_url": step_url,
    "tool_url": tool_url,
    "instrument_url": instrument_url,
    "profile_url": profile_url,
    "card_url": card_url,
    "embed_region_url": embed_region_url,
    "topic_url": topic_url,
    "concept_url": concept_url,
}


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
    """Scan every card, step, tool and profile for the terms of the topics and concepts."""
    explained = explained_items(catalogue, topic_url, concept_url)
    pages: list[tuple[Any, str, str]] = []
    pages += [(item, item.title, practice_url(item.id)) for item in catalogue.practices.values()]
    pages += [(item, item.title, instrument_url(item.id)) for item in catalogue.instruments.values()]
    pages += [(item, f"Stap {item.number}: {item.title}", step_url(item.number)) for item in catalogue.kompas_steps.values()]
    pages += [(item, item.title, tool_url(item.id)) for item in catalogue.kompas_tools.values()]
    pages += [(item, item.title, profile_url(item.id)) for item in catalogue.violence_profiles.values()]
    pages += [(item, item.title, card_url(item.id)) for item in catalogue.conversation_cards.values()]
    pages += [(item, item.title, core_element_url(item.id)) for item in catalogue.core_elements.values()]
    pages += [(item, item.name, region_url(item.id)) for item in catalogue.regions.values()]
    pages += [(item, item.title, topic_url(item.id)) for item in catalogue.background_topics.values()]
    pages_of: dict[str, list[tuple[str, str]]] = {entry.key: [] for entry in explained}
    on_page: dict[str, list[Explained]] = {}
    if not explained:
        return Mentions(explained, pages_of, on_page)
    finder = MentionFinder(explained)
    for item, title, url in pages:
        found = [entry for entry in finder.in_item(item) if entry.url != url]
        if found:
            on_page[url] = found
            for entry in found:
                pages_of[entry.key].append((title, url))
    return Mentions(explained, pages_of, on_page)


def _listing(
    src_uri: str, title: str, template: str, description: str, context: dict[str, Any] | None = None,
    meta: dict[str, Any] | None = None,
) -> PageSpec:
    """An overview page: in the menu, hand-made markup only (nothing from YAML to sanitise).

    A filterable listing puts its results first: the site menu and the page's table of contents
    give way to the filter column (``hide``), and a skip link leads straight to the results.
    """
    url = src_uri.removesuffix("index.md")
    meta = dict(meta or {})
    if context and "facets" in context:
        meta |= {"kennisbank_scripts": ["filters.js"], "hide": ["navigation", "toc"], "kennisbank_skip_results": True}
    return PageSpec(src_uri, url, title, template, description=description, sanitise=False, in_nav=True,
                    context=context or {}, meta=meta)


def page_specs(catalogue: Catalogue, mentions: Mentions | None = None) -> list[PageSpec]:
    """All generated pages, listings first."""
    mentions = mentions if mentions is not None else find_mentions(catalogue)
    specs = [
        _listing("praktijken/index.md", "Praktijken", "partials/kennisbank/practices.html",
                 "Alle goede praktijken uit de proeftuinen en regio's van het Toekomstscenario.",
                 {"facets": practice_facets(catalogue), "search_index": index_uri("praktijken"),
                  "practices": by_title(catalogue.practices.values())}),
        _listing("kernelementen/index.md", "Kernelementen", "partials/kennisbank/core_elements.html",
                 "De kernelementen van het Toekomstscenario kind- en gezinsbescherming."),
        _listing("regio/index.md", "Regio's en proeftuinen", "partials/kennisbank/regions.html",
                 "Proeftuinen en regio's die werken aan het Toekomstscenario, en welke kennis er per regio is.",
                 {"coverage": coverage(catalogue)}),
    ]
    if catalogue.kompas_steps:
        specs.append(_listing("kompas/index.md", "Kompas domeinoverstijgend samenwerken", "partials/kennisbank/kompas.html",
                              "Het Kompas: in acht stappen naar domeinoverstijgende samenwerking bij onveiligheid in huishoudens."))
    if catalogue.instruments:
        specs.append(_listing("instrumenten/index.md", "Instrumenten", "partials/kennisbank/instruments.html",
                              "Werkpakketten, toolboxen, handreikingen en onderzoek bij het Toekomstscenario.",
                              {"facets": instrument_facets(catalogue), "search_index": index_uri("instrumenten"),
                               "instruments": by_title(catalogue.instruments.values())}))
    if catalogue.violence_profiles:
        specs.append(_listing("geweldsprofielen/index.md", "Geweldsprofielen", "partials/kennisbank/profiles.html",
                              "Vijf geweldsprofielen: patronen van onveiligheid in huishoudens en wat ze betekenen voor kinderen."))
    if catalogue.conversation_cards:
        specs.append(_listing("gesprekskaarten/index.md", "Gesprekskaarten", "partials/kennisbank/cards.html",
                              "Gesprekskaarten uit de leersessies van de proeftuinen."))
    if catalogue.principles:
        specs.append(_listing("basisprincipes/index.md", "Basisprincipes", "partials/kennisbank/principles.html",
                              "De basisprincipes van het Toekomstscenario en wat ze in de praktijk vragen."))
    if catalogue.glossary or catalogue.concepts:
        # The page of the explanations links no mention to itself.
        specs.append(_listing("begrippen/index.md", "Begrippen en afkortingen", "partials/kennisbank/glossary.html",
                              "Begrippen en afkortingen uit het Toekomstscenario, met uitleg en waar ze gebruikt worden.",
                              {"concept_pages": mentions.pages_of}, meta={"kennisbank_no_mentions": True}))

    specs += embed_specs(catalogue)
    specs.append(review_spec(catalogue, build_time().date()))
    for practice in catalogue.practices.values():
        specs.append(PageSpec(
            f"praktijken/{practice.id}.md", practice_url(practice.id), practice.title,
            "partials/kennisbank/practice.html", markdown=practice.body, description=practice.summary,
            context={"practice": practice}, source=catalogue.source_of("practices", practice.id),
            mentions=practice_url(practice.id) in mentions.on_page,
        ))
    for core_element in catalogue.core_elements.values():
        specs.append(PageSpec(
            f"kernelementen/{core_element.id}.md", core_element_url(core_element.id), core_element.title,
            "partials/kennisbank/core_element.html", markdown=core_element.description,
            description=core_element.summary,
            context={"core_element": core_element, "practices": catalogue.practices_by_core_element[core_element.id]},
            source=catalogue.source_of("core_elements", core_element.id),
        ))
    for region in catalogue.regions.values():
        specs.append(PageSpec(
            f"regio/{region.id}.md", region_url(region.id), region.name,
            "partials/kennisbank/region.html", description=region.description or "",
            context={
                "region": region,
                "practices": catalogue.practices_by_region[region.id],
                # For the embed snippet's choice ("alleen <kernelement> (n)").
                "core_element_counts": Counter(p.core_element for p in catalogue.practices_by_region[region.id]),
            },
            source=catalogue.source_of("regions", region.id),
            meta={"kennisbank_scripts": ["embed.js", "region-embed.js"]},  # the embed preview and snippet
        ))
    for step in catalogue.kompas_steps.values():
        specs.append(PageSpec(
            f"kompas/stap-{step.number}.md", step_url(step.number), f"Stap {step.number}: {step.title}",
            "partials/kennisbank/kompas_step.html", markdown=step.body, description=step.aim,
            context={"step": step}, source=catalogue.source_of("kompas_steps", step.number),
        ))
    for topic in catalogue.background_topics.values():
        specs.append(PageSpec(
            f"kompas/achtergrond/{topic.id}.md", topic_url(topic.id), topic.title,
            "partials/kennisbank/background_topic.html", markdown=topic.body, description=topic.summary,
            context={"topic": topic, "mentioned_on": mentions.pages_of.get(f"achtergrond:{topic.id}", []),
                     "explained_key": f"achtergrond:{topic.id}"},
            source=catalogue.source_of("background_topics", topic.id),
        ))
    for tool in catalogue.kompas_tools.values():
        specs.append(PageSpec(
            f"kompas/tools/{tool.id}.md", tool_url(tool.id), tool.title,
            "partials/kennisbank/kompas_tool.html", description=tool.purpose,
            context={"tool": tool}, source=catalogue.source_of("kompas_tools", tool.id),
        ))
    for instrument in catalogue.instruments.values():
        specs.append(PageSpec(
            f"instrumenten/{instrument.id}.md", instrument_url(instrument.id), instrument.title,
            "partials/kennisbank/instrument.html", markdown=instrument.body or "", description=instrument.summary,
            context={"instrument": instrument}, source=catalogue.source_of("instruments", instrument.id),
            mentions=instrument_url(instrument.id) in mentions.on_page,
        ))
    for profile in catalogue.violence_profiles.values():
        specs.append(PageSpec(
            f"geweldsprofielen/{profile.id}.md", profile_url(profile.id), profile.title,
            "partials/kennisbank/profile.html", description=profile.summary,
            context={"profile": profile}, source=catalogue.source_of("violence_profiles", profile.id),
        ))
    for card in catalogue.conversation_cards.values():
        specs.append(PageSpec(
            f"gesprekskaarten/{card.id}.md", card_url(card.id), card.title,
            "partials/kennisbank/card.html", markdown=card.body or "", description=card.theme,
            context={"card": card}, source=catalogue.source_of("conversation_cards", card.id),
        ))
    return specs


@dataclass(frozen=True)
class CoverageRow:
    """One region in the overview of where the knowledge is: its number of practices per core element."""

    region: Any
    counts: list[tuple[Any, int]]  # (core element, number of practices), in core element order
    total: int


def coverage(catalogue: Catalogue) -> list[CoverageRow]:
    """Core elements × regions: how many practices each region shares per core element (the gaps show as 0)."""
    rows = []
    for region in catalogue.pilots + catalogue.other_regions:
        own = catalogue.practices_by_region[region.id]
        counts = Counter(practice.core_element for practice in own)
        rows.append(CoverageRow(region, [(core, counts[core.id]) for core in catalogue.core_elements.values()], len(own)))
    return rows


def review_spec(catalogue: Catalogue, today: datetime.date) -> PageSpec:
    """/redactie/: cards that need the programme team's attention. Not in the menu or search."""
    limit = today - datetime.timedelta(days=365)
    practices = list(catalogue.practices.values())
    return PageSpec(
        "redactie/index.md", "redactie/", "Redactie: praktijken om na te lopen", "partials/kennisbank/review.html",
        sanitise=False, meta={"search": {"exclude": True}, "robots": "noindex"},
        context={
            "today": today,
            "stale": [p for p in practices if p.last_reviewed is None or p.last_reviewed < limit],
            "no_contact": [p for p in practices if not p.contacts],
            "no_link": [p for p in practices if not p.links],
        },
    )


EMBED_META = {"template": "kennisbank/embed.html", "search": {"exclude": True}}


def embed_specs(catalogue: Catalogue) -> list[PageSpec]:
    """Embeddable lists: all practices (filtered by the address) and one per region."""
    practices = list(catalogue.practices.values())
    specs = [
        PageSpec(
            "embed/praktijken.md", "embed/praktijken/", "Praktijken", "partials/kennisbank/embed_list.html",
            sanitise=False, meta=EMBED_META,
            context={
                "heading": "Praktijken uit het Toekomstscenario", "practices": practices,
                "facets": practice_facets(catalogue), "search_index": index_uri("praktijken"),
                "source_target": "praktijken/",
            },
        )
    ]
    for region in catalogue.regions.values():
        own = catalogue.practices_by_region[region.id]
        specs.append(PageSpec(
            f"embed/regio/{region.id}.md", embed_region_url(region.id), f"Praktijken in {region.name}",
            "partials/kennisbank/embed_list.html", sanitise=False, meta=EMBED_META,
            context={
                "heading": f"Praktijken in {region.name}" if region.kind != "landelijk" else "Landelijke praktijken",
                "practices": own,
                "facets": [facet for facet in practice_facets(catalogue, own) if facet.param == "kernelement"],
                "search_index": index_uri("praktijken"),
                "source_target": region_url(region.id),
            },
        ))
    return specs
