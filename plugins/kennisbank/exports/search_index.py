"""Prebuilt lunr indexes for the catalogue listings, searched in the browser by lunr.js.

Only what a card is found by is indexed (title, summary, regions, organisations, themes,
core element), not every word of the body: the index stays small enough to download when a
professional starts typing, and fast to build for thousands of cards.
"""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from lunr.builder import Builder

from . import dutch


@dataclass(frozen=True)
class IndexField:
    """A field of the index and how much a match in it counts."""

    name: str
    boost: int = 1


# Few fields keep the index small: lunr writes every field of every term, even when empty.
FIELDS = (IndexField("title", 10), IndexField("summary", 2), IndexField("about", 3))


def build_index(documents: Iterable[dict[str, str]], fields: Iterable[IndexField] = FIELDS) -> dict[str, Any]:
    """A serialised lunr index (lunr.js 2.3 schema) over ``documents``, keyed by their ``id``."""
    builder = Builder()
    builder.pipeline.add(dutch.trimmer, dutch.stop_word_filter, dutch.stemmer)
    builder.search_pipeline.add(dutch.stemmer)
    builder.ref("id")
    for field in fields:
        builder.field(field.name, boost=field.boost)
    for document in documents:
        builder.add(document)
    return builder.build().serialize()


def practice_documents(catalogue: Any) -> list[dict[str, str]]:
    """What each practice is found by: title, summary, and its regions, organisations and themes."""
    return [
        {
            "id": practice.id,
            "title": practice.title,
            "summary": practice.summary,
            "about": " ".join(
                [catalogue.core_elements[practice.core_element].title]
                + [catalogue.regions[region].name for region in practice.regions]
                + [contact.organisation for contact in practice.contacts if contact.organisation]
                + [theme.replace("-", " ") for theme in practice.themes]
            ),
        }
        for practice in catalogue.practices.values()
    ]


def instrument_documents(catalogue: Any) -> list[dict[str, str]]:
    """What each instrument is found by: title, summary, publisher, kind, core element."""
    return [
        {
            "id": instrument.id,
            "title": instrument.title,
            "summary": instrument.summary,
            "about": " ".join(
                filter(None, [instrument.publisher, instrument.kind, catalogue.core_elements[instrument.core_element].title])
            ),
        }
        for instrument in catalogue.instruments.values()
    ]


#: Every index the site ships, by file name.
INDEXES: dict[str, Callable[[Any], list[dict[str, str]]]] = {
    "praktijken": practice_documents,
    "instrumenten": instrument_documents,
}


def export_index(documents: list[dict[str, str]]) -> dict[str, Any]:
    """The file the browser downloads: card ids, and the index in compact form.

    Refs are positions in ``ids`` instead of ids, and the index is compacted (see
    :func:`compact_index`); filters.js expands it to lunr's own format before loading it.
    """
    ids = [document["id"] for document in documents]
    numbered = [{**document, "id": str(position)} for position, document in enumerate(documents)]
    return {"ids": ids, **compact_index(build_index(numbered))}


def compact_index(serialised: dict[str, Any]) -> dict[str, Any]:
    """lunr's serialised index in a transport form about a third smaller after gzip.

    lunr writes every field of every term as an object of ref objects, and every vector
    score with three decimals. Here a term is ``[term, index, refs per field]`` with the
    (numeric, sorted) refs delta-encoded, and a field vector is ``[field, doc, (term delta,
    score)...]`` with scores to two decimals, which changes no ranking a reader would notice.
    """
    fields = serialised["fields"]
    terms = []
    for term, entry in serialised["invertedIndex"]:
        row: list[Any] = [term, entry["_index"]]
        for field in fields:
            row.append(_deltas(sorted(int(ref) for ref in entry[field])))
        terms.append(row)
    vectors = []
    for field_ref, elements in serialised["fieldVectors"]:
        field, doc = field_ref.split("/", 1)
        row = [fields.index(field), int(doc)]
        previous = 0
        for position in range(0, len(elements), 2):
            row += [elements[position] - previous, round(elements[position + 1], 2)]
            previous = elements[position]
        vectors.append(row)
    return {"version": serialised["version"], "pipeline": serialised["pipeline"], "fields": fields, "terms": terms, "vectors": vectors}


def _deltas(numbers: list[int]) -> list[int]:
    previous, result = 0, []
    for number in numbers:
        result.append(number - previous)
        previous = number
    return result


def export_json(documents: list[dict[str, str]]) -> str:
    """The index file's text (compact JSON). A plain function, so a worker process can run it."""
    return json.dumps(export_index(documents), ensure_ascii=False, separators=(",", ":"))


class IndexBuilds:
    """Builds every catalogue index, beside page rendering when the catalogue is large.

    lunr.py is pure Python and single-threaded: at thousands of cards the index takes several
    seconds. Above ``parallel_from`` documents it runs in a second process (the machine's
    other core) while MkDocs renders pages; below that, starting a process costs more than it
    saves, so it runs when the files are written.
    """

    def __init__(self, catalogue: Any, parallel_from: int = 500):
        self.documents = {name: collect(catalogue) for name, collect in INDEXES.items()}
        self.executor: ProcessPoolExecutor | None = None
        self.futures: dict[str, Future[str]] = {}
        if sum(len(documents) for documents in self.documents.values()) >= parallel_from:
            self.executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.futures = {name: self.executor.submit(export_json, docs) for name, docs in self.documents.items()}

    def write(self, site_dir: Path, uri_of: Callable[[str], str]) -> None:
        """Write every index into the built site (waits for the worker where there is one)."""
        try:
            for name, documents in self.documents.items():
                text = self.futures[name].result() if name in self.futures else export_json(documents)
                target = site_dir / uri_of(name)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        finally:
            self.close(wait=True)

    def close(self, wait: bool = False) -> None:
        """Stop the worker; ``wait`` for a clean exit (after a failed build: don't)."""
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None
