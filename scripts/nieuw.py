"""Add a card of any type an editor adds: asks what it needs, appends a valid entry.

Types: praktijk, instrument, gesprekskaart, les, achtergrond (Kompas-achtergrond), regio.

Every answer is checked at once: a choice (core element, regions, kind) is taken by number, id or
name, with "bedoelde je ...?" for a typo. The entry is appended as text in the file's own style
(items at the margin, two-space fields, ``>-`` for a paragraph, ``|`` for Markdown, ``[a, b]``
for lists, a blank line between entries where the file has them), so the file's comments, its
schema line and every other entry stay exactly as they are: the diff is the new lines only. The
id is made from the title and kept unique. Afterwards all content is validated, with the same
messages as `make check`; on a problem nothing changes. It ends with `make check`'s verdict.

Usage (asks for what is not given; without a terminal, what is missing is an error):
  python scripts/nieuw.py [--type TYPE] [--titel T] [--kernelement ID] [--regio ID ...] ...
  make nieuw TYPE=instrument ARGS="--titel 'Werkkaart' --soort werkkaart ..."
"""

from __future__ import annotations

import argparse
import datetime
import sys
import textwrap
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kennisbank.content import ContentErrors, load_content
from kennisbank.content.fields import slugify
from kennisbank.content.messages import did_you_mean
from kennisbank.content.registry import BY_NAME
from kennisbank.views import reference_fields

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from check_content import verdict  # noqa: E402


class MissingAnswer(Exception):
    """An answer that is needed but not given (no terminal to ask on)."""


#: What to do when an answer is missing.
_ASK = "geef die optie mee, of start make nieuw in een terminal, dan vraagt het ernaar"


@dataclass(frozen=True)
class Question:
    """One field an editor fills in, and how it is asked, checked and written."""

    field: str
    option: str  # the Dutch command-line option, e.g. --kernelement
    prompt: str
    #: line: one line of text; paragraph: text written as >-; markdown: written as |;
    #: one / many: a choice from a vocabulary; terms: words separated by commas.
    shape: str


@dataclass(frozen=True)
class Scaffold:
    """A type an editor adds: its content type and the questions, in the order they are asked."""

    content_type: str
    label: str
    questions: tuple[Question, ...]
    #: Filled in without asking: the review date of a new practice is today.
    today_fields: tuple[str, ...] = ()

    @property
    def title_field(self) -> str:
        return self.questions[0].field


TITLE = Question("title", "titel", "Titel", "line")
CORE = Question("core_element", "kernelement", "Kernelement (nummer, naam of id)", "one")
REGIONS = Question("regions", "regio", "Regio('s), gescheiden door komma's (nummer, naam of id)", "many")
SUMMARY = Question("summary", "samenvatting", "Samenvatting (één of twee zinnen)", "paragraph")
BODY = Question("body", "beschrijving", "Beschrijving (één alinea; later aan te vullen in het bestand)", "markdown")

SCAFFOLDS: dict[str, Scaffold] = {
    "praktijk": Scaffold("practices", "praktijk", (TITLE, CORE, REGIONS, SUMMARY, BODY), ("last_reviewed",)),
    "instrument": Scaffold(
        "instruments",
        "instrument",
        (TITLE, Question("kind", "soort", "Soort (nummer of naam)", "one"), CORE, REGIONS, SUMMARY, BODY),
    ),
    "gesprekskaart": Scaffold(
        "conversation_cards",
        "gesprekskaart",
        (TITLE, Question("theme", "thema", "Thema (één zin)", "paragraph"), BODY),
    ),
    "les": Scaffold("lessons", "les", (TITLE, REGIONS, CORE, BODY)),
    "achtergrond": Scaffold(
        "background_topics",
        "Kompas-achtergrond",
        (
            TITLE,
            Question("terms", "termen", "Termen die ernaar verwijzen, gescheiden door komma's", "terms"),
            SUMMARY,
            BODY,
        ),
    ),
    "regio": Scaffold(
        "regions",
        "regio",
        (
            Question("name", "naam", "Naam van de regio", "line"),
            Question("kind", "soort", "Soort (nummer of naam)", "one"),
            Question("description", "omschrijving", "Omschrijving (één alinea)", "paragraph"),
        ),
    ),
}


