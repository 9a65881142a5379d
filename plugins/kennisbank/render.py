"""Render the kennisbank partials from ``overrides/`` with autoescaping on.

MkDocs' own Jinja environment does not autoescape, so every value from YAML would need a
manual ``|e``. The partials therefore get their own environment, where escaping is the
default and only sanitised HTML is marked safe.
"""

from __future__ import annotations

import datetime
import posixpath
from pathlib import Path
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import jinja2
import markdown
import nh3
from markupsafe import Markup

from .catalogue import Catalogue
from .pages import URLS, practice_url

_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december".split()
)

# Markdown bodies may use what Markdown produces; everything else (script, style, iframes,
# event handlers, inline styles) is removed.
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
}


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    # Images only from the site itself: an image from another host is a request to a third
    # party on every page view (and tells it who reads what).
    if element == "img" and attribute == "src" and (urlsplit(value).scheme or value.startswith("//")):
        return None
    return value


def sanitise_html(html: str) -> str:
    """Strip raw HTML that a Markdown body must not bring onto the site."""
    return nh3.clean(
        html,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        attribute_filter=_keep_attribute,
    )


def relative_url(target: str, current: str) -> str:
    """URL of ``target`` as seen from the page at ``current`` (both site-relative, ``a/b/`` style).

    Relative links keep the site working under any base path (GitHub Pages, a region's
    subfolder) and when opened from disk.
    """
    path = posixpath.relpath(target.rstrip("/") or ".", current.rstrip("/") or ".")
    return path + "/" if target.endswith("/") or not target else path


def dutch_date(value: datetime.date | None) -> str:
    """``2026-11-22`` → ``22 november 2026``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


def domain(url: str) -> str:
    """The host a link leads to, without ``www.``, so a reader sees where they are going."""
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def pick(items: dict[Any, Any], keys: list[Any]) -> list[Any]:
    """The items of ``items`` at ``keys``, in the order of ``keys`` (references resolved)."""
    return [items[key] for key in keys]


def mailto(email: str, subject: str) -> str:
    """A ``mailto:`` URL with a prefilled subject line."""
    return f"mailto:{email}?subject={quote(subject)}"


#: Stands for the way to the site root in a card rendered once for many pages (Renderer.card).
#: Autoescaping turns any ``<`` from content into ``&lt;``, so only a template can write it.
_SITE_ROOT = "<kb-site-root>"


class HeldBack:
    """Parts of one page that Material's site search must not read, kept out of ``page.content``
    until the page is written (:meth:`restore`, from ``on_post_page``).

    Why: lists of cards repeat what every card's own page says. In the site-search index they
    would only add duplicate hits, and Material's search plugin parses the HTML of every page
    it indexes, which for the listings is most of the HTML of the site. Holding the lists back
    keeps them out of the index and out of the parser.
    """

    def __init__(self) -> None:
        self.parts: dict[str, str] = {}

    def __call__(self, caller: Callable[[], str]) -> Markup:
        """Jinja: ``{% call outside_search() %}...{% endcall %}``; leaves a marker in its place."""
        marker = f"<!--kennisbank-held-back-{len(self.parts)}-->"
        self.parts[marker] = ""  # claimed before the caller runs: a call nested inside gets its own
        self.parts[marker] = str(caller())
        return Markup(marker)

    def restore(self, html: str) -> str:
        """The written page with every held-back part back in its place."""
        # Outer parts first: a nested part's marker is inside its outer part's text.
        for marker, part in self.parts.items():
            html = html.replace(marker, part, 1)
        return html


class Renderer:
    """Jinja environment over the theme override folder, with the kennisbank helpers."""

    def __init__(
        self,
        templates_dir: Path,
        catalogue: Catalogue,
        markdown_extensions: list[Any] | None = None,
        markdown_configs: dict[str, Any] | None = None,
        site_url: str = "",
        mentions: Any = None,
    ):
        self.catalogue = catalogue
        self.mentions = mentions
        self.site_url = site_url
        self.markdown = markdown.Markdown(
            extensions=markdown_extensions or [], extension_configs=markdown_configs or {}
        )
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(dutch_date=dutch_date, domain=domain, markdown=self.markdown_field)
        #: Rendered cards by (template, card id), links still relative to the marker: see :meth:`card`.
        self._cards: dict[tuple[str, str], str] = {}

    def markdown_field(self, text: str | None) -> Markup:
        """A Markdown field from YAML as sanitised HTML (for fields besides a page's own body)."""
        if not text:
            return Markup("")
        self.markdown.reset()
        return Markup(sanitise_html(self.markdown.convert(text)))

    def convert_page_markdown(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        """A generated page's Markdown body as HTML (not yet sanitised) and its toc tokens.

        One converter serves every page (see ``generated_page``); ``reset`` clears what the
        previous page defined and restores the glossary.
        """
        self.markdown.reset()
        html = self.markdown.convert(text)
        return html, list(getattr(self.markdown, "toc_tokens", []))

    def card(self, template: str, practice: Any, to_root: str) -> Markup:
        """One practice as a card in a listing, from a page whose way to the site root is ``to_root``.

        A card appears in up to seven listings (all practices, its regions, its core element
        and their embeds). It is rendered once per template, with its link written from the
        site root behind a marker; each listing puts in its own way to the root.
        """
        key = (template, practice.id)
        html = self._cards.get(key)
        if html is None:
            html = self._cards[key] = self.env.get_template(template).render(
                catalogue=self.catalogue, practice=practice, href=Markup(_SITE_ROOT) + practice_url(practice.id)
            )
        return Markup(html.replace(_SITE_ROOT, to_root))

    def render(
        self, template: str, page_url: str, body_html: str, context: dict[str, Any], held_back: HeldBack | None = None
    ) -> str:
        """Render ``template`` for the page at ``page_url``; ``body_html`` must already be safe.

        Parts a template marks ``outside_search`` go into ``held_back`` (rendered in place when
        none is given, as for a page that search does not index anyway).
        """

        to_root = relative_url("", page_url)

        def url(target: str) -> str:
            # Site paths below the root (all of ours): the way to the root, then the path.
            return to_root + target if to_root != "./" else (target or "./")

        return self.env.get_template(template).render(
            catalogue=self.catalogue,
            mentions=self.mentions,
            page_url=page_url,
            body_html=Markup(body_html),
            render_card=lambda template, practice: self.card(template, practice, to_root),
            outside_search=held_back if held_back is not None else (lambda caller: caller()),
            url=url,
            mailto=mailto,
            pick=pick,
            absolute=lambda path: urljoin(self.site_url, path),
            **URLS,
            **context,
        )
