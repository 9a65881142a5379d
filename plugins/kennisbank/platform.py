"""The seam to MkDocs and Material: every workaround of their internals, in one file.

MkDocs 1.6.1 is the last 1.x release and Material 9.x is in maintenance mode; an upgrade (or a
move to the ProperDocs fork) means reviewing this file, ``assets/platform.js`` and their
contract tests (``tests/test_platform.py``), which pin what each workaround relies on. Each
workaround says why it exists:

- :class:`GeneratedPage`: a page made from data without MkDocs' Markdown-file round trip.
- :func:`page_meta`: Material puts ``page.title`` into navigation and headings unescaped.
- :class:`HeldBack`: keeps parts of a page (card lists, facts, navigation) out of Material's
  site search, which parses the whole HTML of every page it indexes. The one way the plugin
  keeps content out of site search; a whole page is left out with ``search: exclude`` meta
  (:func:`excluded_from_site_search`), and its HTML is held back whole, because Material still
  runs a regular expression over the content of every page, indexed or not.
- :func:`patch_site_search_stemming`: Material's search never stems a query word.
- :func:`add_site_search_synonyms`: Material's site search knows no synonyms; its index file
  gets a field of its own for them, which its worker indexes but never shows.
- ``templates/partials/javascripts/{base,content}.html`` with ``assets/material-*.js``: Material's
  inline scripts as files, for a Content-Security-Policy without ``'unsafe-inline'``;
  ``templates/partials/toc.html``: no ``<label for="__toc">`` where Material writes no ``__toc``.
- :func:`set_page_toc`: a generated page's table of contents from its rendered headings
  (page_toc.py), where MkDocs only sees the headings of the page's Markdown body.
- ``assets/platform.js`` (loaded in ``<head>`` before Material's bundle): holds back Material's
  site-search index until someone opens the search, sets a listing's ``?q=`` aside so that
  Material does not read it as its own search deep link, and on small screens makes Material's
  menu and search labels keyboard buttons and what is closed inert.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .exports.search_index import SEPARATOR, Terms
from .exports.synonyms import Synonyms

if TYPE_CHECKING:
    from mkdocs.structure.toc import _TocToken as TocToken

#: Tested with these releases (tests/test_platform.py checks the installed ones).
MKDOCS_VERSION = "1.6"
MATERIAL_VERSION = "9.8"

#: Material's Dutch lunr support, loaded only by its site-search worker; the patch is appended.
MATERIAL_LUNR_NL = "assets/javascripts/lunr/min/lunr.nl.min.js"
QUERY_STEMMING_PATCH = Path(__file__).parent / "theme_patches" / "lunr-nl-query-stemming.js"
#: Material's site-search index in the built site, and the field the synonyms go into there.
SITE_SEARCH_INDEX = "search/search_index.json"
SITE_SEARCH_SYNONYMS = "synonyms"
#: What ends a phrase in Material's index text: a tag (its text keeps some HTML) or a sentence's end.
_PHRASE_BREAK = re.compile(r"<[^>]*>|[.!?;:](?:\s|$)")
#: The head script with the browser-side workarounds (see the module docstring).
PLATFORM_SCRIPT = "platform.js"

#: Markdown text → (HTML, toc tokens), from a converter shared by all generated pages.
MarkdownConverter = Callable[[str], "tuple[str, list[TocToken]]"]


def page_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A generated page's metadata as Material may print it: title and description escaped
    once here, since Material's templates put them into the page unescaped (navigation,
    headings, ``<meta name="description">``); the escaped form displays as the plain text it is."""
    escaped = dict(meta)
    for name in ("title", "description"):
        if name in escaped:
            escaped[name] = str(escape(escaped[name]))
    return escaped


class GeneratedPage(Page):
    """A page whose source is data (a page spec), not a Markdown file on disk.

    MkDocs would treat a generated file like a hand-written one: read its text back, parse the
    front matter with PyYAML's pure-Python loader, and build a fresh Markdown converter with
    every extension for the page. At thousands of cards that round trip is most of what a card
    page costs. This page takes its metadata as a dict and its body through one shared
    converter that is reset between pages (same extensions and settings, glossary included).

    Left out on purpose: rewriting ``.md`` links (bodies come from YAML, with site URLs or web
    addresses; ``make linkcheck`` checks every link of the built site), and collecting anchor
    ids for MkDocs' anchor validation (most ids come from the partial around the body, which
    MkDocs never sees; ``present_anchor_ids`` stays ``None``, "do not check"; linkchecker's
    AnchorCheck checks anchors in the real output).

    Creating the page sets ``file.page`` (MkDocs' own Page constructor does), so MkDocs uses
    this page instead of making one from the file. ``updated`` becomes the page's
    ``update_date``, which MkDocs' sitemap template writes as ``<lastmod>`` (MkDocs gives every
    page the build date).
    """

    def __init__(
        self,
        markdown: str,
        meta: dict[str, Any],
        file: File,
        config: MkDocsConfig,
        convert: MarkdownConverter,
        nav_title: str | None = None,
        updated: datetime.date | None = None,
    ):
        # MkDocs takes a page's menu title from the nav entry when it creates the page itself;
        # a page that exists already keeps its own, so the nav title is passed on here.
        super().__init__(nav_title, file, config)
        if updated is not None:
            self.update_date = updated.isoformat()
        self._source_markdown = markdown
        self._source_meta = meta
        self._convert = convert

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = self._source_markdown
        self.meta = self._source_meta

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("read_source() must run before render()")
        if self.markdown.strip():
            self.content, toc_tokens = self._convert(self.markdown)
        else:
            self.content, toc_tokens = "", []
        self.toc = get_toc(toc_tokens)


