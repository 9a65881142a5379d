"""Catalogue text indexes that a query downloads in parts: every word a card holds is findable.

A professional types in the search box of /praktijken/ or /instrumenten/ and expects to find a
card by any word it contains: title, summary, body, contact persons and organisations, link
titles, regions, core element, themes. At thousands of cards an index of all that is megabytes,
and lunr's serialised index cannot be loaded in parts. So the index is split here into files
that the browser fetches only as a query needs them (``filters.js`` reads them):

``index.json``
    the manifest: format version, the fields with their weights, the card ids (position →
    id), the shard keys that exist, and the size of a text bucket.
``t-<key>.json``
    every term whose first two letters are ``<key>``: per field, the cards that hold it
    (delta-coded positions) with how often, and for body and "about" the sentence or line
    where it first stands (for the excerpt that shows why a card matched); and the words as
    written that start with ``<key>`` with the term each stands for, so that a word being typed
    finds the term of the word it will become.
``x-<n>.json``
    the readable texts (body sentences, "about" lines) of cards ``n * BUCKET`` onwards: a
    query fetches only the buckets of the results it shows an excerpt for.
``synonyms`` (a field, last in the manifest)
    the terms a card gets from ``data/synonyms.yaml`` because it holds another word of their
    group (``synonyms.py`` says why at index time); its one "line" per group is the word the card
    does hold, so the excerpt says "Gevonden via: complexe scheiding".
``woorden.json``
    every word of the cards with the number of cards that hold it: for "bedoelde je …" when
    a query finds nothing (fetched only then).

Words become terms through lunr's own Dutch pipeline (``dutch.py``, registered with lunr.py's
``Pipeline``): lunr.js runs the same pipeline on the query in the browser, so a plural finds its
singular exactly as before. Only lunr's index format is not used, because it cannot be split.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lunr.pipeline import Pipeline

from ..readability import sentences
from ..views import Site
from . import dutch
from .synonyms import Synonyms

FORMAT_VERSION = 3
#: Cards per text bucket: a results page shows excerpts for about ten cards, often neighbours.
BUCKET = 20
#: lunr's tokenizer separator (lunr.js ``/[\s\-]+/``; lunr.py ``SEPARATOR_CHARS``).
SEPARATOR = re.compile("[ \t\n\r\x0c\x0b\xa0-]+")
_LETTERS = re.compile(r"^[^\W\d_]{3,}$")
_DIACRITICS = re.compile("[\u0300-\u036f]")


@dataclass(frozen=True)
class IndexField:
    """A field of the index, how much a match in it counts, and whether it gives excerpts."""

    name: str
    weight: float
    excerpt: bool = False


#: Title and summary rank above the rest: they say what a card is about; the body only mentions.
FIELDS = (
    IndexField("title", 10),
    IndexField("summary", 5),
    IndexField("about", 2, excerpt=True),
    IndexField("body", 1, excerpt=True),
)
#: Not read from the card's text but added to it (see ``synonyms``): a synonym counts like the body.
SYNONYM_FIELD = IndexField("synonyms", 1, excerpt=True)
#: The fields of the index files, in the order of each term's rows and each card's texts.
INDEX_FIELDS = (*FIELDS, SYNONYM_FIELD)


@dataclass
class Document:
    """One card as the index sees it: title and summary as text, "about" as lines, the body as
    Markdown (split into sentences when the index is built, possibly in a worker process)."""

    id: str
    title: str
    summary: str
    about: list[str] = field(default_factory=list)
    body: str = ""

    def lines(self, name: str) -> list[str]:
        """The field ``name`` as the lines an excerpt can show (one line for title and summary)."""
        if name == "body":
            return sentences(self.body)
        value = getattr(self, name)
        return value if isinstance(value, list) else [value]


def shard_key(term: str) -> str:
    """The file a term lives in: its first two letters without accents (``_`` for anything else).

    filters.js computes the same key from the query word and from its stem.
    """
    plain = _DIACRITICS.sub("", unicodedata.normalize("NFD", term))[:2].ljust(2, "_")
    return "".join(character if "a" <= character <= "z" or "0" <= character <= "9" else "_" for character in plain)


class Terms:
    """Words to index terms through lunr.py's pipeline with the Dutch functions, one call per
    distinct word (a corpus of thousands of cards has far fewer distinct words than words)."""

    def __init__(self) -> None:
        self.pipeline = Pipeline()
        self.pipeline.add(dutch.trimmer, dutch.stop_word_filter, dutch.stemmer)
        self.cache: dict[str, list[str]] = {}

    def of(self, word: str) -> list[str]:
        terms = self.cache.get(word)
        if terms is None:
            terms = self.cache[word] = self.pipeline.run_string(word)
        return terms


def practice_documents(site: Site) -> list[Document]:
    """Everything a practice card says, in the fields of the index."""
    documents = []
    for practice in site.all("practices"):
        about = [practice.core_element.title]
        about += [region.name for region in practice.regions]
        about += [", ".join(filter(None, [c.name, c.role, c.organisation, c.email])) for c in practice.contacts]
        about += [link.title for link in practice.links]
        about += [theme.replace("-", " ") for theme in practice.themes]
        documents.append(Document(practice.id, practice.title, practice.summary, about, practice.body))
    return documents


def instrument_documents(site: Site) -> list[Document]:
    """Everything an instrument card says, in the fields of the index."""
    documents = []
    for instrument in site.all("instruments"):
        about = [instrument.kind, instrument.core_element.title]
        about += [instrument.publisher] if instrument.publisher else []
        about += [region.name for region in instrument.regions]
        about += [link.title for link in instrument.links]
        documents.append(Document(instrument.id, instrument.title, instrument.summary, about, instrument.body or ""))
    return documents


#: Every index the site ships, by folder name.
INDEXES: dict[str, Callable[[Site], list[Document]]] = {
    "praktijken": practice_documents,
    "instrumenten": instrument_documents,
}


def build_files(documents: list[Document], synonyms: Synonyms | None = None) -> dict[str, Any]:
    """The index files (name → JSON-ready data) for ``documents``, with ``synonyms`` added."""
    terms = Terms()
    known = terms.cache.get
    # term -> field position -> {card: [count, first line]}
    postings: dict[str, list[dict[int, list[int]]]] = defaultdict(lambda: [{} for _ in INDEX_FIELDS])
    synonym_field = len(FIELDS)
    word_cards: Counter[str] = Counter()
    texts: list[list[list[str]]] = []
    for position, document in enumerate(documents):
        words_here: set[str] = set()
        excerpts: list[list[str]] = []
        line_terms: list[list[str]] = []  # every line's terms in order, for synonym phrases
        for number, index_field in enumerate(FIELDS):
            lines = document.lines(index_field.name)
            if index_field.excerpt:
                excerpts.append(lines)
            found: dict[str, list[int]] = {}
            for line_number, line in enumerate(lines):
                in_line: list[str] = []
                line_terms.append(in_line)
                for word in SEPARATOR.split(line.lower()):
                    if not word:
                        continue
                    words_here.add(word)
                    word_terms = known(word)
                    if word_terms is None:
                        word_terms = terms.of(word)
                    in_line += word_terms
                    for term in word_terms:
                        entry = found.get(term)
                        if entry is None:
                            found[term] = [1, line_number]
                        else:
                            entry[0] += 1
            for term, entry in found.items():
                postings[term][number][position] = entry
        held = synonyms.find(line_terms) if synonyms else []
        excerpts.append([found_synonym.term for found_synonym in held])
        for line_number, found_synonym in enumerate(held):
            for term in found_synonym.added_terms:
                postings[term][synonym_field].setdefault(position, [1, line_number])
        texts.append(excerpts)
        word_cards.update(
            word for word in map(dutch.trim, words_here) if _LETTERS.match(word) and word not in dutch.STOP_WORDS
        )

    shards: dict[str, dict[str, list[list[int]]]] = defaultdict(dict)
    for term in sorted(postings):
        rows = []
        for number, index_field in enumerate(INDEX_FIELDS):
            row: list[int] = []
            previous = 0
            for card in sorted(postings[term][number]):
                count, sentence = postings[term][number][card]
                row += [card - previous, count, sentence] if index_field.excerpt else [card - previous, count]
                previous = card
            rows.append(row)
        shards[shard_key(term)][term] = rows
    # Words as written that stem to another term ("samenwerking" → "samenwerk"), in the shard
    # of their own first letters: a word being typed ("samenwerkin") is a prefix of the word,
    # not of its stem, and must still find it.
    forms: dict[str, dict[str, str]] = defaultdict(dict)
    for word, word_terms in terms.cache.items():
        written = dutch.trim(word)
        if len(word_terms) == 1 and written and written != word_terms[0]:
            forms[shard_key(written)][written] = word_terms[0]
            shards.setdefault(shard_key(written), {})

    files: dict[str, Any] = {
        "index.json": {
            "version": FORMAT_VERSION,
            "fields": [{"name": f.name, "weight": f.weight, "excerpt": f.excerpt} for f in INDEX_FIELDS],
            "ids": [document.id for document in documents],
            "shards": sorted(shards),
            "bucket": BUCKET,
        },
        "woorden.json": {"words": [[word, count] for word, count in sorted(word_cards.items())]},
    }
    for key, shard in shards.items():
        files[f"t-{key}.json"] = {"terms": shard, "forms": dict(sorted(forms[key].items()))}
    for start in range(0, len(documents), BUCKET):
        files[f"x-{start // BUCKET}.json"] = {"texts": texts[start : start + BUCKET]}
    return files


def export_texts(documents: list[Document], synonyms: Synonyms | None = None) -> dict[str, str]:
    """The index files' texts (compact JSON) by file name. A plain function, so a worker process can run it."""
    return {
        name: json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        for name, data in build_files(documents, synonyms).items()
    }


