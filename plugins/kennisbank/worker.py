"""The build's second process, for pure-Python work that pages do not wait on.

Converting thousands of Markdown bodies and splitting them into search terms takes seconds on
one core, while MkDocs renders pages on the other. Above :data:`PARALLEL_FROM` items one worker
process does that work beside the build (first the bodies, which pages need soonest, then the
catalogue indexes); below it, starting a process costs more than it saves. The worker is started
with ``spawn``: a fork of a process that runs ``mkdocs serve``'s threads is not safe.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

#: From this many content items (all types together) the build uses a worker process.
PARALLEL_FROM = 500


def start_worker(items: int, parallel_from: int = PARALLEL_FROM) -> ProcessPoolExecutor | None:
    """One worker process for a build of ``items`` content items, or ``None`` for a small one."""
    if items < parallel_from:
        return None
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
