"""Old addresses of renamed cards: a small page at each ``previous_ids`` address that sends the
reader on to the card's current page (``<meta http-equiv="refresh">``, a canonical link and a
plain link for whoever has redirects switched off).

Written after the build, beside MkDocs' pages rather than as one of them: such a page is not
in the site menu, not in site search, not in ``sitemap.xml`` and in no listing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..content.registry import CONTENT_TYPES
from ..urls import item_url, relative_url
from ..views import Site, View

#: Renders a template of the plugin with a context (render.Renderer.standalone).
RenderTemplate = Callable[..., str]


def moved(site: Site) -> list[tuple[str, View]]:
    """``(old address, card)`` for every earlier id of every followed card, withdrawn ones included."""
    found = []
    for content_type in CONTENT_TYPES:
        if not content_type.followed:
            continue
        for card in site.all(content_type.name) + site.withdrawn(content_type.name):
            found += [(item_url(content_type.name, old), card) for old in card.previous_ids]
    return found


def write_redirects(
    site: Site, site_dir: Path, render: RenderTemplate, absolute: Callable[[str], str], favicon: str
) -> None:
    """Write the page at every old address; ``favicon`` is the theme's (site-relative)."""
    for old, card in moved(site):
        target = site_dir / old / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        html = render(
            "kennisbank/redirect.html",
            card=card,
            href=relative_url(card.url, old),
            canonical=absolute(card.url),
            to_root=relative_url("", old),
            favicon=favicon,
        )
        target.write_text(html, encoding="utf-8")