class IndexBuilds:
    """Builds every catalogue index, in the build's worker process when there is one.

    Splitting thousands of bodies into sentences and terms takes seconds of pure Python; with
    a worker (worker.py) it runs on the machine's other core while MkDocs renders pages.
    """

    def __init__(self, site: Site, worker: Executor | None = None):
        self.documents = {name: collect(site) for name, collect in INDEXES.items()}
        self.synonyms = Synonyms(group.terms for group in site.catalogue.synonyms)
        self.futures: dict[str, Future[dict[str, str]]] = {}
        if worker is not None:
            self.futures = {
                name: worker.submit(export_texts, docs, self.synonyms) for name, docs in self.documents.items()
            }

    def write(self, site_dir: Path, folder_of: Callable[[str], str]) -> None:
        """Write every index into the built site, each into its own folder (waits for the worker)."""
        for name, documents in self.documents.items():
            texts = self.futures[name].result() if name in self.futures else export_texts(documents, self.synonyms)
            folder = site_dir / folder_of(name)
            folder.mkdir(parents=True, exist_ok=True)
            for file_name, text in texts.items():
                (folder / file_name).write_text(text, encoding="utf-8")

    def close(self) -> None:
        """Drop what the worker has not started (after a failed build)."""
        for future in self.futures.values():
            future.cancel()
        self.futures = {}
