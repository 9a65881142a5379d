"""A generated page's table of contents read from the page as it is rendered.

MkDocs builds a page's table of contents from the headings of its Markdown. The Markdown of a
generated page is only its body; the template around it adds sections of its own (a Kompas
step's worksheets, its result, its blocks, "In de praktijk"), which the table of contents then
leaves out. For the pages that ask for it (``kennisbank_page_toc`` in their meta, see
``content/registry.py``) the table of contents lists every heading with an ``id`` of the
rendered content instead, in the nesting of their levels.

Headings inside parts held back from site search (card lists, navigation: ``HeldBack``) are not
in the HTML this reads, and that is right: they are lists, not sections of the page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING

from markupsafe import escape

if TYPE_CHECKING:
    from mkdocs.structure.toc import _TocToken as TocToken

#: The page meta key by which a generated page asks for this table of contents.
META_KEY = "kennisbank_page_toc"
#: The page's own title (h1) is not an entry: Material leaves it out of the table of contents too.
_LEVELS = {f"h{level}": level for level in range(2, 7)}


class _Headings(HTMLParser):
    """Collects ``(level, id, text)`` of every h2 to h6 that has an ``id``, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self._open: tuple[str, int, str] | None = None  # (tag, level, id) of the heading being read
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        level = _LEVELS.get(tag)
        if level is not None and self._open is None:
            anchor = dict(attrs).get("id")
            if anchor:
                self._open, self._text = (tag, level, anchor), []

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:
            _, level, anchor = self._open
            self.found.append((level, anchor, " ".join("".join(self._text).split())))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)


def toc_tokens(html: str) -> list[TocToken]:
    """The headings of ``html`` as MkDocs' toc tokens (``platform.page_toc`` makes the toc).

    A heading goes under the last heading before it with a lower level, as Python-Markdown's
    toc extension nests them. ``name`` is HTML (MkDocs' ``AnchorLink.title``), so the text is
    escaped."""
    parser = _Headings()
    parser.feed(html)
    parser.close()
    roots: list[TocToken] = []
    stack: list[TocToken] = []
    for level, anchor, text in parser.found:
        token: TocToken = {"level": level, "id": anchor, "name": str(escape(text)), "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots
