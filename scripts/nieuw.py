"""Add a new practice to data/practices.yaml: asks what it needs, appends a valid entry.

The entry is appended as text, so the file's comments and the order of the other entries
stay exactly as they are. The id is made from the title and kept unique. Afterwards all
content is validated, with the same messages as `make check`; on a problem nothing changes.

Usage (asks for what is not given):
  python scripts/nieuw.py [--titel T] [--kernelement ID] [--regio ID ...] [--samenvatting S] [--beschrijving B]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import yaml

from kennisbank.content import ContentErrors, load_content
from kennisbank.content.fields import slugify
from kennisbank.content.messages import did_you_mean

ROOT = Path(__file__).resolve().parents[1]


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as a readable block (body: |)."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _text)


def ask(prompt: str, choices: dict[str, str] | None = None, many: bool = False) -> list[str] | str:
    """Ask until the answer is usable; with choices, accept an id, a name or a number."""
    while True:
        if choices:
            for number, (key, label) in enumerate(choices.items(), start=1):
                print(f"  {number:>2}. {label} ({key})")
        answer = input(f"{prompt}: ").strip()
        if not answer:
            print("  Vul iets in.")
            continue
        if not choices:
            return answer
        picked, problems = pick(answer, choices, many)
        if not problems:
            return picked if many else picked[0]
        for problem in problems:
            print(f"  {problem}")


def pick(answer: str, choices: dict[str, str], many: bool) -> tuple[list[str], list[str]]:
    """Ids for an answer like '3', 'groningen' or 'Hart van Brabant, 5'; and what is wrong."""
    picked, problems = [], []
    keys = list(choices)
    by_label = {slugify(label): key for key, label in choices.items()}
    for part in [part.strip() for part in (answer.split(",") if many else [answer])]:
        if part.isdigit() and 1 <= int(part) <= len(keys):
            picked.append(keys[int(part) - 1])
        elif part in choices:
            picked.append(part)
        elif slugify(part) in by_label:
            picked.append(by_label[slugify(part)])
        elif slugify(part) in choices:
            picked.append(slugify(part))
        else:
            problems.append(f"'{part}' ken ik niet{did_you_mean(slugify(part), keys)}")
    return list(dict.fromkeys(picked)), problems


def unique_id(title: str, taken: set[str]) -> str:
    base = slugify(title)[:60].rstrip("-") or "praktijk"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def entry_text(entry: dict) -> str:
    return yaml.dump(
        [entry], Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--titel")
    parser.add_argument("--kernelement")
    parser.add_argument("--regio", action="append")
    parser.add_argument("--samenvatting")
    parser.add_argument("--beschrijving")
    arguments = parser.parse_args()

    try:
        content = load_content(arguments.data)
    except ContentErrors as errors:
        print("Los eerst deze fouten op (make check):\n" + errors.report(), file=sys.stderr)
        return 1
    cores = {item.id: item.title for item in content["core_elements"]}
    regions = {item.id: item.name for item in content["regions"]}

    title = arguments.titel or ask("Titel van de praktijk")
    if arguments.kernelement:
        core, problems = pick(arguments.kernelement, cores, many=False)
    else:
        print("Kernelementen:")
        core, problems = [ask("Kernelement (nummer of id)", cores)], []
    if arguments.regio:
        chosen, more = pick(",".join(arguments.regio), regions, many=True)
        problems += more
    else:
        print("Regio's:")
        chosen = ask("Regio('s), gescheiden door komma's (nummer, naam of id)", regions, many=True)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    summary = arguments.samenvatting or ask("Samenvatting (één of twee zinnen)")
    body = arguments.beschrijving or ask("Beschrijving (één alinea; later aan te vullen in het bestand)")

    entry = {
        "id": unique_id(title, {item.id for item in content["practices"]}),
        "title": title,
        "core_element": core[0],
        "regions": chosen,
        "summary": summary,
        "body": body.rstrip() + "\n",
        "last_reviewed": datetime.date.today(),
    }
    practices = arguments.data / "practices.yaml"
    before = practices.read_text(encoding="utf-8")
    separator = "" if before.endswith("\n\n") else ("\n" if before.endswith("\n") else "\n\n")
    practices.write_text(before + separator + entry_text(entry), encoding="utf-8")
    try:
        load_content(arguments.data)
    except ContentErrors as errors:
        practices.write_text(before, encoding="utf-8")
        print("De nieuwe praktijk is niet toegevoegd:\n" + errors.report(), file=sys.stderr)
        return 1
    line = before.count("\n") + separator.count("\n") + 1
    print(f"Toegevoegd: {entry['id']} in data/practices.yaml (regel {line}).")
    print("Vul contactpersonen, links en de bron aan in het bestand; controleer met 'make check'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
