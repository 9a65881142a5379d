"""Labels that agree with the content (#19, part 5), on the built site and in headless Chromium.

The group "kernelementen en randvoorwaarden" has one name everywhere; listing headings say how
many cards show of how many; Landelijk is its own group of regions; Material's site-search
previews read as text; and the geweldsprofiel facet filters to exactly the practices a profile
names. Every expectation comes from the YAML in data/.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import axe_violations, wait_for_results
from conftest import ROOT
from html_tools import card_ids, elements
from html_tools import page as built_page


def data(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


PRACTICES = data("practices.yaml")
LIVE = [p for p in PRACTICES if not p.get("withdrawn")]
CORE_ELEMENTS = data("core_elements.yaml")
CONDITIONS = [c for c in CORE_ELEMENTS if c.get("kind") == "randvoorwaarden"]
REGIONS = data("regions.yaml")
PROFILES = data("violence_profiles.yaml")
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def profile_practices(profile: dict) -> set[str]:
    """What a profile names: the practices of the source and those the editors chose."""
    return set(profile.get("practices", [])) | set(profile.get("editorial", {}).get("practices", []))


def text_files(site: Path) -> list[Path]:
    return [path for path in site.rglob("*") if path.suffix in {".html", ".json", ".atom", ".xml"}]


# --- one name for the group ------------------------------------------------------------------


def test_the_randvoorwaarden_are_data_and_never_called_a_kernelement(built_site: Path) -> None:
    assert CONDITIONS, "core_elements.yaml zegt niet welk item de randvoorwaarden zijn (kind)"
    wrong = [re.compile(rf"Kernelement:\s*{re.escape(c['title'])}") for c in CONDITIONS]
    wrong += [re.compile(rf"Kernelement</dt>\s*<dd>(?:<a [^>]*>)?{re.escape(c['title'])}") for c in CONDITIONS]
    wrong += [re.compile(rf"kernelement {re.escape(c['title'])}", re.IGNORECASE) for c in CONDITIONS]
    found = [
        (str(path.relative_to(built_site)), pattern.pattern)
        for path in text_files(built_site)
        for pattern in wrong
        if pattern.search(html.unescape(path.read_text(encoding="utf-8", errors="replace")))
    ]
    assert found == []


def test_facets_cards_and_pages_use_the_group_name(built_site: Path) -> None:
    for listing in ("praktijken", "instrumenten"):
        listing_html = built_page(built_site, f"{listing}/").read_text(encoding="utf-8")
        assert "<legend>Kernelement of randvoorwaarde</legend>" in listing_html, listing
    listing_html = built_page(built_site, "praktijken/").read_text(encoding="utf-8")
    tags = dict(re.findall(r'data-card="([^"]+)".*?kb-tag--core">([^<]+)<', listing_html, re.DOTALL))
    titles = {c["id"]: c for c in CORE_ELEMENTS}
    for practice in LIVE:
        core = titles[practice["core_element"]]
        want = core["title"] if core.get("kind") == "randvoorwaarden" else f"Kernelement: {core['title']}"
        assert html.unescape(tags[practice["id"]]) == want, practice["id"]
    overview = built_page(built_site, "kernelementen/").read_text(encoding="utf-8")
    assert "<h1>Kernelementen en randvoorwaarden</h1>" in overview
    for core in CORE_ELEMENTS:
        page_html = built_page(built_site, f"kernelementen/{core['id']}/").read_text(encoding="utf-8")
        assert re.search(r'<a href="[^"]*">Kernelementen en randvoorwaarden</a>', page_html), core["id"]
    some = next(p for p in LIVE if titles[p["core_element"]].get("kind") == "randvoorwaarden")
    practice_html = built_page(built_site, f"praktijken/{some['id']}/").read_text(encoding="utf-8")
    assert "<dt>Kernelement of randvoorwaarde</dt>" in practice_html
    assert "Alle praktijken bij de randvoorwaarden" in practice_html
    condition = CONDITIONS[0]
    atom = (built_site / "api" / "v1" / "kernelement" / f"{condition['id']}.atom").read_text(encoding="utf-8")
    assert "<title>Praktijken bij de randvoorwaarden – Kennisbank Toekomstscenario</title>" in atom
    dossier = built_page(built_site, f"kernelementen/{condition['id']}/dossier/").read_text(encoding="utf-8")
    assert "Over de randvoorwaarden" in dossier and "Over dit kernelement" not in dossier


# --- listing headings ------------------------------------------------------------------------


def test_the_static_heading_shows_the_total(built_site: Path) -> None:
    listing_html = built_page(built_site, "praktijken/").read_text(encoding="utf-8")
    heading = re.search(r'<h2 class="kb-results__count"[^>]*>(.*?)</h2>', listing_html, re.DOTALL)
    assert heading and re.sub(r"<[^>]+>", "", heading.group(1)).strip() == f"{len(LIVE)} praktijken"
    # announced once: the count itself is the live region, nothing around it is
    assert heading.group(0).count("aria-live") == 1


# --- Landelijk apart from the other regions ---------------------------------------------------


def test_landelijk_is_a_group_of_its_own(built_site: Path) -> None:
    national = {r["id"] for r in REGIONS if r["kind"] == "landelijk"}
    plain = {r["id"] for r in REGIONS if r["kind"] == "regio"}
    assert national
    listing_html = built_page(built_site, "praktijken/").read_text(encoding="utf-8")
    facet = listing_html[listing_html.index('data-kb-facet="regio"') :]
    facet = facet[: facet.index('data-kb-facet="', 20)]
    groups = re.findall(r'<fieldset class="kb-facet__group"><legend>([^<]+)</legend>(.*?)</fieldset>', facet, re.DOTALL)
    named = {html.unescape(label): set(re.findall(r'name="regio" value="([^"]+)"', body)) for label, body in groups}
    assert list(named) == ["Proeftuinen", "Andere regio's", "Landelijk"]
    used = {region for p in LIVE for region in p["regions"]}
    assert named["Landelijk"] == national & used
    assert named["Andere regio's"] == plain & used
    for url in ("", "regio/"):
        page_html = html.unescape(built_page(built_site, url).read_text(encoding="utf-8"))
        assert "Andere regio's en landelijk" not in page_html, url
        heading = re.search(
            r"<h[23][^>]*>Landelijk</h[23]>\s*<ul class=\"kb-region-links\">(.*?)</ul>", page_html, re.DOTALL
        )
        assert heading, url
        assert set(re.findall(r'href="[^"]*regio/([^/"]+)/"', heading.group(1))) == national, url


# --- site-search previews --------------------------------------------------------------------


def test_site_search_previews_start_with_the_summary(built_site: Path) -> None:
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    items = {doc["location"]: doc for doc in docs}
    summaries = {f"praktijken/{p['id']}/": p["summary"] for p in LIVE}
    summaries |= {f"instrumenten/{i['id']}/": i["summary"] for i in data("instruments.yaml") if not i.get("withdrawn")}
    for location, summary in summaries.items():
        text = html.unescape(re.sub(r"<[^>]+>", " ", items[location]["text"]))
        assert not re.search(r"\b(Soort|Kernelement|Uitgever|Jaar)[A-Za-z0-9]", text), (location, text[:120])
        after_title = text[len(html.unescape(items[location]["title"])) :].strip()
        assert " ".join(after_title.split()).startswith(" ".join(summary.split())[:60]), (location, after_title[:120])


def test_no_words_are_glued_together_anywhere_in_site_search(built_site: Path) -> None:
    """Material's indexer drops the tags between table cells, a <br> and two links side by
    side; where the HTML has no white space there, two words become one in every preview
    ("veiligheidsteamsInzet"). A lower-case word running into a capital is that seam."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    code_words = {"postMessage"}  # JavaScript named on /insluiten/
    glued = {
        (doc["location"], found.group())
        for doc in docs
        for found in re.finditer(r"\b[a-zà-ÿ]{3,}[A-Z][a-zà-ÿ]{2,}", html.unescape(doc["text"]))
        if found.group() not in code_words
    }
    assert glued == set()