def set_page_toc(page: Page, toc_tokens: list[TocToken]) -> None:
    """Replace the table of contents MkDocs made from the page's Markdown (see page_toc.py).

    Runs in ``on_page_content``: after ``Page.render`` set ``page.toc`` and before Material's
    templates and its search plugin read it."""
    page.toc = get_toc(toc_tokens)


def nav_titles(nav: Any) -> dict[str, str]:
    """``{src_uri: title}`` for every page named in mkdocs.yml's ``nav`` (sections included)."""
    titles: dict[str, str] = {}
    for entry in nav or []:
        if isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, str):
                    titles[target] = title
                else:
                    titles.update(nav_titles(target))
    return titles


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
        #: The whole content of a page that site search leaves out (see :meth:`hold_whole`).
        self.whole: str | None = None
        self.marker = _WHOLE_MARKER

    def __call__(self, caller: Callable[[], str]) -> Markup:
        """Jinja: ``{% call outside_search() %}...{% endcall %}``; leaves a marker in its place."""
        marker = f"<!--kennisbank-held-back-{len(self.parts)}-->"
        self.parts[marker] = ""  # claimed before the caller runs: a call nested inside gets its own
        self.parts[marker] = str(caller())
        return Markup(marker)

    def hold_whole(self, html: str) -> str:
        """The content of a page that site search leaves out, held back whole until the page is
        written. Material's search plugin skips such a page, but then still removes its
        ``data-search-*`` attributes with a regular expression over all of its HTML: for the
        dossiers, megabytes per page (half a second at 5,000 cards).

        Material adds the page title as an ``<h1>`` when page.content has none
        (partials/content.html); the marker says ``<h1`` when the page has one, so that
        Material decides as it would on the whole content."""
        self.whole = html
        self.marker = _WHOLE_MARKER_H1 if "<h1" in html else _WHOLE_MARKER
        return self.marker

    def restore(self, html: str) -> str:
        """The written page with every held-back part back in its place."""
        if self.whole is not None:
            html = html.replace(self.marker, self.whole, 1)
        # Outer parts first: a nested part's marker is inside its outer part's text.
        for marker, part in self.parts.items():
            html = html.replace(marker, part, 1)
        return html


_WHOLE_MARKER = "<!--kennisbank-held-back-page-->"
_WHOLE_MARKER_H1 = "<!--kennisbank-held-back-page <h1 -->"


def excluded_from_site_search(meta: Mapping[str, Any]) -> bool:
    """Whether Material's site search leaves this page out (``search: exclude`` in its meta)."""
    search = meta.get("search") or {}
    return isinstance(search, dict) and bool(search.get("exclude"))


def in_place(caller: Callable[[], str]) -> Markup:
    """``outside_search`` where nothing is held back (a page site search does not index)."""
    return Markup(caller())


def patch_site_search_stemming(files: Files, config: MkDocsConfig) -> None:
    """Let Material's site search stem Dutch query words (see the patch file for why)."""
    original = files.get_file_from_path(MATERIAL_LUNR_NL)
    if original is None or original.abs_src_path is None:
        raise PluginError(f"kennisbank: {MATERIAL_LUNR_NL} niet gevonden in het thema; staat search.lang nog op 'nl'?")
    text = Path(original.abs_src_path).read_text(encoding="utf-8") + QUERY_STEMMING_PATCH.read_text(encoding="utf-8")
    files.remove(original)
    files.append(File.generated(config, MATERIAL_LUNR_NL, content=text))


def add_site_search_synonyms(site_dir: Path, synonyms: Synonyms) -> None:
    """Give Material's site search the synonyms the catalogue search has (exports/synonyms.py).

    Material's search worker builds its lunr index in the browser from ``search_index.json`` and
    indexes every field that the file's ``config.fields`` names, while a result shows only title
    and text. So every section that holds a term of a synonym group gets the group's other words
    in a field of its own (``synonyms``, weighted like the text): a search for "vechtscheiding"
    finds a page about "complexe scheiding", and Material does not list the query word as
    missing there, because the page matched it. Runs after Material's search plugin has written
    the file (``on_post_build`` of the kennisbank plugin runs late).
    """
    path = site_dir / SITE_SEARCH_INDEX
    if not synonyms or not path.exists():
        return  # no synonyms, or the site has no Material search
    data = json.loads(path.read_text(encoding="utf-8"))
    of = Terms().of
    for doc in data.get("docs", []):
        if not synonyms.might_hold(f"{doc.get('title') or ''} {doc.get('text') or ''}"):
            continue  # no group term can stand here: no need to make its terms
        lines = [
            [term for word in SEPARATOR.split(part.lower()) if word for term in of(word)]
            for value in (doc.get("title"), doc.get("text"))
            if isinstance(value, str)
            for part in _PHRASE_BREAK.split(html.unescape(value))
        ]
        found = synonyms.find(lines)
        if found:
            doc[SITE_SEARCH_SYNONYMS] = " ".join(word for group in found for word in group.added_words)
    data["config"]["fields"][SITE_SEARCH_SYNONYMS] = {"boost": data["config"]["fields"].get("text", {}).get("boost", 1)}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
