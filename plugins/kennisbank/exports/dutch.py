"""The Dutch lunr pipeline, identical to lunr-languages' ``lunr.nl`` in the browser.

lunr.py's own language support downloads NLTK data at build time, which fails offline and
in CI. So the pipeline is built here from the same parts as lunr.nl.js: its trimmer (by
word characters), its stop-word list and the Dutch *porter* Snowball stemmer (the newer
``dutch`` algorithm stems differently, and browser queries would then miss). The labels are
lunr.nl's, so lunr.js finds the matching functions when it loads the serialised index.
"""

from __future__ import annotations

import re
from typing import Any

import snowballstemmer
from lunr.pipeline import Pipeline

# Copied from lunr-languages 1.22.0 lunr.nl.js (lunr.nl.wordCharacters); digits are allowed too.
WORD_CHARACTERS = (
    "A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C\u1D62-\u1D65"
    "\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B\u2132\u214E\u2160-\u2188"
    "\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06"
    "\uFF21-\uFF3A\uFF41-\uFF5A"
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}0-9]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}0-9]+$")

# Copied from lunr-languages 1.22.0 lunr.nl.js (lunr.nl.stopWordFilter); a test keeps them equal.
STOP_WORDS = frozenset(
    "aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er "
    "ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon "
    "kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over "
    "reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt "
    "zal ze zelf zich zij zijn zo zonder zou".split()
)

_stemmer = snowballstemmer.stemmer("dutch_porter")


def trimmer(token: Any, i: int | None = None, tokens: list[Any] | None = None) -> Any:
    """Strip non-word characters at both ends, as ``lunr.nl.trimmer`` does."""
    return token.update(lambda text, metadata=None: _TRAILING.sub("", _LEADING.sub("", text)))


def stop_word_filter(token: Any, i: int | None = None, tokens: list[Any] | None = None) -> Any:
    """Drop Dutch stop words, as ``lunr.nl.stopWordFilter`` does (and tokens trimmed to nothing)."""
    text = str(token)
    return None if not text or text in STOP_WORDS else token


def stemmer(token: Any, i: int | None = None, tokens: list[Any] | None = None) -> Any:
    """Stem with the Dutch porter algorithm, as ``lunr.nl.stemmer`` does."""
    return token.update(lambda text, metadata=None: _stemmer.stemWord(text))


def trim(word: str) -> str:
    """A word without the non-word characters around it, as the trimmer leaves it."""
    return _TRAILING.sub("", _LEADING.sub("", word))


def stem(word: str) -> str:
    """One word through trimmer, stop words and stemmer ('' for a stop word): for tests and tools."""
    trimmed = _TRAILING.sub("", _LEADING.sub("", word.lower()))
    return "" if trimmed in STOP_WORDS else _stemmer.stemWord(trimmed)


Pipeline.register_function(trimmer, "trimmer-nl")
Pipeline.register_function(stop_word_filter, "stopWordFilter-nl")
Pipeline.register_function(stemmer, "stemmer-nl")