# --- the geweldsprofiel facet ------------------------------------------------------------------


def test_profile_facet_in_the_html_and_its_links_without_javascript(built_site: Path) -> None:
    listing_html = built_page(built_site, "praktijken/").read_text(encoding="utf-8")
    attributes = {
        attrs["data-card"]: attrs["data-profiles"].split()
        for _, attrs in elements(listing_html)
        if "data-card" in attrs
    }
    for practice in LIVE:
        assert set(attributes[practice["id"]]) == {p["id"] for p in PROFILES if practice["id"] in profile_practices(p)}
    live_ids = {p["id"] for p in LIVE}
    for profile in PROFILES:
        count = len(profile_practices(profile) & live_ids)
        if not count:
            continue
        option = re.search(
            rf'<label for="kb-geweldsprofiel-{profile["id"]}">[^<]*<span[^>]*>\((\d+)\)</span>', listing_html
        )
        assert option and int(option.group(1)) == count, profile["id"]
        # the no-JS link leads to the profile's page, which lists exactly those practices
        assert re.search(
            rf'<a href="[^"]*geweldsprofielen/{profile["id"]}/">[^<]+</a> <span class="kb-count">\({count}\)</span>',
            listing_html,
        )
        shown = set(card_ids(built_page(built_site, f"geweldsprofielen/{profile['id']}/")))
        assert shown == profile_practices(profile) & live_ids, profile["id"]
    # every link the data has is an editorial one: the facet and its no-JS links say so
    assert all(not p.get("practices") for p in PROFILES)
    assert listing_html.count("keuze van de redactie") >= 2


