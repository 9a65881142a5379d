"""Where a build's time goes: MkDocs' stages and plugin events, timed, for one build.

Usage: python scripts/bench/phases.py PROJECT_DIR [mkdocs build options]

Make a project first, e.g. ``python scripts/bench/generate.py /tmp/kb5000 5000``. The numbers
are wall-clock seconds per stage, summed over pages: ``page_context`` is mostly Material's
search plugin parsing each page, ``page_content`` the kennisbank partials, ``render (Markdown)``
the Markdown of every page, ``template main.html`` Material's page template. Stages nest
(the kennisbank partials' templates run inside ``page_content``), so they do not add up. A profiler
(``python -m cProfile -s tottime -m mkdocs build``) then says why a stage is slow; this says
which stage to look at, without the profiler's own overhead distorting the split.
"""

from __future__ import annotations

import collections
import os
import sys
import time
from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs import plugins
from mkdocs.commands import build
from mkdocs.structure import pages

SECONDS: collections.Counter[str] = collections.Counter()


def _timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SECONDS[label] += time.perf_counter() - started

    return timed


def _instrument() -> None:
    run_event = plugins.PluginCollection.run_event

    def timed_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return run_event(self, name, item, **kwargs)
        finally:
            SECONDS[f"event {name}"] += time.perf_counter() - started

    plugins.PluginCollection.run_event = timed_event  # type: ignore[method-assign]
    build._populate_page = _timed("read + Markdown + page_content (per page)", build._populate_page)
    build._build_page = _timed("page_context + template + write (per page)", build._build_page)
    pages.Page.render = _timed("render (Markdown, MkDocs' own pages)", pages.Page.render)  # type: ignore[method-assign]
    render = jinja2.Template.render
    jinja2.Template.render = lambda self, *a, **k: _timed(f"template {self.name}", render)(self, *a, **k)  # type: ignore[method-assign]


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    os.chdir(sys.argv[1])
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _instrument()
    from mkdocs.__main__ import cli

    started = time.perf_counter()
    cli.main(args=["build", "--quiet", *sys.argv[2:]], prog_name="mkdocs", standalone_mode=False)
    total = time.perf_counter() - started
    print(f"{total:8.2f} s  totaal")
    for label, seconds in SECONDS.most_common():
        if seconds >= 0.05:
            print(f"{seconds:8.2f} s  {label}")
    return 0


if __name__ == "__main__":  # the search-index worker process imports this module again
    sys.exit(main())
