"""Render the kennisbank's page partials with autoescaping on.

MkDocs' own Jinja environment does not autoescape, so every value from YAML would need a
manual ``|e``. The partials therefore get their own environment, where escaping is the
default and only sanitised HTML is marked safe. Templates are looked up in the site's
``overrides/`` first, then in the plugin's own ``templates/``; they receive views (views.py)
and a few helpers, and only present.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from . import core_element_names, urls, worksheet
from .content.fields import material_icon_file
from .facets import card_attributes
from .markdown_html import MarkdownConverter
from .platform import HeldBack, in_place
from .views import Site, View

if TYPE_CHECKING:
    from mkdocs.structure.toc import _TocToken as TocToken

_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def dutch_date(value: datetime.date | None) -> str:
    """``2026-11-22`` → ``22 november 2026``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


def month_name(month: int) -> str:
    """``12`` → ``december``."""
    return _MONTHS[month - 1]


def domain(url: str) -> str:
    """The host a link leads to, without ``www.``, so a reader sees where they are going."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def mailto(email: str, subject: str) -> str:
    """A ``mailto:`` URL with a prefilled subject line."""
    return f"mailto:{email}?subject={quote(subject)}"


def card_data(site: Site, kind: str, item: View | Any) -> Markup:
    """A card's ``data-*`` attributes (facets.py), for a view or an item."""
    if isinstance(item, View):
        return card_attributes(kind, item.model, site.catalogue, item.dates)
    return card_attributes(kind, item, site.catalogue)


@functools.cache
def icon(name: str) -> Markup:
    """The SVG of one of Material's bundled icons, to draw inline (a core element's tile).

    Read from the installed theme, so the site needs no icon font and no other server; the
    name was checked when the data was validated (content/fields.py).
    """
    return Markup(material_icon_file(name).read_text(encoding="utf-8"))


#: Stands for the way to the site root in a card rendered once for many pages (Renderer.card).
#: Autoescaping turns any ``<`` from content into ``&lt;``, so only a template can write it.
_SITE_ROOT = "<kb-site-root>"

#: URL helpers every template may call (urls.py is the one place addresses are made).
_URL_HELPERS: dict[str, Any] = {
    "listing_url": urls.listing_url,
    "item_url": urls.item_url,
    "embed_region_url": urls.embed_region_url,
    "asset_url": urls.asset_url,
    "index_url": urls.index_url,
    "embedding_guide": urls.EMBEDDING_GUIDE,
    "news_url": urls.NEWS,
    "dossier_url": urls.dossier_url,
    "listing_dossier_url": urls.listing_dossier_url,
    "atom_url": urls.ATOM,
    "region_atom_url": urls.region_atom_url,
    "core_element_atom_url": urls.core_element_atom_url,
}