@pytest.mark.browser
@pytest.mark.parametrize("profile", [p["id"] for p in PROFILES if profile_practices(p)])
def test_the_profile_facet_filters_by_address_and_by_clicking(profile: str, site_url: str, browser_page) -> None:
    page, watch = browser_page
    wanted = sorted(profile_practices(next(p for p in PROFILES if p["id"] == profile)) & {p["id"] for p in LIVE})
    page.goto(f"{site_url}praktijken/?geweldsprofiel={profile}")
    wait_for_results(page)
    assert sorted(visible_cards(page)) == wanted
    assert page.locator(f"#kb-geweldsprofiel-{profile}").is_checked()
    assert page.locator("[data-result-count]").text_content() == f"{len(wanted)} van {len(LIVE)} praktijken"
    page.goto(f"{site_url}praktijken/")
    wait_for_results(page)
    assert page.locator("[data-result-count]").text_content() == f"{len(LIVE)} praktijken"
    page.locator(f"#kb-geweldsprofiel-{profile}").check()
    wait_for_results(page)
    assert sorted(visible_cards(page)) == wanted
    assert parse_qs(urlsplit(page.url).query) == {"geweldsprofiel": [profile]}
    assert page.locator("[data-result-count]").text_content() == f"{len(wanted)} van {len(LIVE)} praktijken"
    assert watch.console_errors == [] and watch.page_errors == []


@pytest.mark.browser
def test_the_profile_facet_by_keyboard(site_url: str, browser_page) -> None:
    page, _ = browser_page
    profile = next(p["id"] for p in PROFILES if profile_practices(p))
    page.goto(f"{site_url}praktijken/")
    wait_for_results(page)
    box = page.locator(f"#kb-geweldsprofiel-{profile}")
    box.focus()
    page.keyboard.press("Space")
    wait_for_results(page)
    assert box.is_checked()
    assert parse_qs(urlsplit(page.url).query) == {"geweldsprofiel": [profile]}
    focus_ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring != "none"


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all("[data-kb-list] > :not([hidden])", "items => items.map(item => item.dataset.card)")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "telefoon"])
def test_axe_with_the_facets_open_and_a_profile_chosen(viewport: dict, site_url: str, chromium) -> None:
    context = chromium.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    profile = next(p["id"] for p in PROFILES if profile_practices(p))
    try:
        page.goto(f"{site_url}praktijken/")
        wait_for_results(page)
        toggle = page.locator("[data-kb-filter-toggle]")
        if toggle.is_visible():
            toggle.click()
        assert page.locator(f"#kb-geweldsprofiel-{profile}").is_visible()
        assert axe_violations(page) == []
        page.goto(f"{site_url}praktijken/?geweldsprofiel={profile}")
        wait_for_results(page)
        if toggle.is_visible():
            toggle.click()
        assert page.locator(".kb-facet__note").first.is_visible()
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()
