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
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65"
    "\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e\u2160-\u2188"
    "\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06"
    "\uff21-\uff3a\uff41-\uff5a"
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}0-9]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}0-9]+$")

# Copied from lunr-languages 1.22.0 lunr.nl.js (lunr.nl.stopWordFilter); a test keeps them equal.
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "alles",
        "als",
        "altijd",
        "andere",
        "ben",
        "bij",
        "daar",
        "dan",
        "dat",
        "de",
        "der",
        "deze",
        "die",
        "dit",
        "doch",
        "doen",
        "door",
        "dus",
        "een",
        "eens",
        "en",
        "er",
        "ge",
        "geen",
        "geweest",
        "haar",
        "had",
        "heb",
        "hebben",
        "heeft",
        "hem",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "iemand",
        "iets",
        "ik",
        "in",
        "is",
        "ja",
        "je",
        "kan",
        "kon",
        "kunnen",
        "maar",
        "me",
        "meer",
        "men",
        "met",
        "mij",
        "mijn",
        "moet",
        "na",
        "naar",
        "niet",
        "niets",
        "nog",
        "nu",
        "of",
        "om",
        "omdat",
        "onder",
        "ons",
        "ook",
        "op",
        "over",
        "reeds",
        "te",
        "tegen",
        "toch",
        "toen",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "want",
        "waren",
        "was",
        "wat",
        "werd",
        "wezen",
        "wie",
        "wil",
        "worden",
        "wordt",
        "zal",
        "ze",
        "zelf",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zonder",
        "zou",
    ]
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
