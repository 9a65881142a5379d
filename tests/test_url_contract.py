"""The URL contract (DESIGN.md): exactly these pages and feeds exist, computed from data/ alone.

Regions link and embed these addresses, so no refactoring may add, drop or move one: this test
lists every page the built site must have and fails on any difference, either way.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT


def _ids(name: str, key: str = "id") -> list:
    return [item[key] for item in yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8")) or []]


def expected_pages() -> set[str]:
    pages = {
        "",
        "praktijken/",
        "kernelementen/",
        "regio/",
        "kompas/",
        "instrumenten/",
        "geweldsprofielen/",
        "gesprekskaarten/",
        "basisprincipes/",
        "begrippen/",
        "insluiten/",
        "over/",
        "toegankelijkheid/",
        "redactie/",
        "embed/praktijken/",
        "nieuw/",
        "praktijken/dossier/",
        "instrumenten/dossier/",
    }
    pages |= {f"praktijken/{i}/" for i in _ids("practices.yaml")}
    pages |= {f"kernelementen/{i}/" for i in _ids("core_elements.yaml")}
    pages |= {f"kernelementen/{i}/dossier/" for i in _ids("core_elements.yaml")}
    practices = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
    pages |= {f"regio/{region}/dossier/" for practice in practices for region in practice["regions"]}
    pages |= {f"regio/{i}/" for i in _ids("regions.yaml")}
    pages |= {f"embed/regio/{i}/" for i in _ids("regions.yaml")}
    pages |= {f"instrumenten/{i}/" for i in _ids("instruments.yaml")}
    pages |= {f"kompas/stap-{n}/" for n in _ids("kompas_steps.yaml", "number")}
    pages |= {f"kompas/tools/{i}/" for i in _ids("kompas_tools.yaml")}
    pages |= {f"kompas/achtergrond/{i}/" for i in _ids("kompas_background.yaml")}
    pages |= {f"geweldsprofielen/{i}/" for i in _ids("violence_profiles.yaml")}
    pages |= {f"gesprekskaarten/{i}/" for i in _ids("conversation_cards.yaml")}
    # A renamed card keeps its old address (a page that leads on to the new one).
    for name, folder in (("practices.yaml", "praktijken"), ("instruments.yaml", "instrumenten")):
        items = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8")) or []
        pages |= {f"{folder}/{old}/" for item in items for old in item.get("previous_ids", [])}
    return pages


def expected_feeds() -> set[str]:
    feeds = {"api/v1/praktijken.json", "api/v1/praktijken.schema.json"}
    feeds |= {f"api/v1/regio/{i}.json" for i in _ids("regions.yaml")}
    feeds.add("api/v1/praktijken.atom")
    feeds |= {f"api/v1/regio/{i}.atom" for i in _ids("regions.yaml")}
    feeds |= {f"api/v1/kernelement/{i}.atom" for i in _ids("core_elements.yaml")}
    return feeds


def test_the_site_has_exactly_the_pages_of_the_url_contract(built_site: Path) -> None:
    built = {
        path.parent.relative_to(built_site).as_posix().removeprefix(".") + "/"
        if path.name == "index.html"
        else path.relative_to(built_site).as_posix()
        for path in built_site.rglob("*.html")
        if "assets" not in path.relative_to(built_site).parts
    }
    built = {page.lstrip("/") for page in built} - {"404.html"}
    expected = expected_pages()
    assert not expected - built, f"ontbreekt: {sorted(expected - built)}"
    assert not built - expected, f"niet in het contract: {sorted(built - expected)}"


def test_the_feeds_are_where_the_contract_says(built_site: Path) -> None:
    built = {path.relative_to(built_site).as_posix() for path in (built_site / "api").rglob("*") if path.is_file()}
    assert built == expected_feeds()
