"""Sentences and words of a Dutch text, as a reader meets them: for plain-language checks.

Dutch government writing guidance (taalniveau B1) aims at sentences of about fifteen words.
This module only splits: a Markdown text into sentences (paragraphs, list items and headings
end a sentence; so do ``.``, ``!`` and ``?`` before a capital, but not the full stop of a
common abbreviation such as ``bijv.`` or ``o.a.``) and a sentence into words. The report that
uses it is ``scripts/leesbaarheid.py``; the build uses it for the team's review page.
"""

from __future__ import annotations

import re

#: Abbreviations whose full stop does not end a sentence (lower case, without the final stop).
#: A sentence longer than this many words is hard to read (make leesbaarheid, the review desk).
LONG = 25

ABBREVIATIONS = frozenset(
    [
        "bijv",
        "bv",
        "o.a",
        "d.w.z",
        "e.d",
        "e.a",
        "etc",
        "m.b.t",
        "t.a.v",
        "t.b.v",
        "i.s.m",
        "incl",
        "ca",
        "nr",
        "dr",
        "prof",
        "mr",
        "ir",
        "drs",
        "ing",
        "resp",
        "vs",
        "z.s.m",
        "m.n",
        "i.p.v",
        "a.d.h.v",
        "n.a.v",
        "o.b.v",
        "v.w.b",
        "mevr",
        "dhr",
        "jl",
        "st",
        "enz",
    ]
)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_MARKUP = re.compile(r"[*_`>#|]+")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_END = re.compile(r"([.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZÀ-Ý0-9])")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


def plain_blocks(markdown: str) -> list[str]:
    """The text's paragraphs, list items and headings as plain text, without markup or web addresses."""
    blocks: list[str] = []
    current: list[str] = []
    for line in markdown.splitlines():
        stripped = line.strip()
        heading = stripped.startswith("#")
        if not stripped or heading or _BLOCK_START.match(line):
            if current:
                blocks.append(" ".join(current))
            current = []
        if heading:
            blocks.append(stripped)  # a heading is a block of its own
        elif stripped:
            current.append(_BLOCK_START.sub("", stripped))
    if current:
        blocks.append(" ".join(current))
    cleaned = (_MARKUP.sub("", _URL.sub("", _LINK.sub(r"\1", block))).strip() for block in blocks)
    return [block for block in cleaned if words(block)]


def sentences(markdown: str) -> list[str]:
    """The sentences of a Markdown (or plain) text."""
    found: list[str] = []
    for block in plain_blocks(markdown):
        start = 0
        for match in _END.finditer(block):
            before = block[start : match.start(1)].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if match.group(1) == "." and (last in ABBREVIATIONS or len(last) == 1):
                continue  # "bijv. De ..." or an initial ("J. Jansen") does not end the sentence
            found.append(block[start : match.end(1)].strip())
            start = match.end()
        rest = block[start:].strip()
        if rest:
            found.append(rest)
    return [sentence for sentence in found if words(sentence)]


def words(text: str) -> list[str]:
    """The words of a text (a hyphenated compound is one word)."""
    return _WORD.findall(text)


def words_per_sentence(markdown: str) -> float:
    """Average sentence length in words (0 for a text without sentences)."""
    lengths = [len(words(sentence)) for sentence in sentences(markdown)]
    return sum(lengths) / len(lengths) if lengths else 0.0
