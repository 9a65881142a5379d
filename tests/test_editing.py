"""Edit links to the YAML source, and the programme team's review page."""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, run_mkdocs_build
from html_tools import elements, page

pytestmark = pytest.mark.build  # builds a site or runs the project's commands


def edit_links(site: Path, url: str) -> list[str]:
    return [
        attrs["href"]
        for tag, attrs in elements(page(site, url).read_text(encoding="utf-8"))
        if tag == "a" and attrs.get("rel") == "edit"
    ]


def line_of(project: Path, file: str, text: str) -> int:
    return (project / file).read_text(encoding="utf-8").splitlines().index(text) + 1


@pytest.fixture(scope="module")
def repo_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The real site built as CI publishes it, with KENNISBANK_REPO_URL: (project, site)."""
    folder = tmp_path_factory.mktemp("repo-build")
    project = copy_project(folder / "project")
    site = folder / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KENNISBANK_REPO_URL", "https://github.com/voorbeeld/kennisbank")
        assert run_mkdocs_build(project, site).returncode == 0
    return project, site


def test_card_pages_edit_their_yaml_at_the_line(repo_build: tuple[Path, Path]) -> None:
    project, site = repo_build
    line = line_of(project, "data/practices.yaml", "- id: gezinsadvocaat-hart-van-brabant")
    assert edit_links(site, "praktijken/gezinsadvocaat-hart-van-brabant/") == [
        f"https://github.com/voorbeeld/kennisbank/edit/main/data/practices.yaml#L{line}"
    ]
    step = line_of(project, "data/kompas_steps.yaml", "- number: 3")
    assert edit_links(site, "kompas/stap-3/") == [
        f"https://github.com/voorbeeld/kennisbank/edit/main/data/kompas_steps.yaml#L{step}"
    ]
    assert edit_links(site, "over/") == ["https://github.com/voorbeeld/kennisbank/edit/main/content/over.md"]


@pytest.mark.browser
def test_the_repository_link_asks_no_other_host_and_stores_nothing(repo_build: tuple[Path, Path], chromium) -> None:
    """With a repository set, Material's header link fetches the repository's stars from
    api.github.com and keeps them in sessionStorage; the footer promises neither happens."""
    from browser import serve

    _, site = repo_build
    home = page(site, "").read_text(encoding="utf-8")
    assert 'class="md-source"' in home and 'data-md-component="source"' not in home
    context = chromium.new_context(locale="nl-NL")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    try:
        served = serve(site)
        base = next(served)
        tab = context.new_page()
        for url in ("", "praktijken/", "kompas/stap-1/"):
            tab.goto(base + url, wait_until="load")
            tab.wait_for_timeout(300)
        assert tab.evaluate("[sessionStorage.length, localStorage.length, document.cookie]") == [0, 0, ""]
        served.close()
    finally:
        context.close()
    assert [url for url in requested if not url.startswith(base) and not url.startswith("data:")] == []


def test_without_a_repository_there_is_no_edit_link(built_site: Path) -> None:
    assert "KENNISBANK_REPO_URL" not in os.environ
    assert edit_links(built_site, "praktijken/gezinsadvocaat-hart-van-brabant/") == []
    assert edit_links(built_site, "over/") == []


def _expected_desk(project: Path, today: datetime.date, broken: set[str]) -> dict[str, set[str]]:
    """The review desk's rules, applied to the YAML directly: card URL -> kinds of reasons."""
    from kennisbank.readability import LONG, sentences, words

    expected: dict[str, set[str]] = {}
    for card in yaml.safe_load((project / "data" / "practices.yaml").read_text(encoding="utf-8")):
        reasons = set()
        reviewed = card.get("last_reviewed")
        if reviewed is None or (today - reviewed).days > 365:
            reasons.add("gecontroleerd")
        if not card.get("contacts"):
            reasons.add("contactpersoon")
        if not card.get("links"):
            reasons.add("geen link")
        text = (card.get("summary") or "") + "\n\n" + (card.get("body") or "")
        if any(len(words(sentence)) > LONG for sentence in sentences(text)):
            reasons.add("woorden")
        if any(link["url"] in broken for link in card.get("links") or []):
            reasons.add("linkrapport")
        if reasons:
            expected[f"praktijken/{card['id']}/"] = reasons
    for name, folder in (("violence_profiles.yaml", "geweldsprofielen"), ("kompas_steps.yaml", "kompas")):
        for item in yaml.safe_load((project / "data" / name).read_text(encoding="utf-8")):
            editorial = item.get("editorial")
            if (
                editorial
                and not editorial.get("confirmed")
                and (editorial.get("practices") or editorial.get("instruments"))
            ):
                address = f"kompas/stap-{item['number']}/" if folder == "kompas" else f"{folder}/{item['id']}/"
                expected[address] = {"bevestigen"}
    return expected


