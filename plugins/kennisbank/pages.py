"""Which pages the catalogue produces, at which URL, with which template and context.

A :class:`PageSpec` is everything the MkDocs adapter needs to add a virtual page, and
everything a test needs to know that a page should exist. URLs follow the URL contract in
DESIGN.md; regions link to them, so they are stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from markupsafe import escape

from .catalogue import Catalogue

#: Marker in a hand-written page's front matter: ``kennisbank: start`` renders the home page.
HOME_MARKER = "start"


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
    source: tuple[str, int] | None = None  # (file, line) of the YAML that makes this page
    in_nav: bool = False  # only the listings are in the menu: its size must not grow with the content

    def file_text(self) -> str:
        """Virtual Markdown file: escaped title and description as front matter, then the body.

        Titles are escaped here because Material puts ``page.title`` into navigation and
        headings without escaping; the escaped form displays as the plain text it is.
        """
        meta = {"title": str(escape(self.title))}
        if self.description:
            meta["description"] = str(escape(self.description))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        return f"---\n{front}---\n\n{self.markdown}\n"


def practice_url(practice_id: str) -> str:
    return f"praktijken/{practice_id}/"


def core_element_url(core_element_id: str) -> str:
    return f"kernelementen/{core_element_id}/"


def region_url(region_id: str) -> str:
    return f"regio/{region_id}/"


def page_specs(catalogue: Catalogue) -> list[PageSpec]:
    """All generated pages, listings first."""
    specs = [
        PageSpec(
            "praktijken/index.md",
            "praktijken/",
            "Praktijken",
            "partials/kennisbank/practices.html",
            description="Alle goede praktijken uit de proeftuinen en regio's van het Toekomstscenario.",
            sanitise=False,
            in_nav=True,
        ),
        PageSpec(
            "kernelementen/index.md",
            "kernelementen/",
            "Kernelementen",
            "partials/kennisbank/core_elements.html",
            description="De kernelementen van het Toekomstscenario kind- en gezinsbescherming.",
            sanitise=False,
            in_nav=True,
        ),
        PageSpec(
            "regio/index.md",
            "regio/",
            "Regio's en proeftuinen",
            "partials/kennisbank/regions.html",
            description="Proeftuinen en regio's die werken aan het Toekomstscenario.",
            sanitise=False,
            in_nav=True,
        ),
    ]
    for practice in catalogue.practices.values():
        specs.append(
            PageSpec(
                f"praktijken/{practice.id}.md",
                practice_url(practice.id),
                practice.title,
                "partials/kennisbank/practice.html",
                markdown=practice.body,
                description=practice.summary,
                context={"practice": practice},
                source=catalogue.source_of("practices", practice.id),
            )
        )
    for core_element in catalogue.core_elements.values():
        specs.append(
            PageSpec(
                f"kernelementen/{core_element.id}.md",
                core_element_url(core_element.id),
                core_element.title,
                "partials/kennisbank/core_element.html",
                markdown=core_element.description,
                description=core_element.summary,
                context={
                    "core_element": core_element,
                    "practices": catalogue.practices_by_core_element[core_element.id],
                },
                source=catalogue.source_of("core_elements", core_element.id),
            )
        )
    for region in catalogue.regions.values():
        specs.append(
            PageSpec(
                f"regio/{region.id}.md",
                region_url(region.id),
                region.name,
                "partials/kennisbank/region.html",
                description=region.description or "",
                context={"region": region, "practices": catalogue.practices_by_region[region.id]},
                source=catalogue.source_of("regions", region.id),
            )
        )
    return specs