def vocabulary(scaffold: Scaffold, field: str, content: Any) -> dict[str, str]:
    """The choices for a field, ``{id: label}``: the items of the type it refers to, or the
    values its model allows (a ``Literal``)."""
    model = BY_NAME[scaffold.content_type].model
    target = reference_fields(model).get(field)
    if target is not None:
        kind = target[0]
        return {str(getattr(item, BY_NAME[kind].key)): _label(item) for item in content[kind]}
    annotation = model.model_fields[field].annotation
    for candidate in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(candidate) is typing.Literal:
            return {value: value for value in typing.get_args(candidate)}
    raise ValueError(f"{field} heeft geen keuzelijst")


def _label(item: Any) -> str:
    return str(getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "id", ""))


def pick(answer: str, choices: dict[str, str], many: bool) -> tuple[list[str], list[str]]:
    """Ids for an answer like '3', 'groningen' or 'Hart van Brabant, 5'; and what is wrong."""
    picked, problems = [], []
    keys = list(choices)
    by_label = {slugify(label): key for key, label in choices.items()}
    for part in [part.strip() for part in (answer.split(",") if many else [answer])]:
        if not part:
            continue
        if part.isdigit() and 1 <= int(part) <= len(keys):
            picked.append(keys[int(part) - 1])
        elif part in choices:
            picked.append(part)
        elif slugify(part) in by_label:
            picked.append(by_label[slugify(part)])
        elif slugify(part) in choices:
            picked.append(slugify(part))
        else:
            hint = did_you_mean(slugify(part), keys)
            if not hint:  # nothing close: say what there is (or how to see it)
                hint = f"; kies uit: {', '.join(keys)}" if len(keys) <= 15 else "; kies een nummer of id uit de lijst"
            problems.append(f"'{part}' ken ik niet{hint}")
    if not picked and not problems:
        problems.append("kies er minstens één")
    return list(dict.fromkeys(picked)), problems


def check_answer(question: Question, answer: str, choices: dict[str, str] | None) -> tuple[Any, list[str]]:
    """The value of an answer for its field, or the problems with it (in Dutch)."""
    answer = answer.strip()
    if not answer:
        return None, ["vul iets in"]
    if question.shape in ("one", "many"):
        assert choices is not None
        picked, problems = pick(answer, choices, question.shape == "many")
        return (picked if question.shape == "many" else (picked[0] if picked else None)), problems
    if question.shape == "terms":
        terms = [term.strip() for term in answer.split(",") if term.strip()]
        return terms, [] if terms else ["vul minstens één term in"]
    if question.shape == "markdown":
        return answer.replace("\\n", "\n").rstrip() + "\n", []
    return " ".join(answer.split()), []


def ask(question: Question, choices: dict[str, str] | None, read: Callable[[str], str]) -> Any:
    """Ask until the answer is usable."""
    while True:
        if choices:
            for number, (key, label) in enumerate(choices.items(), start=1):
                print(f"  {number:>2}. {label} ({key})" if label != key else f"  {number:>2}. {key}")
        try:
            answer = read(f"{question.prompt}: ")
        except EOFError:
            raise MissingAnswer(f"--{question.option} ontbreekt; {_ASK}") from None
        value, problems = check_answer(question, answer, choices)
        if not problems:
            return value
        for problem in problems:
            print(f"  {problem}")