def test_the_review_desk_lists_exactly_the_cards_the_rules_select(project: Path, tmp_path: Path, monkeypatch) -> None:
    practices = project / "data" / "practices.yaml"
    text = practices.read_text(encoding="utf-8")
    card = "- id: gezinsadvocaat-hart-van-brabant"
    start = text.index(card)
    end = text.index("\n- id:", start + 1)
    entry = text[start:end]
    assert "last_reviewed: 2026-11-22" in entry
    practices.write_text(
        text[:start] + entry.replace("last_reviewed: 2026-11-22", "last_reviewed: 2020-01-31") + text[end:],
        encoding="utf-8",
    )
    # The last link report found one link of a card broken.
    linked = next(c for c in yaml.safe_load(practices.read_text(encoding="utf-8")) if c.get("links"))
    broken_url = linked["links"][0]["url"]
    (project / "linkrapport.json").write_text(
        json.dumps({"broken": [{"url": broken_url, "result": "404 Not Found", "sources": []}]}), encoding="utf-8"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01
    site = tmp_path / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    html = page(site, "redactie/").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-titel="[^"]*".*?</tr>', html, re.DOTALL)
    listed = {re.search(r'<a href="\.\./([^"]+)"', row).group(1): row for row in rows}
    expected = _expected_desk(project, datetime.date(2026, 12, 1), {broken_url})
    assert set(listed) == set(expected)
    words_of = {
        "gecontroleerd": "gecontroleerd",
        "contactpersoon": "geen contactpersoon",
        "geen link": "geen link",
        "woorden": "woorden",
        "linkrapport": "laatste linkrapport",
        "bevestigen": "nog te bevestigen",
    }
    for address, reasons in expected.items():
        for reason in reasons:
            assert words_of[reason] in listed[address], (address, reason)
    stale = listed["praktijken/gezinsadvocaat-hart-van-brabant/"]
    assert "31 januari 2020" in stale and f"data/practices.yaml:{text[:start].count(chr(10)) + 1}" in stale
    assert broken_url in listed[f"praktijken/{linked['id']}/"]
    assert '<meta name="robots" content="noindex">' in html
    menu = page(site, "").read_text(encoding="utf-8")
    assert "redactie/" not in menu
    assert "redactie/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_review_desk_filters_by_region_and_core_element_and_sorts(site_url: str, browser_page) -> None:
    from browser import axe_violations

    page, watch = browser_page
    page.goto(site_url + "redactie/", wait_until="networkidle")
    practices = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
    rows = page.locator("[data-kb-review] tbody tr")
    total = rows.count()

    def visible() -> list[str]:
        return page.evaluate(
            "[...document.querySelectorAll('[data-kb-review] tbody tr')].filter(r => !r.hidden)"
            ".map(r => r.querySelector('a').getAttribute('href'))"
        )

    region = "hart-van-brabant"
    page.select_option("[data-kb-review-filter=regio]", region)
    shown = visible()
    assert shown and len(shown) < total
    in_region = {f"../praktijken/{c['id']}/" for c in practices if region in (c.get("regions") or [])}
    assert set(shown) <= in_region  # only the region's cards (the other types have no region)
    assert page.locator("[data-kb-review-count]").inner_text() == f"{len(shown)} kaart" + (
        "en" if len(shown) != 1 else ""
    )
    page.select_option("[data-kb-review-filter=regio]", "")
    page.select_option("[data-kb-review-filter=kernelement]", "passende-hulp")
    assert set(visible()) <= {f"../praktijken/{c['id']}/" for c in practices if c["core_element"] == "passende-hulp"}
    page.select_option("[data-kb-review-filter=kernelement]", "")
    assert len(visible()) == total
    page.get_by_role("button", name="Punten").click()
    points = page.evaluate("[...document.querySelectorAll('[data-kb-review] tbody tr')].map(r => +r.dataset.punten)")
    assert points == sorted(points, reverse=True) or points == sorted(points)
    page.get_by_role("button", name="Punten").click()
    again = page.evaluate("[...document.querySelectorAll('[data-kb-review] tbody tr')].map(r => +r.dataset.punten)")
    assert again == list(reversed(sorted(again))) or again == sorted(again)
    assert again != points or len(set(points)) == 1
    assert axe_violations(page) == []
    assert watch.console_errors == [] and watch.page_errors == []
