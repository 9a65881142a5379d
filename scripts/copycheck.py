"""Find wording that data/ copies from the source documents: runs of 12 or more words in a row.

Facts carry over from the sources; sentences are the site's own. This check reads every text
field of data/*.yaml (with its file and line) and every source document in ../shared/seeds/,
and lists each run of at least ``MIN_RUN`` consecutive words that both share. Names, titles
and organisation lists may repeat the source: those phrases are listed, with the reason, in
scripts/copycheck_allow.yaml, and a run that lies within an allowed phrase is not reported.
Fields that name things rather than say something (titles, names, addresses: ``NOT_PROSE``)
and web addresses inside texts are left out.

Without the documents (a clone elsewhere) the check compares with their fingerprint,
``scripts/copycheck_sources.gz``: a hash of every run of words, no text.

Usage: python scripts/copycheck.py [--seeds ../shared/seeds] [--data data] [--write-fingerprint]
Exit status 1 when a run is found, 2 when neither the documents nor the fingerprint are there.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
#: The source documents: ../shared/seeds/ beside the checkout, or where KENNISBANK_SEEDS points.
DEFAULT_SEEDS = Path(os.environ.get("KENNISBANK_SEEDS") or ROOT.parent / "shared" / "seeds")
ALLOW_LIST = ROOT / "scripts" / "copycheck_allow.yaml"
FINGERPRINT = ROOT / "scripts" / "copycheck_sources.gz"
MIN_RUN = 12

# Text extraction of the PDFs mangles some letters; the same word must compare equal.
_MANGLED = {"€én": "één", "€e": "ë", "éxperimenteerd": "ëxperimenteerd"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_WEB_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+|\S+@\S+")
#: Fields that hold names of things, not sentences: a title or an address may repeat its source.
NOT_PROSE = frozenset({"title", "url", "name", "email", "organisation", "publisher", "term", "meaning", "id"})


def words(text: str) -> list[str]:
    """The words of ``text`` as compared: lower case, without accents, punctuation or markup."""
    for wrong, right in _MANGLED.items():
        text = text.replace(wrong, right)
    text = _WEB_ADDRESS.sub(" ", text)
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(character for character in plain if not unicodedata.combining(character))
    return _WORD.findall(plain)


@dataclass(frozen=True)
class Run:
    """A stretch of words that a data field shares with a source document."""

    file: str
    line: int
    field: str
    source: str
    source_line: int
    text: str

    @property
    def length(self) -> int:
        return len(self.text.split())

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.length} woorden gelijk aan {self.source}:{self.source_line}: “{self.text}”"


def _key(gram: tuple[str, ...]) -> str:
    """A run of words as a short hash: the fingerprint holds no text of the sources."""
    return hashlib.blake2b(" ".join(gram).encode("utf-8"), digest_size=6).hexdigest()


class SourceIndex:
    """Every run of ``MIN_RUN`` words of the source documents (as a hash), with where it starts.

    Made from the documents themselves, or from their fingerprint (``scripts/copycheck_sources.gz``,
    written with ``--write-fingerprint``), so that the check runs in every clone, also where the
    documents are not beside it; the test keeps the fingerprint current wherever they are."""

    def __init__(self, starts: dict[str, tuple[str, int]]):
        self.starts = starts

    @classmethod
    def from_seeds(cls, seeds: Path) -> SourceIndex:
        starts: dict[str, tuple[str, int]] = {}
        for document in sorted(seeds.glob("*.txt")):
            tokens: list[str] = []
            lines: list[int] = []
            for number, line in enumerate(document.read_text(encoding="utf-8").splitlines(), start=1):
                for word in words(line):
                    tokens.append(word)
                    lines.append(number)
            for position in range(len(tokens) - MIN_RUN + 1):
                starts.setdefault(_key(tuple(tokens[position : position + MIN_RUN])), (document.name, lines[position]))
        return cls(starts)

    @classmethod
    def from_fingerprint(cls, path: Path = FINGERPRINT) -> SourceIndex:
        starts = {}
        for row in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
            key, name, line = row.split("\t")
            starts[key] = (name, int(line))
        return cls(starts)

    def write_fingerprint(self, path: Path = FINGERPRINT) -> None:
        rows = "".join(f"{key}\t{name}\t{line}\n" for key, (name, line) in sorted(self.starts.items()))
        path.write_bytes(gzip.compress(rows.encode("utf-8"), mtime=0))

    def __contains__(self, gram: tuple[str, ...]) -> bool:
        return _key(gram) in self.starts

    def where(self, gram: tuple[str, ...]) -> tuple[str, int]:
        return self.starts[_key(gram)]


def _texts(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, (*path, index))


def runs_in(text: str, index: SourceIndex) -> Iterator[tuple[int, int]]:
    """(first word, word count) of every maximal run of ``text`` found in the sources."""
    tokens = words(text)
    start = None
    end = 0
    for position in range(len(tokens) - MIN_RUN + 1):
        if tuple(tokens[position : position + MIN_RUN]) in index:
            if start is None:
                start = position
            end = position + MIN_RUN
        elif start is not None and position >= end - MIN_RUN + 1:
            yield start, end - start
            start = None
    if start is not None:
        yield start, end - start


def load_allowed(path: Path = ALLOW_LIST) -> list[list[str]]:
    """The allowed phrases as word lists."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [words(entry["phrase"]) for entry in entries]


