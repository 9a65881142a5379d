"""The contrast table of the kennisbank's palette (docs/HUISSTIJL.md), computed from the stylesheet.

The palette lives in one ``:root`` block of ``plugins/kennisbank/assets/kennisbank.css``. This
script reads it, computes the WCAG 2.1 contrast ratio of every pair of colours the site puts
together, and prints the Markdown table that docs/HUISSTIJL.md holds. ``tests/test_face.py``
runs the same computation: a colour change that drops a pair below its minimum (4.5:1 for text,
3:1 for focus rings and field borders), or a table that no longer says what the stylesheet
does, fails the tests.

    .venv/bin/python scripts/contrast_table.py   # print the table to paste into HUISSTIJL.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parents[1] / "plugins" / "kennisbank" / "assets" / "kennisbank.css"

#: (foreground, background, where the site uses the pair, minimum ratio): every pair of colours
#: the site's own styles put together. A name is a custom property of the palette; #ffffff is
#: the page's white.
PAIRS: tuple[tuple[str, str, str, float], ...] = (
    ("--kb-ink", "#ffffff", "koppen", 4.5),
    ("--kb-ink", "--kb-surface", "de kop en het zoekvak van de startpagina", 4.5),
    ("--kb-link", "#ffffff", "links in lopende tekst", 4.5),
    ("--kb-link", "--kb-surface", "links in de lichte vlakken", 4.5),
    ("--kb-accent", "#ffffff", "een link onder de muis of met de focus", 4.5),
    ("--kb-focus", "#ffffff", "de focusrand op lichte grond", 3.0),
    ("--kb-muted", "#ffffff", "bijzaken: aantallen, datums, domeinen", 4.5),
    ("--kb-muted", "--kb-surface", "de toelichting onder het zoekvak", 4.5),
    ("--kb-tag-fg", "--kb-tag-bg", "labels (soort, fase)", 4.5),
    ("--kb-on-dark", "--kb-primary", "de kop van de site, tekst op knoppen", 4.5),
    ("--kb-on-dark-muted", "--kb-primary", "de zoekbalk in de kop", 4.5),
    ("--kb-focus-on-dark", "--kb-primary", "de focusrand in de kop en om de overslaglinks", 3.0),
    ("--kb-on-dark", "--kb-primary-dark", "de voettekst", 4.5),
    ("--kb-on-dark-muted", "--kb-primary-dark", "de kleine letters in de voettekst", 4.5),
    ("--kb-focus-on-dark", "--kb-primary-dark", "een link in de voettekst onder de muis, de focusrand", 4.5),
    ("--kb-primary", "#ffffff", "de rand van het zoekvak op de startpagina", 3.0),
)

_ROOT = re.compile(r"^:root \{(?P<body>.*?)^\}", re.MULTILINE | re.DOTALL)
_PROPERTY = re.compile(r"(--kb-[a-z-]+)\s*:\s*([^;]+);")


@dataclass(frozen=True)
class Pair:
    """Two colours of the palette as the site puts them together, with their contrast."""

    foreground: str
    background: str
    where: str
    minimum: float
    ratio: float

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum


def palette(css: str) -> dict[str, str]:
    """The palette's custom properties (``--kb-*``) as hex colours, ``var()`` references resolved."""
    found = _ROOT.search(css)
    if not found:
        raise ValueError("geen :root-blok met het palet in het stijlblad")
    raw = dict(_PROPERTY.findall(found.group("body")))

    def resolve(value: str) -> str:
        value = value.strip()
        reference = re.fullmatch(r"var\((--kb-[a-z-]+)\)", value)
        return resolve(raw[reference.group(1)]) if reference else value.lower()

    return {name: resolve(value) for name, value in raw.items() if resolve(value).startswith("#")}


def _luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    channels = [int(digits[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def pairs(css: str) -> list[Pair]:
    """Every pair of :data:`PAIRS` with its ratio under the stylesheet's palette."""
    colours = palette(css)

    def colour(name: str) -> str:
        return colours[name] if name.startswith("--") else name

    return [Pair(fg, bg, where, minimum, contrast(colour(fg), colour(bg))) for fg, bg, where, minimum in PAIRS]


def _label(name: str, colours: dict[str, str]) -> str:
    return f"`{name}` ({colours[name]})" if name.startswith("--") else f"wit ({name})"


def _dutch(number: float) -> str:
    return f"{number:.1f}".replace(".", ",")


def table(css: str) -> str:
    """The Markdown table of docs/HUISSTIJL.md."""
    colours = palette(css)
    lines = [
        "| voorgrond | achtergrond | waar | contrast | minimaal |",
        "| --- | --- | --- | --- | --- |",
    ]
    for pair in pairs(css):
        lines.append(
            f"| {_label(pair.foreground, colours)} | {_label(pair.background, colours)} | {pair.where} "
            f"| {_dutch(pair.ratio)}:1 | {_dutch(pair.minimum)}:1 |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(STYLESHEET.read_text(encoding="utf-8")), end="")
