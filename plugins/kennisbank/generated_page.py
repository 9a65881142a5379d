"""A MkDocs page made from ``data/``: its front matter and Markdown come from a :class:`PageSpec`.

MkDocs would treat a generated file like a hand-written one: read its text back, parse the
front matter with PyYAML's pure-Python loader, and build a fresh Markdown converter with every
extension for the page. At thousands of cards that round trip is most of what a card page
costs, for pages whose only Markdown is one body field (or none). This page skips it: the
metadata is handed over as a dict, and the body goes through one shared converter that is reset
between pages (same extensions and settings as MkDocs uses, glossary included).

What MkDocs' own rendering adds and this page leaves out, on purpose:

- rewriting ``.md`` links: bodies come from YAML, where links are site URLs or web addresses
  (``make linkcheck`` checks every link in the built site);
- collecting anchor ids for MkDocs' anchor validation: most ids on these pages come from the
  partial around the body, which MkDocs never sees, so its check would be wrong either way.
  ``present_anchor_ids`` stays ``None``, which MkDocs reads as "do not check"; linkchecker's
  AnchorCheck checks anchors in the real output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .pages import PageSpec

#: Markdown text → (HTML, toc tokens), from a converter shared by all generated pages.
MarkdownConverter = Callable[[str], "tuple[str, list[dict[str, Any]]]"]


class GeneratedPage(Page):
    """A page whose source is a :class:`PageSpec`, not a file on disk."""

    def __init__(
        self, spec: PageSpec, file: File, config: MkDocsConfig, convert: MarkdownConverter, nav_title: str | None = None
    ):
        # MkDocs takes a page's menu title from the nav entry when it creates the page itself;
        # a page that exists already keeps its own, so the nav title is passed on here.
        super().__init__(nav_title, file, config)
        self.spec = spec
        self._convert = convert

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = self.spec.markdown
        self.meta = self.spec.front_matter()

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("read_source() must run before render()")
        if self.markdown.strip():
            self.content, toc_tokens = self._convert(self.markdown)
        else:
            self.content, toc_tokens = "", []
        self.toc = get_toc(toc_tokens)


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
