"""Deterministic synthetic practices for benchmarks: valid against the real schema.

Real core elements and regions, Dutch-like text built from a fixed vocabulary, several
regions and contacts per card. The same N and seed always give the same files.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

_WORDS = [
    "gezin",
    "huishouden",
    "veiligheid",
    "samenwerking",
    "lokaal",
    "team",
    "regio",
    "proeftuin",
    "ouders",
    "kinderen",
    "jeugd",
    "hulp",
    "ondersteuning",
    "bescherming",
    "werkwijze",
    "aanpak",
    "netwerk",
    "professional",
    "ervaringsdeskundige",
    "gemeente",
    "casus",
    "regie",
    "overleg",
    "analyse",
    "verklarende",
    "plan",
    "afspraken",
    "signalen",
    "zorg",
    "ggz",
    "verslaving",
    "schulden",
    "scheiding",
    "geweld",
    "huiselijk",
    "kindermishandeling",
    "herstel",
    "leren",
    "evaluatie",
    "training",
    "coaching",
    "handelingskader",
    "uitvoering",
    "beleid",
    "bestuur",
    "expertise",
    "consultatie",
    "advies",
    "instroom",
    "uitstroom",
    "vertrouwen",
    "eenvoud",
    "transparant",
    "rechtsbescherming",
    "systeemgericht",
    "domeinoverstijgend",
]
_VERBS = [
    "versterkt",
    "verbetert",
    "ondersteunt",
    "organiseert",
    "verbindt",
    "ontwikkelt",
    "bespreekt",
    "onderzoekt",
    "begeleidt",
]
_FIRST = [
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Eva",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jan",
    "Karim",
    "Lotte",
    "Mohamed",
    "Noor",
    "Pieter",
    "Sanne",
]
_LAST = [
    "Jansen",
    "de",
    "Vries",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de",
    "Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
]


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    chosen.insert(min(2, len(chosen)), rng.choice(_VERBS))
    return " ".join(chosen).capitalize() + "."


def practices(count: int, seed: int = 2026) -> list[dict]:
    """``count`` practices as YAML-ready dicts."""
    rng = random.Random(seed)
    core = [item["id"] for item in yaml.safe_load((ROOT / "data" / "core_elements.yaml").read_text(encoding="utf-8"))]
    regions = [item["id"] for item in yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))]
    items = []
    for number in range(count):
        title_words = [rng.choice(_WORDS) for _ in range(rng.randint(2, 5))]
        contacts = []
        for _ in range(rng.randint(1, 3)):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            contacts.append(
                {
                    "name": f"{first} {last}",
                    "email": f"{first.lower()}.{last.lower().replace(' ', '')}@gemeente{rng.randint(1, 400)}.nl",
                    "organisation": f"Gemeente {rng.choice(_WORDS).capitalize()}",
                }
            )
        items.append(
            {
                "id": f"praktijk-{number:05d}-{'-'.join(title_words[:2])}",
                "title": " ".join(title_words).capitalize() + f" {number}",
                "core_element": rng.choice(core),
                "regions": rng.sample(regions, rng.randint(1, 3)),
                "summary": _sentence(rng, rng.randint(10, 18)) + " " + _sentence(rng, rng.randint(6, 12)),
                "body": "\n\n".join(
                    " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 4)))
                    for _ in range(rng.randint(2, 4))
                ),
                "contacts": contacts,
                "links": [{"title": "Meer informatie", "url": f"https://www.voorbeeld.nl/praktijk/{number}"}],
                "source": "best-practices-2025",
                "last_reviewed": "2026-11-22",
            }
        )
    return items


def write_project(destination: Path, count: int, seed: int = 2026) -> Path:
    """A copy of the site sources whose practices.yaml holds ``count`` synthetic practices.

    References from other content to real practices are dropped, since those cards are gone.
    """
    if destination.exists():
        shutil.rmtree(destination)
    for part in ("content", "data", "overrides"):
        shutil.copytree(ROOT / part, destination / part)
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    data = destination / "data"
    text = yaml.safe_dump(practices(count, seed), allow_unicode=True, sort_keys=False, width=100)
    (data / "practices.yaml").write_text(
        text.replace("last_reviewed: '2026-11-22'", "last_reviewed: 2026-11-22"), encoding="utf-8"
    )
    _drop_practice_references(data)
    return destination


def _drop_practice_references(data: Path) -> None:
    steps = yaml.safe_load((data / "kompas_steps.yaml").read_text(encoding="utf-8"))
    for step in steps:
        step.pop("editorial", None)
        for block in step.get("blocks", []):
            if block.get("practice"):
                block.pop("practice")
                block.setdefault("text", block["title"])
    (data / "kompas_steps.yaml").write_text(
        yaml.safe_dump(steps, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    profiles = yaml.safe_load((data / "violence_profiles.yaml").read_text(encoding="utf-8"))
    for profile in profiles:
        profile["practices"] = []
        if profile.get("editorial"):
            profile["editorial"]["practices"] = []
    (data / "violence_profiles.yaml").write_text(
        yaml.safe_dump(profiles, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    instruments = yaml.safe_load((data / "instruments.yaml").read_text(encoding="utf-8"))
    for instrument in instruments:
        instrument.pop("practice", None)
    (data / "instruments.yaml").write_text(
        yaml.safe_dump(instruments, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


if __name__ == "__main__":
    import sys

    target = write_project(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"{sys.argv[2]} praktijken geschreven naar {target}")
