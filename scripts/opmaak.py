"""One style for the YAML files in data/, kept by a tool: `make opmaak` writes it, `make lint`
(and so CI and the pre-commit hook) checks it.

Usage: python scripts/opmaak.py [--check] [FILE ...]   (default: data/*.yaml)

The style is the one the files are written in, with the loose ends tied:

- line breaks are ``\\n``; no spaces at the end of a line; the file ends with one line break;
- never two blank lines in a row, and one blank line between two entries of a list at the
  margin (``- id: ...``), so every entry reads as a block;
- two spaces before a comment after a value (``core_element: x  # waarom``).

It works on the lines, not by writing the YAML anew: comments, the schema line, quotes, the
``>-`` and ``|`` blocks and the order of everything stay as they are, so a change touches only the
lines it means to. (Writing the files anew with ruamel.yaml moved comments and indented the
entries; yamlfix, built on it, indented Markdown headings inside ``|`` blocks.) Inside a block of
text nothing is changed. Before a file is written, its data is compared with what it was
(PyYAML) and its comments with the comments it had; if anything differs, the file is left alone
and the line that would change is named.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

#: A value followed by a comment: at least one space, then ``#`` (a ``#`` inside a word or URL is
#: not a comment in YAML). Quoted values are left alone (a ``#`` can be part of them).
_INLINE_COMMENT = re.compile(r"^(?P<value>[^#'\"]*?\S)[ ]+(?P<comment>#.*)$")
#: A line that starts a block of text: ``key: |``, ``key: >-``, ``- |`` and so on.
_BLOCK_START = re.compile(r"(?:^|:\s|-\s)[|>][-+0-9]*\s*(?:#.*)?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _opens_block(line: str) -> bool:
    """Whether ``line`` starts a block of text (``key: |``, ``- >-``), a comment after it aside."""
    return bool(_BLOCK_START.search(line.split(" #")[0]))


def _in_block(line: str, block_indent: int | None) -> bool:
    """Whether ``line`` belongs to the block of text opened at ``block_indent`` (if any)."""
    return block_indent is not None and (line.strip() == "" or _indent(line) > block_indent)


def formatted(text: str) -> str:
    """``text`` in the house style (see the module docstring)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    block_indent: int | None = None  # inside a block of text: the indentation of the key that opened it
    after_comment = False  # the last line written was a comment (not text inside a block)
    earlier_entry = False  # an entry at the margin was written already
    for raw in lines:
        if _in_block(raw, block_indent):
            out.append(raw)
            after_comment = False
            continue
        line = raw.rstrip(" \t")
        if block_indent is not None:
            block_indent = None
            while out and out[-1].strip() == "" and out[-1] != "":
                out[-1] = ""  # the block's trailing whitespace-only lines are blank lines (clipped anyway)
        if not line.strip():
            if out and out[-1] == "":
                continue  # never two blank lines in a row
            out.append("")
            continue
        if line.startswith("- "):
            if out and out[-1] != "" and not after_comment and earlier_entry:
                out.append("")  # a blank line between two entries at the margin
            earlier_entry = True
        after_comment = line.lstrip().startswith("#")
        match = _INLINE_COMMENT.match(line)
        if match and not line.lstrip().startswith("#") and ": " in match["value"] + " ":
            line = f"{match['value']}  {match['comment']}"
        out.append(line)
        if _opens_block(line):
            block_indent = _indent(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def comments(text: str) -> list[str]:
    """The comments of a YAML file: whole-line ones and those after a value, not ``#`` inside a
    block of text or a quoted value (PyYAML's scanner drops comments, so they are read here)."""
    found = []
    block_indent: int | None = None
    for line in text.split("\n"):
        if _in_block(line, block_indent):
            continue
        block_indent = None
        stripped = line.lstrip()
        if stripped.startswith("#"):
            found.append(stripped)
        else:
            match = _INLINE_COMMENT.match(line.rstrip())
            if match and ": " in match["value"] + " ":
                found.append(match["comment"])
        if _opens_block(line):
            block_indent = _indent(line)
    return found


def first_difference(before: str, after: str) -> int:
    """The first line (1-based) where two texts differ."""
    for number, (old, new) in enumerate(zip(before.split("\n"), after.split("\n"), strict=False), start=1):
        if old != new:
            return number
    return min(before.count("\n"), after.count("\n")) + 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="alleen controleren; niets schrijven")
    parser.add_argument("files", nargs="*", type=Path)
    arguments = parser.parse_args()
    files = arguments.files or sorted((ROOT / "data").glob("*.yaml"))
    unformatted, refused = [], []
    for path in files:
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        before = path.read_bytes().decode("utf-8")  # not read_text: it would hide \r\n
        after = formatted(before)
        if after == before:
            continue
        plain = before.replace("\r\n", "\n").replace("\r", "\n")
        try:
            same = yaml.safe_load(before) == yaml.safe_load(after) and comments(plain) == comments(after)
        except yaml.YAMLError:
            same = False
        if not same:
            refused.append(
                f"{name}:{first_difference(plain, after)}: opmaken zou hier de inhoud of een opmerking "
                "veranderen; pas de regel met de hand aan (make check zegt wat er mis is)"
            )
            continue
        unformatted.append(f"{name}:{first_difference(plain, after) if plain != after else 1}")
        if not arguments.check:
            path.write_bytes(after.encode("utf-8"))
    for problem in refused:
        print(problem, file=sys.stderr)
    if arguments.check and unformatted:
        print("Niet in de afgesproken opmaak (draai 'make opmaak'):\n  " + "\n  ".join(unformatted), file=sys.stderr)
        return 1
    if unformatted:
        print("Opgemaakt: " + ", ".join(entry.split(":")[0] for entry in unformatted))
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