def unique_id(title: str, taken: set[str], fallback: str) -> str:
    base = slugify(title)[:60].rstrip("-") or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _scalar(value: Any) -> str:
    """A value as one plain or quoted YAML scalar, as PyYAML would write it."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    text = text.removesuffix("\n...\n").strip()
    if text[:1] in ("'", '"'):  # needs quotes: double ones, as the content files write them
        text = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_style='"').removesuffix("\n...\n").strip()
    return text


def entry_text(fields: list[tuple[str, Any, str]]) -> str:
    """The entry in the content files' style: ``- field:`` at the margin, two-space fields,
    ``>-`` for a paragraph (wrapped at 100 columns), ``|`` for Markdown, ``[a, b]`` for lists."""
    lines = []
    for index, (name, value, shape) in enumerate(fields):
        lead = f"{'- ' if index == 0 else '  '}{name}:"
        if shape == "markdown":
            lines.append(f"{lead} |")
            lines += [f"    {row}" if row else "" for row in value.rstrip("\n").split("\n")]
        elif shape == "paragraph":
            lines.append(f"{lead} >-")
            lines += textwrap.wrap(
                value, width=100, initial_indent="    ", subsequent_indent="    ", break_on_hyphens=False
            )
        elif isinstance(value, list):
            lines.append(f"{lead} [{', '.join(_scalar(item) for item in value)}]")
        else:
            lines.append(f"{lead} {_scalar(value)}")
    return "\n".join(lines) + "\n"


def separator_for(text: str) -> str:
    """What goes between the file's end and the new entry: a blank line where the file puts one
    between its entries, else a line break (nothing the file already ends with is removed)."""
    if not text.strip():
        return ""
    gap = 2 if "\n\n- " in text else 1
    ending = len(text) - len(text.rstrip("\n"))
    return "\n" * max(0, gap - ending)


def choose_type(given: str | None, read: Callable[[str], str]) -> Scaffold:
    names = list(SCAFFOLDS)
    if given is None:
        print("Wat voeg je toe?")
        for number, name in enumerate(names, start=1):
            print(f"  {number}. {SCAFFOLDS[name].label}")
        while True:
            try:
                given = read("Soort kaart (nummer of naam): ").strip()
            except EOFError:
                raise MissingAnswer(f"--type ontbreekt; {_ASK}") from None
            if given.isdigit() and 1 <= int(given) <= len(names):
                return SCAFFOLDS[names[int(given) - 1]]
            if slugify(given) in SCAFFOLDS:
                return SCAFFOLDS[slugify(given)]
            print(f"  '{given}' ken ik niet{did_you_mean(slugify(given), names)}")
    if slugify(given) not in SCAFFOLDS:
        raise MissingAnswer(
            f"soort '{given}' ken ik niet{did_you_mean(slugify(given), names)}; kies uit {', '.join(names)}"
        )
    return SCAFFOLDS[slugify(given)]


def options() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--type", help=f"soort kaart: {', '.join(SCAFFOLDS)}")
    seen = set()
    for scaffold in SCAFFOLDS.values():
        for question in scaffold.questions:
            if question.option not in seen:
                seen.add(question.option)
                many = question.shape == "many"
                parser.add_argument(f"--{question.option}", action="append" if many else "store")
    return parser


def main(argv: list[str] | None = None, read: Callable[[str], str] = input) -> int:
    arguments = options().parse_args(argv)
    try:
        content = load_content(arguments.data)
    except ContentErrors as errors:
        print("Los eerst deze fouten op (make check):\n" + errors.report(), file=sys.stderr)
        return 1
    try:
        # Practice options without --type: a practice, as `make nieuw` did before it knew types.
        given = arguments.type or ("praktijk" if arguments.titel and arguments.kernelement else None)
        scaffold = choose_type(given, read)
        values: dict[str, Any] = {}
        for question in scaffold.questions:
            choices = vocabulary(scaffold, question.field, content) if question.shape in ("one", "many") else None
            given_value = getattr(arguments, question.option)
            if given_value is not None:
                answer = ", ".join(given_value) if isinstance(given_value, list) else given_value
                value, problems = check_answer(question, answer, choices)
                if problems:
                    print("\n".join(f"--{question.option}: {problem}" for problem in problems), file=sys.stderr)
                    return 1
            else:
                if choices and question.shape in ("one", "many"):
                    print(f"{question.prompt.split(' (')[0]}:")
                value = ask(question, choices, read)
            values[question.field] = value
    except MissingAnswer as missing:
        print(f"Niets toegevoegd: {missing}.", file=sys.stderr)
        return 1

    content_type = BY_NAME[scaffold.content_type]
    taken = {str(getattr(item, content_type.key)) for item in content[scaffold.content_type]}
    fields: list[tuple[str, Any, str]] = [
        ("id", unique_id(values[scaffold.title_field], taken, scaffold.content_type), "line")
    ]
    fields += [(question.field, values[question.field], question.shape) for question in scaffold.questions]
    fields += [(name, datetime.date.today(), "line") for name in scaffold.today_fields]

    target = arguments.data / content_type.file
    before = target.read_text(encoding="utf-8")
    separator = separator_for(before)
    target.write_text(before + separator + entry_text(fields), encoding="utf-8")
    try:
        load_content(arguments.data)
    except ContentErrors as errors:
        target.write_text(before, encoding="utf-8")
        print(f"De nieuwe {scaffold.label} is niet toegevoegd:\n" + errors.report(), file=sys.stderr)
        return 1
    line = (before + separator).count("\n") + 1
    print(f"Toegevoegd: {fields[0][1]} in data/{content_type.file} (regel {line}).")
    print("Vul de rest aan in het bestand; welke velden er zijn, staat in data/README.md.")
    ok, message = verdict(arguments.data)
    print(message)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
