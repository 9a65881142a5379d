"""Headless Debian chromium for the browser tests, driven by Playwright.

Playwright never downloads a browser here: it launches /usr/bin/chromium. A missing
browser fails the run with instructions; it is never a skip.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from chromium import CHROMIUM, CHROMIUM_ARGS, MISSING_BROWSER  # noqa: F401 - the tests take them from here
from internal_links import serve as serve_directory

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free 127.0.0.1 port (the link checker's server); yields the base URL."""
    server, base_url = serve_directory(directory)
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageWatch:
    """What a page did: console errors, uncaught exceptions and every URL it requested."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the local test server (data: URLs are inline)."""
        return [url for url in self.requests if not url.startswith("data:") and urlsplit(url).hostname != "127.0.0.1"]


def wait_until(page: Any, expression: str, arg: Any = None, timeout: float = 15.0) -> None:
    """Wait until ``expression`` (JavaScript, on a page or frame) is true.

    Playwright's ``wait_for_function`` polls its predicate with ``eval``, which the site's
    Content-Security-Policy forbids (as it should: the tests run behind the production headers).
    ``evaluate`` runs through the DevTools protocol, outside the page's policy."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"na {timeout:.0f} s nog steeds niet waar: {expression}")
        page.wait_for_timeout(50)


#: True once a listing shows the results for what is in its search box: the results are rendered
#: (the print link, written on every render, carries the query) and no search is still running.
RESULTS_SHOWN = """() => {
  const count = document.querySelector('[data-result-count]');
  if (!count || count.textContent.includes('Zoeken')) return false;
  const box = document.querySelector('#kb-q'), link = document.querySelector('[data-kb-print-selection]');
  if (!box || !box.value.trim() || !link) return true;
  return (new URL(link.href, location).searchParams.get('q') || '').trim() === box.value.trim();
}"""


def wait_for_results(page: Any) -> None:
    """Wait until a listing (or an embed) shows the results of its current query and filters.
    The count alone is not enough: the list renders a moment after typing, so right after a
    fill the old count is still there."""
    wait_until(page, RESULTS_SHOWN)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations on the current page, with their nodes."""
    page.evaluate(AXE_SCRIPT)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {"id": violation["id"], "help": violation["help"], "nodes": [node["html"][:200] for node in violation["nodes"]]}
        for violation in result["violations"]
    ]


@contextmanager
def opened(chromium: Any, url: str, **options: Any) -> Iterator[Any]:
    """``url`` in a page of its own context (``options`` set the context: viewport, touch, …);
    at the end the page has reported no console error or uncaught exception."""
    context = chromium.new_context(locale="nl-NL", **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(url, wait_until="load")
        yield page
        assert errors == []
    finally:
        context.close()
