"""Plain-language report for the programme team: per card, what makes its text hard to read.

Dutch government writing guidance (taalniveau B1) aims at sentences of about fifteen words and
at words readers know. For every card (practices, instruments, conversation cards, Kompas
background topics, lessons) this lists, with the file and line to edit:

- the sentences over ``LONG`` words;
- rare words: Dutch words that are uncommon in everyday language (wordfreq's Dutch list, Zipf
  frequency below ``RARE``), leaving out the site's own glossary terms and concepts, region and
  organisation names, people's names and other capitalised names;
- the average sentence length and the Flesch-Douma score (textstat with language ``nl``).

It is a report, not a gate: the team decides what to rewrite. Like linkrapport.md it is written
to a Markdown file (``leesbaarheid.md``); ``--json`` also writes the findings as data.

Usage: python scripts/leesbaarheid.py [--report leesbaarheid.md] [--json leesbaarheid.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kennisbank.readability import LONG

ROOT = Path(__file__).resolve().parents[1]
RARE = 2.5  # Zipf scale: 3 is about once per million words; 2.5 is rarer than most readers know
#: The card types and the fields whose text a reader reads.
CARD_FIELDS = {
    "practices": ("summary", "body"),
    "instruments": ("summary", "body"),
    "conversation_cards": ("theme", "body"),
    "background_topics": ("summary", "body"),
    "lessons": ("body",),
}
LIMITS = (
    "De Flesch-Douma-score is de Flesch-formule met Douma's aanpassing voor het Nederlands. Hij telt "
    "alleen zinslengte en lettergrepen (met de woordafbreking van Pyphen): lange samenstellingen als "
    "'jeugdbeschermingsmaatregel' drukken de score, terwijl vakgenoten ze goed kennen, en een tekst met "
    "korte maar vage zinnen kan hoog scoren. Gebruik hem om teksten onderling te vergelijken, niet als "
    "oordeel. Ruwe indicatie: boven 60 is goed leesbaar voor de meeste volwassenen, onder 30 is moeilijk. "
    "Zeldzame woorden komen uit de woordfrequenties van wordfreq (Nederlandse lijst): een woord dat daar "
    "zelden voorkomt kan in dit vak gewoon zijn; kijk of de lezer het kent of dat het wordt uitgelegd."
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


@dataclass
class Finding:
    """What one card's text asks of a reader."""

    card: str
    title: str
    file: str
    line: int
    sentences: int
    average: float
    flesch_douma: float | None
    long: list[tuple[int, int, str]] = field(default_factory=list)  # (line, words, sentence)
    rare: list[str] = field(default_factory=list)


def known_names(catalogue: Any) -> set[str]:
    """Words that are names or explained on the site, lower case: never "rare" for the report."""
    names: set[str] = set()

    def add(text: str | None) -> None:
        for word in _WORD.findall(text or ""):
            names.add(word.lower())

    for entry in catalogue.glossary:
        add(entry.term)
        add(entry.meaning)
    for concept in catalogue.concepts.values():
        for term in [concept.title, *concept.terms]:
            add(term)
    for topic in catalogue.background_topics.values():
        for term in [topic.title, *topic.terms]:
            add(term)
    for region in catalogue.regions.values():
        add(region.name)
    for core in catalogue.core_elements.values():
        add(core.title)
    for practice in catalogue.practices.values():
        for contact in practice.contacts:
            add(contact.name)
            add(contact.organisation)
    for instrument in catalogue.instruments.values():
        add(instrument.publisher)
    return names


def rare_words(text: str, known: set[str]) -> list[str]:
    """Uncommon Dutch words of ``text``, each once, in order of appearance."""
    from wordfreq import zipf_frequency

    from kennisbank.readability import sentences

    found: dict[str, None] = {}
    for sentence in sentences(text):
        for position, word in enumerate(_WORD.findall(sentence)):
            lower = word.lower()
            if lower in known or lower in found or len(lower) < 4:
                continue
            if word[0].isupper() and (position > 0 or word.isupper()):
                continue  # a name or an abbreviation, not a word a reader must know
            if word.isupper():
                continue
            parts = [part for part in re.split(r"[-'’]", lower) if part]
            if all(zipf_frequency(part, "nl") >= RARE for part in parts):
                continue
            found[lower] = None
    return list(found)


def flesch_douma(text: str) -> float | None:
    """textstat's Flesch reading ease in Dutch (Douma); ``None`` for a text without sentences."""
    import textstat

    from kennisbank.readability import plain_blocks

    plain = " ".join(block if block.endswith((".", "!", "?")) else block + "." for block in plain_blocks(text))
    if not plain.strip():
        return None
    textstat.set_lang("nl")
    return round(float(textstat.flesch_reading_ease(plain)), 1)


