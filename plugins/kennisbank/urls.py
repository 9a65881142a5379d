"""Every address the site has, in one place: pages, feeds, embeds and the plugin's files.

The URL contract (DESIGN.md) is stable: regions link to and embed these addresses. An item's
page address is declared with its content type (``ItemPages.url`` in the registry); this module
is the one function everything else calls (pages, feeds, search index, embeds, templates).
All addresses are site-relative (``praktijken/x/``); :func:`relative_url` makes a link from a
page, :func:`absolute_url` a full address for feeds and embed code.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from .content.registry import BY_NAME

#: Where the plugin's static files land in the site.
ASSETS = "assets/kennisbank"
FEED = "api/v1/praktijken.json"
FEED_SCHEMA = "api/v1/praktijken.schema.json"
ATOM = "api/v1/praktijken.atom"
NEWS = "nieuw/"
EMBED_PRACTICES = "embed/praktijken/"
REVIEW = "redactie/"
EMBEDDING_GUIDE = "insluiten/"
HOME = ""


def item_url(kind: str, key: str | int) -> str:
    """The address of an item of content type ``kind``: its page, or its anchor on another page."""
    pages = BY_NAME[kind].pages
    if pages is None:
        raise KeyError(f"content type {kind!r} has no pages")
    return pages.url.format(key=key)


def listing_url(kind: str) -> str:
    """The address of the page that lists every item of ``kind``."""
    listing = BY_NAME[kind].listing
    if listing is None:
        raise KeyError(f"content type {kind!r} has no listing")
    return listing.url


#: The printable dossier below a page: a region's, a core element's or a whole list's.
DOSSIER = "dossier/"


def dossier_url(kind: str, key: str | int) -> str:
    """``regio/<id>/dossier/``, ``kernelementen/<id>/dossier/``: an item's selection, printable."""
    return item_url(kind, key) + DOSSIER


def listing_dossier_url(kind: str) -> str:
    """``praktijken/dossier/``: every item of a list in full, filtered by the address."""
    return listing_url(kind) + DOSSIER


def embed_region_url(region_id: str) -> str:
    return f"embed/regio/{region_id}/"


def region_feed_url(region_id: str) -> str:
    return f"api/v1/regio/{region_id}.json"


def region_atom_url(region_id: str) -> str:
    return f"api/v1/regio/{region_id}.atom"


def core_element_atom_url(core_element_id: str) -> str:
    return f"api/v1/kernelement/{core_element_id}.atom"


def asset_url(name: str) -> str:
    """A static file of the plugin (``filters.js``, ``vendor/lunr.min.js``)."""
    return f"{ASSETS}/{name}"


def index_folder(name: str) -> str:
    """Site folder of a catalogue text index (``praktijken``, ``instrumenten``): see exports/search_index.py."""
    return f"{ASSETS}/zoekindex/{name}/"


def index_url(name: str) -> str:
    """A text index's manifest, which filters.js loads first."""
    return index_folder(name) + "index.json"


def source_uri(url: str) -> str:
    """The virtual Markdown file MkDocs knows a generated page by: ``praktijken/`` →
    ``praktijken/index.md``, ``praktijken/x/`` → ``praktijken/x.md``."""
    if url.count("/") == 1:
        return url + "index.md"
    return url.rstrip("/") + ".md"


def relative_url(target: str, current: str) -> str:
    """URL of ``target`` as seen from the page at ``current`` (both site-relative, ``a/b/`` style).

    Relative links keep the site working under any base path (GitHub Pages, a region's
    subfolder) and when opened from disk.
    """
    path, hash_mark, fragment = target.partition("#")
    relative = posixpath.relpath(path.rstrip("/") or ".", current.rstrip("/") or ".")
    relative = relative + "/" if path.endswith("/") or not path else relative
    return relative + hash_mark + fragment


def absolute_url(site_url: str, path: str) -> str:
    """A full address (feeds, embed code): ``https://site/`` + ``praktijken/x/``."""
    return urljoin(site_url, path)
