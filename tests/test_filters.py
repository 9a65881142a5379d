"""Filtering and search on /praktijken/ and /instrumenten/ in headless Chromium.

Every expectation is computed from the YAML, never written down by hand, so the tests
stay exact as the content changes.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import axe_violations, wait_for_results, wait_until
from conftest import ROOT

pytestmark = pytest.mark.browser

PRACTICES = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
INSTRUMENTS = yaml.safe_load((ROOT / "data" / "instruments.yaml").read_text(encoding="utf-8"))
CORE_ELEMENTS = [
    item["id"] for item in yaml.safe_load((ROOT / "data" / "core_elements.yaml").read_text(encoding="utf-8"))
]
REGIONS_IN_USE = sorted({region for practice in PRACTICES for region in practice["regions"]})


def card_text(practice: dict) -> str:
    """Everything a card says, lower case: what the catalogue search reads."""
    contacts = " ".join(" ".join(str(value) for value in contact.values()) for contact in practice.get("contacts", []))
    links = " ".join(link["title"] for link in practice.get("links", []))
    return " ".join([practice["title"], practice["summary"], practice["body"], contacts, links]).lower()


REGION_NAMES = {
    item["id"]: item["name"] for item in yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
}
CORE_TITLES = {
    item["id"]: item["title"]
    for item in yaml.safe_load((ROOT / "data" / "core_elements.yaml").read_text(encoding="utf-8"))
}


def full_text(practice: dict) -> str:
    """The card's text with the names of its regions and core element, lower case."""
    names = [REGION_NAMES[region] for region in practice["regions"]] + [CORE_TITLES[practice["core_element"]]]
    return card_text(practice) + " " + " ".join(names).lower()


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-kb-list] > :not([hidden])", "items => items.map(item => item.dataset.card || item.dataset.instrument)"
    )


def count_text(page) -> str:
    return page.locator("[data-result-count]").text_content()


def wait_for_search(page) -> None:
    wait_for_results(page)


def expected(core: set[str] | None = None, regions: set[str] | None = None) -> list[str]:
    return [
        p["id"]
        for p in PRACTICES
        if (not core or p["core_element"] in core) and (not regions or regions & set(p["regions"]))
    ]