def _line_in(text: str, sentence: str, first_line: int) -> int:
    """The file line where ``sentence`` starts inside a field whose text starts at ``first_line``."""
    head = " ".join(sentence.split()[:4])
    flat, lines = [], []
    for offset, line in enumerate(text.splitlines()):
        for word in line.split():
            flat.append(word)
            lines.append(offset)
    words = head.split()
    for start in range(len(flat) - len(words) + 1):
        if [w.strip("*_[]()") for w in flat[start : start + len(words)]] == [w.strip("*_[]()") for w in words]:
            return first_line + lines[start]
    return first_line


def analyse(catalogue: Any, documents: dict[str, Any]) -> list[Finding]:
    """A finding per card with any text."""
    from kennisbank.readability import sentences, words

    known = known_names(catalogue)
    findings = []
    collections = {
        "practices": catalogue.practices,
        "instruments": catalogue.instruments,
        "conversation_cards": catalogue.conversation_cards,
        "background_topics": catalogue.background_topics,
        "lessons": catalogue.lessons,
    }
    for name, field_names in CARD_FIELDS.items():
        document = documents.get(name)
        for position, item in enumerate(collections[name].values()):
            texts = [(field_name, getattr(item, field_name) or "") for field_name in field_names]
            whole = "\n\n".join(text for _, text in texts if text)
            if not whole.strip():
                continue
            split = sentences(whole)
            lengths = [len(words(sentence)) for sentence in split]
            finding = Finding(
                card=item.id,
                title=item.title,
                file=document.file if document else f"data/{name}.yaml",
                line=document.line_of((position,)) if document else 1,
                sentences=len(split),
                average=round(sum(lengths) / len(lengths), 1) if lengths else 0.0,
                flesch_douma=flesch_douma(whole),
            )
            for field_name, text in texts:
                if not text:
                    continue
                key_line = document.line_of((position, field_name)) if document else 1
                first_line = key_line + 1 if "\n" in text else key_line
                for sentence in sentences(text):
                    count = len(words(sentence))
                    if count > LONG:
                        finding.long.append((_line_in(text, sentence, first_line), count, sentence))
            finding.rare = rare_words(whole, known)
            findings.append(finding)
    return findings


def report(findings: list[Finding]) -> str:
    """The Markdown report."""
    import datetime
    import statistics

    practices = [f for f in findings if f.file.endswith("practices.yaml")]
    lines = [
        "# Leesbaarheid van de kaarten",
        "",
        f"Gemaakt op {datetime.date.today().isoformat()} voor {len(findings)} kaarten. Dit rapport is een hulpmiddel, geen keuring.",
        "",
        f"- zinnen langer dan {LONG} woorden: {sum(len(f.long) for f in findings)}",
        f"- kaarten met zeldzame woorden: {sum(bool(f.rare) for f in findings)}",
    ]
    if practices:
        lines.append(f"- praktijken: mediaan {statistics.median(f.average for f in practices):.1f} woorden per zin")
    lines += ["", "## Over de maten", "", LIMITS, ""]
    lines += [
        "## Per kaart",
        "",
        "| kaart | staat in | woorden per zin | Flesch-Douma | lange zinnen | zeldzame woorden |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for f in sorted(findings, key=lambda f: (-len(f.long), -f.average)):
        score = "" if f.flesch_douma is None else f"{f.flesch_douma:.0f}"
        rare = ", ".join(f.rare[:8]) + (" …" if len(f.rare) > 8 else "")
        lines.append(
            f"| {f.title.replace('|', '/')} | `{f.file}:{f.line}` | {f.average:.1f} | {score} | {len(f.long)} | {rare} |"
        )
    long_ones = [(f, entry) for f in findings for entry in f.long]
    if long_ones:
        lines += ["", f"## Zinnen langer dan {LONG} woorden", ""]
        for f, (line, count, sentence) in long_ones:
            lines.append(f"- `{f.file}:{line}` ({f.title}, {count} woorden): {sentence}")
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--report", type=Path, default=ROOT / "leesbaarheid.md")
    parser.add_argument("--json", type=Path, default=None, help="schrijf de bevindingen ook als JSON")
    arguments = parser.parse_args()
    from kennisbank.catalogue import build_catalogue
    from kennisbank.content import ContentErrors, load_content

    try:
        content = load_content(arguments.data, display_prefix="data")
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    findings = analyse(build_catalogue(content), content.documents)
    arguments.report.write_text(report(findings), encoding="utf-8")
    if arguments.json:
        arguments.json.write_text(
            json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=1), encoding="utf-8"
        )
    long_count = sum(len(f.long) for f in findings)
    print(
        f"Rapport geschreven naar {arguments.report}: {long_count} lange zinnen, "
        f"{sum(bool(f.rare) for f in findings)} kaarten met zeldzame woorden."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