def _allowed(run: list[str], allowed: list[list[str]]) -> bool:
    """Whether every stretch of the run outside the allowed phrases is shorter than ``MIN_RUN``
    (a name list may stand in a sentence; the sentence around it must not be copied too)."""
    covered = [False] * len(run)
    for phrase in allowed:
        # The phrase may stand in the run, or the run (or its start or end) in the phrase.
        for start in range(-len(phrase) + 1, len(run)):
            overlap = [(i, start + i) for i in range(len(phrase)) if 0 <= start + i < len(run)]
            if (
                overlap
                and all(phrase[i] == run[j] for i, j in overlap)
                and (len(overlap) == len(phrase) or overlap[0][1] == 0 or overlap[-1][1] == len(run) - 1)
            ):
                for _, j in overlap:
                    covered[j] = True
    stretch = 0
    for is_covered in covered:
        stretch = 0 if is_covered else stretch + 1
        if stretch >= MIN_RUN:
            return False
    return True


def find_runs(data_dir: Path, seeds: Path | SourceIndex, allowed: list[list[str]] | None = None) -> list[Run]:
    """Every run in a text field of ``data_dir`` that the sources (a folder, or an index) share."""
    from kennisbank.content.yaml_source import field_name, load_yaml

    index = seeds if isinstance(seeds, SourceIndex) else SourceIndex.from_seeds(seeds)
    allowed = load_allowed() if allowed is None else allowed
    found = []
    for path in sorted(data_dir.glob("*.yaml")):
        document, _ = load_yaml(path, f"data/{path.name}")
        if document is None:
            continue
        for location, text in _texts(document.data, ()):
            if location and location[-1] in NOT_PROSE:
                continue
            tokens = words(text)
            for start, length in runs_in(text, index):
                run = tokens[start : start + length]
                if _allowed(run, allowed):
                    continue
                source, source_line = index.where(tuple(run[:MIN_RUN]))
                line = document.line_of(location)
                if "\n" in text:  # a block scalar: its text starts on the line after the key
                    line += 1 + _line_of_word(text, start)
                found.append(Run(document.file, line, field_name(location), source, source_line, " ".join(run)))
    return found


def _line_of_word(text: str, position: int) -> int:
    """How many lines into ``text`` its word number ``position`` stands."""
    seen = 0
    for offset, line in enumerate(text.splitlines()):
        seen += len(words(line))
        if seen > position:
            return offset
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--write-fingerprint", action="store_true", help=f"write {FINGERPRINT.name} from --seeds")
    arguments = parser.parse_args()
    has_seeds = any(arguments.seeds.glob("*.txt"))
    if arguments.write_fingerprint:
        if not has_seeds:
            print(f"FOUT: de brondocumenten ontbreken ({arguments.seeds}).", file=sys.stderr)
            return 2
        SourceIndex.from_seeds(arguments.seeds).write_fingerprint()
        print(f"{FINGERPRINT} geschreven.")
        return 0
    if not has_seeds and not FINGERPRINT.exists():
        print(
            f"FOUT: de brondocumenten ontbreken ({arguments.seeds}) en {FINGERPRINT.name} ook; "
            "zonder bronnen kan de controle niets vergelijken.",
            file=sys.stderr,
        )
        return 2
    if not has_seeds:
        print(f"De brondocumenten staan niet in {arguments.seeds}: vergeleken met hun vingerafdruk.", file=sys.stderr)
    runs = find_runs(arguments.data, arguments.seeds if has_seeds else SourceIndex.from_fingerprint())
    for run in runs:
        print(run)
    print(f"{len(runs)} stukken tekst van {MIN_RUN} of meer woorden gelijk aan de bronnen.", file=sys.stderr)
    return 1 if runs else 0


if __name__ == "__main__":
    sys.exit(main())
