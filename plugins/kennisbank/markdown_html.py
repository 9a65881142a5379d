"""Markdown bodies to HTML, each text once, and the same conversion in a worker process.

Every generated page's body and every Markdown field from YAML goes through one converter with
the site's extensions and settings (glossary included), reset between texts. A practice's body
is converted once for its own page and reused by the dossiers that print it.

At thousands of cards converting and sanitising the bodies is seconds of pure Python that
nothing else in the build waits on: :meth:`MarkdownConverter.prefetch` hands them to a worker
process (the machine's other core) while MkDocs prepares the pages. A text the worker has not
finished yet when a page needs it is converted here, so a slow or failed worker never holds the
build up or changes its output: both sides run the same function with the same settings.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor, Future
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import markdown
import nh3

if TYPE_CHECKING:
    from mkdocs.structure.toc import _TocToken as TocToken

#: A text converted: its HTML (not yet sanitised) and its table-of-contents tokens.
Converted = tuple[str, "list[TocToken]"]

#: How many texts one task of the worker converts: big enough that sending them costs little,
#: small enough that the first pages find theirs done.
CHUNK = 200

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
    return str(
        nh3.clean(
            html,
            attributes=_ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
            attribute_filter=_keep_attribute,
        )
    )


class MarkdownConverter:
    """One Markdown converter for the whole build, with every result kept by its text."""

    def __init__(self, extensions: list[Any] | None = None, configs: dict[str, Any] | None = None):
        self.extensions = list(extensions or [])
        self.configs = dict(configs or {})
        self._markdown = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)
        self._converted: dict[str, Converted] = {}
        #: Sanitised HTML by the HTML it was made from (a page body and a dossier share it).
        self._sanitised: dict[str, str] = {}
        #: Texts the worker is converting, and the task that has each one.
        self._pending: dict[str, Future[list[tuple[Converted, str]]]] = {}
        self._tasks: dict[Future[list[tuple[Converted, str]]], list[str]] = {}

    def convert(self, text: str) -> Converted:
        """``text`` as HTML (not sanitised) with its toc tokens: from the cache, the worker or here."""
        found = self._converted.get(text)
        if found is None:
            task = self._pending.get(text)
            if task is not None and task.done():
                self._collect(task)
                found = self._converted.get(text)
            if found is None:
                found = self._converted[text] = _convert(self._markdown, text)
        return found

    def sanitised(self, html: str) -> str:
        """``html`` through :func:`sanitise_html`, once per distinct HTML."""
        found = self._sanitised.get(html)
        if found is None:
            found = self._sanitised[html] = sanitise_html(html)
        return found

    def prefetch(self, texts: Iterable[str], executor: Executor) -> None:
        """Have ``executor`` convert and sanitise ``texts`` (in the order pages will need them)."""
        todo = [text for text in dict.fromkeys(texts) if text.strip() and text not in self._converted]
        for start in range(0, len(todo), CHUNK):
            chunk = todo[start : start + CHUNK]
            task = executor.submit(convert_texts, self.extensions, self.configs, chunk)
            self._tasks[task] = chunk
            self._pending.update(dict.fromkeys(chunk, task))

    def cancel(self) -> None:
        """Forget what the worker has not delivered (the build ended or failed)."""
        for task in self._tasks:
            task.cancel()
        self._pending.clear()
        self._tasks.clear()

    def _collect(self, task: Future[list[tuple[Converted, str]]]) -> None:
        texts = self._tasks.pop(task, [])
        for text in texts:
            self._pending.pop(text, None)
        if task.cancelled() or task.exception() is not None:
            return  # e.g. an extension setting that cannot be sent to another process: convert here
        for text, (converted, clean) in zip(texts, task.result(), strict=True):
            self._converted.setdefault(text, converted)
            self._sanitised.setdefault(converted[0], clean)


def _convert(converter: markdown.Markdown, text: str) -> Converted:
    converter.reset()  # what the previous text defined goes; the glossary (extension config) stays
    html = converter.convert(text)
    return html, list(getattr(converter, "toc_tokens", []))


#: The worker process's converter, made on its first task and kept for the next ones (by settings).
_WORKER: dict[str, markdown.Markdown] = {}


def convert_texts(extensions: list[Any], configs: dict[str, Any], texts: list[str]) -> list[tuple[Converted, str]]:
    """In the worker: each text converted and its HTML sanitised, as :class:`MarkdownConverter` does."""
    settings = repr((extensions, configs))
    converter = _WORKER.get(settings)
    if converter is None:
        _WORKER.clear()
        converter = _WORKER[settings] = markdown.Markdown(extensions=extensions, extension_configs=configs)
    results = []
    for text in texts:
        converted = _convert(converter, text)
        results.append((converted, sanitise_html(converted[0])))
    return results
