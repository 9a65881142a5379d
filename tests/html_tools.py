"""Small readers for built HTML, so tests assert on structure rather than on text layout."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag with its attributes, in document order."""
    collector = _Collector()
    collector.feed(html)
    return collector.elements


def cards(html: str) -> list[dict[str, str]]:
    """Attributes of every listing card (``data-card``) on a page."""
    return [attrs for _, attrs in elements(html) if "data-card" in attrs]


def card_ids(page: Path) -> list[str]:
    return [attrs["data-card"] for attrs in cards(page.read_text(encoding="utf-8"))]


def page(site: Path, url: str) -> Path:
    """The built file for a site URL like ``praktijken/x/``."""
    return site / url / "index.html" if url.endswith("/") or not url else site / url
