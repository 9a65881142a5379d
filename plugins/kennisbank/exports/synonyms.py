"""Synonyms for searching: a card that says one word of a group is found by every other word.

Professionals search with their own words ("vechtscheiding") where the cards use others
("complexe scheiding", "conflictscheiding"). ``data/synonyms.yaml`` lists such groups; this
module finds, in a text, which group terms it contains, and says what to add to its index entry.

Why at index time and not by rewriting the query: both searches run lunr's model (the
catalogue's own split index and Material's site search), and lunr has no phrase queries.
Rewritten into an OR of the group's terms, "complexe scheiding" would turn into "complexe" or
"scheiding" and find every card with "complexe casuïstiek"; Material's search would also report
the added words as missing on every result. Here the build matches a phrase exactly, as
consecutive words of one sentence after the same Dutch pipeline (``dutch.py``) that makes the
index terms, and gives only the cards that contain it the group's other terms, in a field of
their own that is searched but never shown in a preview. The query code of both searches stays
as it is, a word being typed finds a synonym like any other term, and the index grows only by
the terms of the cards that hold a group term.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from . import dutch

#: Words to index terms (0 or 1 term per word; ``search_index.Terms.of`` or :func:`terms_of`).
TermsOf = Callable[[str], list[str]]


def terms_of(word: str) -> list[str]:
    """The index terms of one lower-case word: none for a stop word, else its stem."""
    term = dutch.stem(word)
    return [term] if term else []


def search_key(term: str, of: TermsOf = terms_of) -> tuple[str, ...]:
    """What the search makes of a word or phrase: its index terms in order. Two terms with the
    same key search the same (``vechtscheiding``, ``vechtscheidingen``)."""
    from .search_index import SEPARATOR  # the tokenizer's separator; search_index imports this module

    return tuple(found for word in SEPARATOR.split(term.lower()) if word for found in of(word))


@dataclass(frozen=True)
class Found:
    """A group term a text contains (the first one of its group), and the terms of the group's
    other words and phrases that the text gets as synonyms."""

    term: str
    added_terms: tuple[str, ...]
    added_words: tuple[str, ...]


class Synonyms:
    """The groups of ``data/synonyms.yaml`` (terms as written), ready to match texts.

    Picklable (plain tuples), so a build's worker process can use it for the catalogue index.
    """

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self.groups: tuple[tuple[str, ...], ...] = tuple(tuple(group) for group in groups if len(group) > 1)
        self.keys: tuple[tuple[tuple[str, ...], ...], ...] = tuple(
            tuple(search_key(term) for term in group) for group in self.groups
        )

    def __bool__(self) -> bool:
        return bool(self.groups)

    def might_hold(self, text: str) -> bool:
        """False only when ``text`` (a whole page section) can hold no group term: most of the
        sections of Material's site-search index. Turning every word of tens of thousands of
        sections into index terms to look for a handful of phrases was seconds of a large build.

        A term is its word with suffixes taken off, accents folded, a double vowel made single
        ("persoon" → "person") and "-heden" read as "-heid": in those terms (:func:`word_starts`)
        every stem stands at the start of a word of the text. A key that does not stand there
        whole cannot be in the text; the exact match (``find``) decides the rest."""
        starts = word_starts(text)
        return any(all(start in starts for start in key) for key in self._starts)

    @functools.cached_property
    def _starts(self) -> tuple[tuple[str, ...], ...]:
        """Every non-empty key as the word starts ``might_hold`` looks for (" " + plain stem)."""
        return tuple(tuple(" " + _plain(term) for term in key) for keys in self.keys for key in keys if key)

    def find(self, lines: Sequence[Sequence[str]]) -> list[Found]:
        """The groups whose terms stand in ``lines`` (each line: its index terms in order; a phrase
        does not run from one line into the next), in the order of the groups."""
        terms_here = {term for line in lines for term in line}
        found: list[Found] = []
        for group, keys in zip(self.groups, self.keys, strict=True):
            present = [
                index
                for index, key in enumerate(keys)
                if key and terms_here.issuperset(key) and any(_contains(line, key) for line in lines)
            ]
            others = [index for index in range(len(group)) if index not in present]
            if not present or not others:
                continue  # nothing of the group here, or every word of it already
            added = dict.fromkeys(term for index in others for term in keys[index])
            found.append(Found(group[present[0]], tuple(added), tuple(group[index] for index in others)))
        return found


#: What separates words for ``might_hold`` (anything but letters and digits).
_NOT_WORD = re.compile(r"[^\w]+|_")
#: The same for a text of ASCII only, as one table (a regular expression over every section
#: of a large site's index took most of the time this check is there to save).
_ASCII_NOT_WORD = str.maketrans({chr(code): " " for code in range(128) if not chr(code).isalnum()})
#: The accents of a decomposed text (NFD), which the Dutch stemmer folds away.
_ACCENTS = re.compile("[\u0300-\u036f]")
#: The double vowels the stemmer makes single before a consonant it leaves at the end.
_DOUBLE_VOWELS = ("aa", "ee", "oo", "uu")


def _plain(text: str) -> str:
    """Lower case, accents folded, double vowels single: the letters a stem and its word share."""
    plain = text.lower()
    if not plain.isascii():
        plain = _ACCENTS.sub("", unicodedata.normalize("NFD", plain))
    for double in _DOUBLE_VOWELS:
        plain = plain.replace(double, double[0])
    return plain


def word_starts(text: str) -> str:
    """``text`` as :meth:`Synonyms.might_hold` reads it: plain words (:func:`_plain`), each after
    a space, so that ``" " + stem in word_starts(text)`` holds for the stem of every word in it."""
    plain = _plain(text)
    plain = " " + (plain.translate(_ASCII_NOT_WORD) if plain.isascii() else _NOT_WORD.sub(" ", plain))
    return plain + plain.replace("heden", "heid") if "heden" in plain else plain


def _contains(line: Sequence[str], key: tuple[str, ...]) -> bool:
    """Whether ``key`` stands in ``line`` as consecutive terms."""
    size = len(key)
    return any(tuple(line[start : start + size]) == key for start in range(len(line) - size + 1))
