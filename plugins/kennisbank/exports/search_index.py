"""Prebuilt lunr indexes for the catalogue listings, searched in the browser by lunr.js.

Only what a card is found by is indexed (title, summary, regions, organisations, themes,
core element), not every word of the body: the index stays small enough to download when a
professional starts typing, and fast to build for thousands of cards.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    """The file the browser downloads: card ids, and an index whose refs are positions in ``ids``.

    Short numeric refs instead of ids keep the inverted index (which repeats a ref for every
    term of a card) a fraction of the size.
    """
    ids = [document["id"] for document in documents]
    numbered = [{**document, "id": str(position)} for position, document in enumerate(documents)]
    return {"ids": ids, "index": build_index(numbered)}
