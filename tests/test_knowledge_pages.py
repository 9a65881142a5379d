"""The other kinds of knowledge on the built site, and the links between them both ways."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from html_tools import card_ids, elements, page


def data(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def hrefs(site: Path, url: str) -> set[str]:
    """Every link target on a page, resolved to a site-relative URL."""
    import posixpath

    found = set()
    for tag, attrs in elements(page(site, url).read_text(encoding="utf-8")):
        href = attrs.get("href", "")
        if tag == "a" and href and "://" not in href and not href.startswith(("mailto:", "#")):
            target = posixpath.normpath(posixpath.join(url, href.split("#")[0]))
            found.add("" if target == "." else target.rstrip("/") + "/")
    return found


STEPS, TOOLS, PHASES = data("kompas_steps.yaml"), data("kompas_tools.yaml"), data("kompas_phases.yaml")
PROFILES, INSTRUMENTS = data("violence_profiles.yaml"), data("instruments.yaml")
CARDS, PRINCIPLES, GLOSSARY = data("conversation_cards.yaml"), data("principles.yaml"), data("glossary.yaml")


def test_content_is_complete() -> None:
    assert [step["number"] for step in STEPS] == list(range(1, 9))
    assert [phase["id"] for phase in PHASES] == ["voorbereiding", "analyse", "ambitie", "strategie", "implementatie"]
    assert len(PROFILES) == 5 and len(CARDS) == 6
    assert {"intieme-terreur", "complexe-conflictscheiding"} <= {profile["id"] for profile in PROFILES}
    tool_titles = " ".join(tool["title"].lower() for tool in TOOLS)
    for name in (
        "netwerk in kaart",
        "governance",
        "plan van aanpak",
        "klantreis",
        "rapportage",
        "waarderende interviews",
        "indicatoren",
        "activiteitenplan",
        "imwr",
    ):
        assert name in tool_titles, name


def test_kompas_overview_shows_phases_actors_and_every_step(built_site: Path) -> None:
    html = page(built_site, "kompas/").read_text(encoding="utf-8")
    for phase in PHASES:
        assert f'id="{phase["id"]}"' in html
    assert "kompas/stap-1/" in hrefs(built_site, "kompas/") and "kompas/stap-8/" in hrefs(built_site, "kompas/")
    assert html.count("Wie is aan zet") == len(PHASES)


@pytest.mark.parametrize("step", STEPS, ids=lambda step: f"stap-{step['number']}")
def test_step_page_has_its_blocks_and_neighbours(step: dict, built_site: Path) -> None:
    url = f"kompas/stap-{step['number']}/"
    html = page(built_site, url).read_text(encoding="utf-8")
    links = hrefs(built_site, url)
    for block in step.get("blocks", []):
        assert f"kb-block kb-block--{block['type']}" in html
        if block.get("practice"):
            assert f"praktijken/{block['practice']}/" in links
        if block.get("tool"):
            assert f"kompas/tools/{block['tool']}/" in links
    if step["number"] > 1:
        assert f"kompas/stap-{step['number'] - 1}/" in links
    if step["number"] < 8:
        assert f"kompas/stap-{step['number'] + 1}/" in links
    # never a dead end: a practice card is one click away
    assert any(link.startswith("praktijken/") and link != "praktijken/" for link in links)


def test_practice_cards_link_back_to_steps_and_profiles(built_site: Path) -> None:
    for step in STEPS:
        for block in step.get("blocks", []):
            if block.get("practice"):
                assert f"kompas/stap-{step['number']}/" in hrefs(built_site, f"praktijken/{block['practice']}/")
    for profile in PROFILES:
        editorial = profile.get("editorial", {}).get("practices", [])
        for practice in profile.get("practices", []) + editorial:
            assert f"geweldsprofielen/{profile['id']}/" in hrefs(built_site, f"praktijken/{practice}/")
        for practice in editorial:  # the card says the link is the editors' choice, not the source's
            html = page(built_site, f"praktijken/{practice}/").read_text(encoding="utf-8")
            line = html[html.index(f"geweldsprofielen/{profile['id']}/") :]
            assert "(keuze van de redactie)" in line[: line.index("</li>")]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda profile: profile["id"])
def test_profile_lists_its_practices_and_instruments(profile: dict, built_site: Path) -> None:
    url = f"geweldsprofielen/{profile['id']}/"
    editorial = profile.get("editorial", {})
    assert card_ids(page(built_site, url)) == profile.get("practices", []) + editorial.get("practices", [])
    html = page(built_site, url).read_text(encoding="utf-8")
    if editorial.get("practices") or editorial.get("instruments"):
        chosen = html[html.index('id="past-bij"') :]
        assert "Past bij (keuze van de redactie)" in chosen
        for practice in editorial.get("practices", []):
            assert f"praktijken/{practice}/" in chosen
    links = hrefs(built_site, url)
    for instrument in profile.get("instruments", []) + editorial.get("instruments", []):
        assert f"instrumenten/{instrument}/" in links
        assert url in hrefs(built_site, f"instrumenten/{instrument}/")
    assert any(link.startswith("praktijken/") and link != "praktijken/" for link in links)


def test_complex_divorce_profile_points_to_the_gezinsadvocaat(built_site: Path) -> None:
    assert "gezinsadvocaat-hart-van-brabant" in card_ids(
        page(built_site, "geweldsprofielen/complexe-conflictscheiding/")
    )


def test_core_element_pages_list_their_instruments(built_site: Path) -> None:
    for instrument in INSTRUMENTS:
        assert f"instrumenten/{instrument['id']}/" in hrefs(built_site, f"kernelementen/{instrument['core_element']}/")
        assert page(built_site, f"instrumenten/{instrument['id']}/").exists()


def test_conversation_cards_show_only_questions_from_the_source(built_site: Path) -> None:
    for card in CARDS:
        html = page(built_site, f"gesprekskaarten/{card['id']}/").read_text(encoding="utf-8")
        assert ("Reflectievragen van de kaart" in html) == bool(card.get("questions"))
        if card.get("publication"):
            assert card["publication"]["url"].replace("&", "&amp;") in html


def test_principles_page_lists_every_principle(built_site: Path) -> None:
    html = page(built_site, "basisprincipes/").read_text(encoding="utf-8")
    for principle in PRINCIPLES:
        assert f'id="{principle["id"]}"' in html


def test_glossary_page_and_tooltips(built_site: Path) -> None:
    html = page(built_site, "begrippen/").read_text(encoding="utf-8")
    for entry in GLOSSARY:
        assert f"<strong>{entry['term']}</strong>".replace("+", "+") in html.replace("&amp;", "&")
    # abbreviations are explained where they are used, in Markdown bodies of any page
    used = [entry for entry in GLOSSARY if entry["term"] == "RVT"]
    assert used, "RVT staat in de afkortingenlijst"
    body = page(built_site, "kernelementen/regionale-veiligheidsteams/").read_text(encoding="utf-8")
    assert f'<abbr title="{used[0]["meaning"]}">RVT</abbr>' in body


def test_tool_pages_carry_the_print_stylesheet(built_site: Path) -> None:
    for tool in TOOLS:
        html = page(built_site, f"kompas/tools/{tool['id']}/").read_text(encoding="utf-8")
        assert "kennisbank-print.css" in html
        assert 'class="kb-worksheet' in html
    css = (built_site / "assets" / "kennisbank" / "kennisbank-print.css").read_text(encoding="utf-8")
    assert "@media print" in css


def test_home_opens_every_kind_of_knowledge(built_site: Path) -> None:
    links = hrefs(built_site, "")
    for target in (
        "praktijken/",
        "kompas/",
        "geweldsprofielen/",
        "gesprekskaarten/",
        "instrumenten/",
        "basisprincipes/",
    ):
        assert target in links
