"""The JSON and Atom feeds as one job, which the build's worker process can run beside pages.

The feeds are made from the catalogue alone (nothing of the rendered pages) and are a second of
serialising at 5,000 cards. With a worker (worker.py) they are written while MkDocs renders the
pages; the build waits for them in ``on_post_build``, so a build never ends without its feeds,
and an error in them fails the build as it would without a worker.
"""

from __future__ import annotations

import datetime
import functools
import pickle
from concurrent.futures import Executor, Future
from pathlib import Path

from .. import urls
from ..views import Site
from .atom import write_atom_feeds
from .feed import write_feeds


def write_feed_files(site: Site, site_dir: Path, site_url: str, moment: datetime.datetime) -> None:
    """Every feed into ``site_dir``, with full addresses under ``site_url``. A plain function of
    picklable values, so that the worker process can run it."""
    absolute = functools.partial(urls.absolute_url, site_url)
    write_feeds(site, site_dir, absolute, moment)
    write_atom_feeds(site, site_dir, absolute, moment)


def _write_pickled(site: bytes, site_dir: Path, site_url: str, moment: datetime.datetime) -> None:
    write_feed_files(pickle.loads(site), site_dir, site_url, moment)


class FeedFiles:
    """The feeds of one build: started in the worker when there is one, else written at the end."""

    def __init__(
        self, site: Site, site_dir: Path, site_url: str, moment: datetime.datetime, worker: Executor | None = None
    ):
        self.arguments = (site, site_dir, site_url, moment)
        self.future: Future[None] | None = None
        if worker is not None:
            # Pickled here and now: the executor would pickle in a thread of its own, while
            # the pages go on filling the views' caches (a dict changing as it is pickled).
            self.future = worker.submit(_write_pickled, pickle.dumps(site), site_dir, site_url, moment)

    def finish(self) -> None:
        """Wait for the feeds (or write them now); an error in them is raised here."""
        if self.future is not None:
            self.future.result()
        else:
            write_feed_files(*self.arguments)

    def cancel(self) -> None:
        if self.future is not None:
            self.future.cancel()