@pytest.mark.parametrize("core_element", CORE_ELEMENTS)
def test_each_core_element_shows_exactly_its_cards(core_element: str, site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(f"{site_url}praktijken/?kernelement={core_element}")
    assert sorted(visible_cards(page)) == sorted(expected({core_element}))
    assert watch.console_errors == [] and watch.page_errors == []


@pytest.mark.parametrize("region", ["zaanstreek-waterland", "hart-van-brabant", "landelijk", "ijsselland"])
def test_regions_by_clicking(region: str, site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.locator(f"#kb-regio-{region}").check()
    assert sorted(visible_cards(page)) == sorted(expected(regions={region}))
    assert parse_qs(urlsplit(page.url).query) == {"regio": [region]}


def test_or_within_a_facet_and_across_facets(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?regio=zaanstreek-waterland&regio=utrecht")
    assert sorted(visible_cards(page)) == sorted(expected(regions={"zaanstreek-waterland", "utrecht"}))
    page.locator("#kb-kernelement-passende-hulp").check()
    combined = expected({"passende-hulp"}, {"zaanstreek-waterland", "utrecht"})
    assert sorted(visible_cards(page)) == sorted(combined)
    assert count_text(page) == f"{len(combined)} van {len(PRACTICES)} praktijken"


def test_option_counts_tell_what_an_option_would_give(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?kernelement=passende-hulp")
    for region in REGIONS_IN_USE:
        label = page.locator(f"label[for=kb-regio-{region}] [data-kb-count]")
        if label.count():
            assert label.text_content() == f"({len(expected({'passende-hulp'}, {region}))})", region
    for core_element in CORE_ELEMENTS:
        # within the same facet a count ignores the facet's own choices
        assert (
            page.locator(f"label[for=kb-kernelement-{core_element}] [data-kb-count]").text_content()
            == f"({len(expected({core_element}))})"
        )


def test_facet_filtering_never_downloads_the_text_index(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(f"{site_url}praktijken/")
    page.locator("#kb-kernelement-lokale-teams").check()
    page.locator("#kb-regio-groningen").check()
    page.locator("#kb-regio-groningen").uncheck()
    assert not [url for url in watch.requests if "/zoekindex/" in url or "/assets/kennisbank/vendor/" in url]


def test_dutch_stemming_finds_related_words(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.fill("#kb-q", "ervaringsdeskundige")
    wait_for_search(page)
    found = visible_cards(page)
    says_it = [p["id"] for p in PRACTICES if "ervaringsdeskundigheid" in card_text(p)]
    assert says_it and set(says_it) <= set(found)
    assert all("ervaringsdeskund" in card_text(p) for p in PRACTICES if p["id"] in found)


def test_typing_ranks_title_matches_first_and_matches_word_starts(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.fill("#kb-q", "gezinsadvoc")
    wait_for_search(page)
    assert visible_cards(page)[0] == "gezinsadvocaat-hart-van-brabant"


def test_every_word_must_match(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?q=ervaringsdeskundigheid%20groningen")
    wait_for_search(page)
    found = visible_cards(page)
    both = [p["id"] for p in PRACTICES if "ervaringsdeskund" in full_text(p) and "groningen" in full_text(p)]
    only_one = [p["id"] for p in PRACTICES if ("ervaringsdeskund" in full_text(p)) != ("groningen" in full_text(p))]
    assert found[0] == "ervaringsdeskundigheid-groningen"  # both words in its title
    assert set(found) <= set(both) and not set(found) & set(only_one)


def test_no_result_says_so_and_offers_to_clear(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?kernelement=lokale-teams")
    page.fill("#kb-q", "qwertyuiop")
    wait_for_search(page)
    assert visible_cards(page) == []
    assert page.locator("[data-kb-empty]").is_visible()
    page.locator("[data-kb-empty] [data-kb-clear]").click()
    assert len(visible_cards(page)) == len(PRACTICES)
    assert urlsplit(page.url).query == ""
    assert page.evaluate("document.activeElement.id") == "kb-q"


def test_url_state_round_trip(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.locator("#kb-kernelement-randvoorwaarden").check()
    page.locator("#kb-regio-groningen").check()
    page.locator("#kb-regio-rotterdam-rijnmond").check()
    page.fill("#kb-q", "ervaringsdeskundigheid")
    wait_for_search(page)
    wait_until(page, "location.search.includes('q=')")  # the address follows the typing a moment later
    shared_url, cards_before = page.url, visible_cards(page)
    state = parse_qs(urlsplit(shared_url).query)
    assert sorted(state.pop("regio")) == ["groningen", "rotterdam-rijnmond"]
    assert state == {"kernelement": ["randvoorwaarden"], "q": ["ervaringsdeskundigheid"]}

    other = page.context.new_page()
    other.goto(shared_url)
    wait_for_search(other)
    assert visible_cards(other) == cards_before and cards_before
    assert other.locator("#kb-kernelement-randvoorwaarden").is_checked()
    assert (
        other.locator("#kb-regio-groningen").is_checked() and other.locator("#kb-regio-rotterdam-rijnmond").is_checked()
    )
    assert other.locator("#kb-q").input_value() == "ervaringsdeskundigheid"


def test_hostile_url_values_stay_inert(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.on("dialog", lambda dialog: pytest.fail(f"dialog opened: {dialog.message}"))
    hostile = "<img src=x onerror=alert(1)>"
    page.goto(f"{site_url}praktijken/")
    inline_scripts = page.evaluate("document.querySelectorAll('script:not([src])').length")
    page.goto(f"{site_url}praktijken/?kernelement=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&regio=<b>x</b>&q={hostile}")
    wait_for_search(page)
    assert page.locator("#kb-q").input_value() == hostile
    assert page.evaluate("document.querySelectorAll('img[src=x], [onerror]').length") == 0
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == inline_scripts
    assert "kernelement" not in page.url and "regio" not in page.url  # unknown values dropped
    assert watch.page_errors == []


def test_keyboard_only_filtering_with_visible_focus(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.locator("#kb-q").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kb-kernelement-handelingskader":
            break
    else:
        pytest.fail("selectievakje niet bereikbaar met Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Space")
    assert sorted(visible_cards(page)) == sorted(expected({"handelingskader"}))
    assert page.locator("[data-result-count]").get_attribute("aria-live") == "polite"


def test_without_javascript_every_card_and_the_facet_pages(site_url: str, chromium) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}praktijken/?kernelement=lokale-teams")
    assert len(visible_cards(page)) == len(PRACTICES)
    assert page.locator("[data-kb-js-only]").count() and not [
        visible
        for visible in page.locator("[data-kb-js-only]").evaluate_all("els => els.map(el => el.checkVisibility())")
        if visible
    ]
    links = page.eval_on_selector_all("[data-kb-static-facets] a", "links => links.map(a => a.getAttribute('href'))")
    assert {f"../kernelementen/{core}/" for core in CORE_ELEMENTS} <= set(links)
    context.close()


def test_filtered_and_empty_views_have_no_axe_violations(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(f"{site_url}praktijken/?kernelement=passende-hulp&regio=hart-van-brabant")
    assert axe_violations(page) == []
    page.fill("#kb-q", "qwertyuiop")
    wait_for_search(page)
    assert axe_violations(page) == []
    assert watch.console_errors == [] and watch.foreign_requests() == []


def test_instruments_filter_by_kind_and_core_element(site_url: str, browser_page) -> None:
    page, watch = browser_page
    kinds = sorted({item["kind"] for item in INSTRUMENTS})
    for kind in kinds[:3]:
        page.goto(f"{site_url}instrumenten/?soort={kind}")
        assert sorted(visible_cards(page)) == sorted(i["id"] for i in INSTRUMENTS if i["kind"] == kind)
    page.goto(f"{site_url}instrumenten/?kernelement=lokale-teams&soort={kinds[0]}")
    assert sorted(visible_cards(page)) == sorted(
        i["id"] for i in INSTRUMENTS if i["kind"] == kinds[0] and i["core_element"] == "lokale-teams"
    )
    assert axe_violations(page) == []
    assert watch.console_errors == []


def test_python_and_browser_pipelines_stem_alike(site_url: str, browser_page) -> None:
    from kennisbank.exports import dutch

    page, _ = browser_page
    words = [
        "ervaringsdeskundige",
        "ervaringsdeskundigheid",
        "praktijken",
        "gezinnen",
        "scheidingen",
        "veiligheid",
        "kinderen",
        "jeugdbescherming",
        "huishoudens",
        "proeftuinen",
        "opvoedstress",
        "gezinsadvocaat",
        "geweldsprofielen",
        "samenwerkingsafspraken",
        "regionale",
        "veiligheidsteams",
        "ouders",
        "de",
        "Zaanstreek,",
        "café",
        "beëindigen",
        "2025",
        "(MDA++)",
    ]
    page.goto(f"{site_url}praktijken/")
    page.fill("#kb-q", "x")
    wait_for_search(page)
    browser = page.evaluate(
        """words => words.map(w => {
             const t = lunr.nl.trimmer(new lunr.Token(w.toLowerCase(), {}));
             return lunr.nl.stopWordFilter(t) ? lunr.nl.stemmer(t).toString() : "";
           })""",
        words,
    )
    assert browser == [dutch.stem(word) for word in words]


def test_stop_words_equal_the_vendored_lunr_nl() -> None:
    from kennisbank.exports import dutch

    source = (ROOT / "plugins" / "kennisbank" / "assets" / "vendor" / "lunr.nl.min.js").read_text(encoding="utf-8")
    listed = re.search(r'generateStopWordFilter\("([^"]+)"', source) or re.search(
        r"generateStopWordFilter\('([^']+)'", source
    )
    assert listed, "stop-woordenlijst niet gevonden in lunr.nl.min.js"
    assert set(listed.group(1).split()) == dutch.STOP_WORDS


def test_catalogue_query_does_not_open_the_site_search(site_url: str, browser_page) -> None:
    # Material treats ?q= as a deep link into its own search; on a listing it is ours.
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?q=gezinsadvocaat&regio=hart-van-brabant", wait_until="load")
    wait_for_search(page)
    wait_until(page, "location.search.includes('q=')")
    assert page.evaluate("document.querySelector('[data-md-toggle=search]').checked") is False
    found = visible_cards(page)
    assert found[0] == "gezinsadvocaat-hart-van-brabant"
    assert set(found) == {
        p["id"] for p in PRACTICES if "gezinsadvocaat" in card_text(p) and "hart-van-brabant" in p["regions"]
    }
    assert parse_qs(urlsplit(page.url).query) == {"regio": ["hart-van-brabant"], "q": ["gezinsadvocaat"]}