class Renderer:
    """Jinja environment over the template folders, with the kennisbank helpers."""

    def __init__(
        self,
        template_dirs: list[Path],
        site: Site,
        markdown_extensions: list[Any] | None = None,
        markdown_configs: dict[str, Any] | None = None,
        site_url: str = "",
        mentions: Any = None,
    ):
        self.site = site
        self.mentions = mentions
        self.site_url = site_url
        #: Every Markdown text of the build, converted once (markdown_html.py).
        self.converter = MarkdownConverter(markdown_extensions, markdown_configs)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(folder) for folder in template_dirs]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(dutch_date=dutch_date, domain=domain, markdown=self.markdown_field)
        self.env.globals["icon"] = icon
        # One way to name a core element and its group (kernelement or randvoorwaarden).
        self.env.filters.update(
            core_phrase=core_element_names.phrase, core_this=core_element_names.this, core_tag=core_element_names.tag
        )
        self.env.globals.update(
            card_attributes=functools.partial(card_data, site),
            programme=site.programme,
            month_name=month_name,
            core_group_label=core_element_names.GROUP_LABEL,
            core_group_title=core_element_names.GROUP_TITLE,
            answer_space=worksheet.answer_space,
            empty_rows=worksheet.empty_rows,
            worksheet_kind=worksheet.kind_label,
            **_URL_HELPERS,
        )
        #: Rendered cards by (template, card id), links still relative to the marker: see :meth:`card`.
        self._cards: dict[tuple[str, str], str] = {}
        #: Markdown fields of YAML as sanitised HTML, by their text. A practice's body is on its
        #: own page and in up to three dossiers; whichever comes first converts it.
        self._fields: dict[str, Markup] = {}
        #: Fragments that read the same on every page (only absolute links), by key: see :meth:`once`.
        self._fragments: dict[tuple[str, ...], Markup] = {}
        self.env.globals["once"] = self.once

    def absolute(self, path: str) -> str:
        """A full address (embed code, feeds)."""
        return urls.absolute_url(self.site_url, path)

    def markdown_field(self, text: str | None) -> Markup:
        """A Markdown field from YAML as sanitised HTML (for fields besides a page's own body)."""
        if not text:
            return Markup("")
        found = self._fields.get(text)
        if found is None:
            found = self._fields[text] = Markup(self.converter.sanitised(self.converter.convert(text)[0]))
        return found

    def convert_page_markdown(self, text: str) -> tuple[str, list[TocToken]]:
        """A generated page's Markdown body as HTML (not yet sanitised) and its toc tokens.

        One converter serves every page (see ``platform.GeneratedPage``); ``reset`` clears what
        the previous page defined and restores the glossary.
        """
        html, toc_tokens = self.converter.convert(text)
        return html, list(toc_tokens)

    def standalone(self, template: str, **context: Any) -> str:
        """A whole document from one of the plugin's templates (a redirect page), outside MkDocs' pages."""
        return self.env.get_template(template).render(site=self.site, programme=self.site.programme, **context)

    def once(self, *key: str, caller: Callable[[], str]) -> Markup:
        """Jinja: ``{% call once("dossier", "practice", id) %}...{% endcall %}`` renders its body the
        first time and repeats that text after: a practice in full appears in the dossier of each
        of its regions, of its core element and of the whole list. Only for markup without links
        relative to the page."""
        found = self._fragments.get(key)
        if found is None:
            found = self._fragments[key] = Markup(caller())
        return found

    def card(self, template: str, practice: View, to_root: str) -> Markup:
        """One practice as a card in a listing, from a page whose way to the site root is ``to_root``.

        A card appears in up to seven listings (all practices, its regions, its core element
        and their embeds). It is rendered once per template, with its link written from the
        site root behind a marker; each listing puts in its own way to the root.
        """
        key = (template, str(practice.key))
        html = self._cards.get(key)
        if html is None:
            html = self._cards[key] = self.env.get_template(template).render(
                practice=practice, href=Markup(_SITE_ROOT) + practice.url
            )
        return Markup(html.replace(_SITE_ROOT, to_root))

    def render(
        self, template: str, page_url: str, body_html: str, context: dict[str, Any], held_back: HeldBack | None = None
    ) -> str:
        """Render ``template`` for the page at ``page_url``; ``body_html`` must already be safe.

        Parts a template marks ``outside_search`` go into ``held_back`` (rendered in place when
        none is given, as for a page that search does not index anyway).
        """
        to_root = urls.relative_url("", page_url)

        def url(target: str) -> str:
            # Site paths below the root (all of ours): the way to the root, then the path.
            return to_root + target if to_root != "./" else (target or "./")

        outside_search: Callable[[Callable[[], str]], Markup] = held_back if held_back is not None else in_place
        return self.env.get_template(template).render(
            site=self.site,
            mentions=self.mentions,
            page_url=page_url,
            body_html=Markup(body_html),
            render_card=lambda template, practice: self.card(template, practice, to_root),
            outside_search=outside_search,
            url=url,
            mailto=mailto,
            absolute=self.absolute,
            **context,
        )
