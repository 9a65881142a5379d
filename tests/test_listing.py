"""The professional's journey on the listings: results first, a search that reads the whole card,
someone to ask on every card, and the overview of where the knowledge is. Headless Chromium on
the real built site; every expectation is computed from data/."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import axe_violations, wait_for_results, wait_until
from conftest import ROOT
from html_tools import elements
from html_tools import page as built_page

pytestmark = pytest.mark.browser

PRACTICES = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
CORE_ELEMENTS = yaml.safe_load((ROOT / "data" / "core_elements.yaml").read_text(encoding="utf-8"))
REGIONS = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
PROGRAMME = yaml.safe_load((ROOT / "data" / "programme.yaml").read_text(encoding="utf-8"))
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-kb-list] > :not([hidden])", "items => items.map(item => item.dataset.card || item.dataset.instrument)"
    )


def wait_for_search(page) -> None:
    wait_for_results(page)


def on_screen(page, selector: str) -> bool:
    """Whether the element is wholly inside the first viewport (nothing scrolled)."""
    return page.evaluate(
        """selector => {
             const box = document.querySelector(selector).getBoundingClientRect();
             return box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
           }""",
        selector,
    )


def words_of(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


def body_only_word() -> tuple[str, str]:
    """A long word that stands in exactly one card, only in its body: (word, card id)."""
    everywhere: Counter[str] = Counter()
    for practice in PRACTICES:
        everywhere.update(words_of(yaml.safe_dump(practice, allow_unicode=True)))
    for practice in PRACTICES:
        outside_body = words_of(practice["title"] + " " + practice["summary"])
        for word in sorted(words_of(practice["body"]) - outside_body):
            # Dutch stems cut endings: the word's first 9 letters must be unique too.
            if len(word) >= 11 and everywhere[word] == 1 and sum(1 for w in everywhere if w[:9] == word[:9]) == 1:
                return word, practice["id"]
    raise AssertionError("geen woord gevonden dat alleen in één beschrijving staat")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "telefoon"])
@pytest.mark.parametrize("listing", ["praktijken", "instrumenten"])
def test_results_are_on_screen_on_arrival(listing: str, viewport: dict, site_url: str, chromium) -> None:
    context = chromium.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site_url}{listing}/")
    assert on_screen(page, "#kb-q"), "zoekvak niet in beeld"
    assert on_screen(page, "[data-result-count]"), "aantal niet in beeld"
    assert on_screen(page, "[data-kb-list] > :not([hidden]) .kb-card__title"), "eerste resultaat niet in beeld"
    toggle = page.locator("[data-kb-filter-toggle]")
    if viewport is PHONE:
        assert toggle.is_visible() and on_screen(page, "[data-kb-filter-toggle]")
        assert not page.locator("#kb-filterpaneel").is_visible()
    else:
        assert not toggle.is_visible()
        assert page.locator(".kb-facets").is_visible()  # the filters stand beside the results
        filters, results = (
            page.locator(sel).bounding_box() for sel in (".kb-listing__filters", ".kb-listing__results")
        )
        assert filters["x"] + filters["width"] <= results["x"]
    context.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "telefoon"])
def test_the_first_result_is_at_most_ten_tabs_away_with_focus_visible(viewport: dict, site_url: str, chromium) -> None:
    context = chromium.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site_url}praktijken/")
    first = page.evaluate(
        "document.querySelector('[data-kb-list] > :not([hidden]) .kb-card__title a').getAttribute('href')"
    )
    for presses in range(1, 11):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
                       return {text: el.textContent.trim(), href: el.getAttribute('href'),
                               visible: box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
                               outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none'}; }"""
        )
        assert focused["visible"] and focused["outline"], f"Tab {presses}: focus niet zichtbaar op {focused}"
        if focused["text"] == "Naar de resultaten":
            page.keyboard.press("Enter")
        if focused["href"] == first:
            break
    else:
        pytest.fail("eerste resultaat niet binnen 10 keer Tab bereikt")
    context.close()


def test_phone_filter_panel_opens_and_closes_by_touch_and_keyboard(site_url: str, chromium) -> None:
    context = chromium.new_context(viewport=PHONE, locale="nl-NL", has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}praktijken/")
    toggle = page.locator("[data-kb-filter-toggle]")
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("#kb-filterpaneel").is_visible()
    assert axe_violations(page) == []
    page.locator("label[for=kb-kernelement-lokale-teams]").tap()
    expected = [p for p in PRACTICES if p["core_element"] == "lokale-teams"]
    done = page.locator("[data-kb-filter-done]")
    assert done.text_content().split() == [
        "Toon",
        str(len(expected)),
        "praktijken" if len(expected) != 1 else "praktijk",
    ]
    assert toggle.text_content().split() == ["Filters", "(1", "actief)"]
    done.tap()
    assert toggle.get_attribute("aria-expanded") == "false" and not page.locator("#kb-filterpaneel").is_visible()
    assert sorted(visible_cards(page)) == sorted(p["id"] for p in expected)

    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.getElementById('kb-filterpaneel').contains(document.activeElement)")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.hasAttribute('data-kb-filter-toggle')")
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"
    context.close()


def test_active_filters_are_chips_that_remove_themselves(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?kernelement=lokale-teams&regio=groningen&q=team")
    wait_for_search(page)
    chips = page.locator("[data-kb-chip-list] button")
    assert chips.count() == 3
    page.locator("[data-kb-chip-list] button[aria-label='Filter Regio: Groningen weghalen']").click()
    assert parse_qs(urlsplit(page.url).query) == {"kernelement": ["lokale-teams"], "q": ["team"]}
    assert chips.count() == 2
    page.locator("[data-kb-chips] [data-kb-clear]").click()
    assert urlsplit(page.url).query == "" and page.locator("[data-kb-chips]").is_hidden()
    assert len(visible_cards(page)) == len(PRACTICES)


def test_sorting_is_part_of_the_url_state(site_url: str, browser_page) -> None:
    from kennisbank.catalogue import title_key

    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    by_title = [p["id"] for p in sorted(PRACTICES, key=lambda p: title_key(p["title"]))]
    assert visible_cards(page) == by_title
    page.select_option("#kb-sorteer", "gecontroleerd")
    assert parse_qs(urlsplit(page.url).query) == {"sorteer": ["gecontroleerd"]}
    by_review = [
        p["id"] for p in sorted(PRACTICES, key=lambda p: (-p["last_reviewed"].toordinal(), title_key(p["title"])))
    ]
    assert visible_cards(page) == by_review
    page.goto(f"{site_url}praktijken/?sorteer=gecontroleerd&kernelement=lokale-teams")
    assert visible_cards(page) == [
        i for i in by_review if i in {p["id"] for p in PRACTICES if p["core_element"] == "lokale-teams"}
    ]
    assert page.locator("#kb-sorteer").input_value() == "gecontroleerd"
    # With a query, relevance is the default and can be chosen; without one it is not offered.
    page.goto(f"{site_url}praktijken/?q=scheiding")
    wait_for_search(page)
    assert page.locator("#kb-sorteer").input_value() == "relevantie"
    page.fill("#kb-q", "")
    wait_until(page, "document.querySelector('#kb-sorteer').value === 'titel'")
    assert page.locator("#kb-sorteer option[value=relevantie]").is_disabled()


def test_a_word_only_in_the_body_finds_its_card_with_an_excerpt(site_url: str, browser_page) -> None:
    word, card = body_only_word()
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.fill("#kb-q", word)
    wait_for_search(page)
    assert visible_cards(page) == [card]
    excerpt = page.locator(f"[data-card='{card}'] [data-kb-excerpt]")
    excerpt.wait_for()
    assert excerpt.locator("mark").first.text_content().lower() == word
    body = next(p["body"] for p in PRACTICES if p["id"] == card)
    shown = excerpt.text_content().removeprefix("Uit de tekst: ").strip(" …")
    assert all(part in " ".join(body.split()) for part in shown.split(" … ")), shown


def test_title_matches_are_marked_and_ranked_first(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?q=scheidingszaken")
    wait_for_search(page)
    titled = [p["id"] for p in PRACTICES if "scheidingszaken" in p["title"].lower()]
    assert titled and visible_cards(page)[: len(titled)] == titled
    assert page.locator(f"[data-card='{titled[0]}'] .kb-card__title mark").text_content().lower() == "scheidingszaken"


def test_a_contact_persons_name_finds_the_card(site_url: str, browser_page) -> None:
    named = [(contact["name"], p["id"]) for p in PRACTICES for contact in p.get("contacts", []) if contact.get("name")]
    assert named, "geen contactpersoon met naam in de data"
    name, card = named[0]
    surname = name.split()[-1]
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.fill("#kb-q", surname)
    wait_for_search(page)
    assert card in visible_cards(page)
    expected = {p["id"] for p in PRACTICES if surname.lower() in yaml.safe_dump(p, allow_unicode=True).lower()}
    assert set(visible_cards(page)) <= expected


def test_no_result_offers_a_spelling_filters_with_results_and_site_search(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(f"{site_url}praktijken/?q=scheidnig")
    wait_for_search(page)
    assert visible_cards(page) == []
    suggestion = page.locator("[data-kb-did-you-mean]")
    suggestion.wait_for()
    assert suggestion.get_attribute("data-kb-did-you-mean") == "scheiding"
    site_search = page.locator("[data-kb-suggestions] a")
    assert parse_qs(urlsplit(site_search.get_attribute("href")).query) == {"q": ["scheidnig"]}
    assert axe_violations(page) == []
    suggestion.click()
    wait_for_search(page)
    assert page.locator("#kb-q").input_value() == "scheiding" and visible_cards(page)

    # A query with results, narrowed by a filter to none: leaving the filter out is offered, with its count.
    region = next(
        r["id"]
        for r in REGIONS
        if not [p for p in PRACTICES if r["id"] in p["regions"] and "scheiding" in p["body"].lower()]
        and [p for p in PRACTICES if r["id"] in p["regions"]]
    )
    page.goto(f"{site_url}praktijken/?q=scheiding&regio={region}")
    wait_for_search(page)
    assert visible_cards(page) == []
    offer = page.locator("[data-kb-suggestions] .kb-suggestion").first
    offer.wait_for()
    region_name = next(r["name"] for r in REGIONS if r["id"] == region)
    assert offer.text_content().strip().startswith(f"Zonder “{region_name}”: ")
    page.goto(f"{site_url}praktijken/?q=scheiding")
    wait_for_search(page)
    without_filter = len(visible_cards(page))
    assert offer_count(page, f"{site_url}praktijken/?q=scheiding&regio={region}") == without_filter
    assert watch.console_errors == [] and watch.page_errors == []


def offer_count(page, url: str) -> int:
    page.goto(url)
    wait_for_search(page)
    offer = page.locator("[data-kb-suggestions] .kb-suggestion").first
    offer.wait_for()
    return int(re.search(r": (\d+) praktijk", offer.text_content()).group(1))


def test_every_practice_page_offers_someone_to_mail(built_site: Path) -> None:
    for practice in PRACTICES:
        html = built_page(built_site, f"praktijken/{practice['id']}/").read_text(encoding="utf-8")
        contact = html[html.index('id="contact"') :]
        contact = contact[: contact.index("</section>")]
        mails = [
            attrs["href"]
            for tag, attrs in elements(contact)
            if tag == "a" and attrs.get("href", "").startswith("mailto:")
        ]
        own = [c["email"] for c in practice.get("contacts", []) if c.get("email")]
        if own:
            assert [m.split("?")[0] for m in mails] == [f"mailto:{email}" for email in own], practice["id"]
            assert PROGRAMME["email"] not in contact
        else:
            assert [m.split("?")[0] for m in mails] == [f"mailto:{PROGRAMME['email']}"], practice["id"]
            assert "Mail het programmateam" in contact and PROGRAMME["name"] in contact


def test_the_feed_says_whom_to_ask(built_site: Path) -> None:
    feed = json.loads((built_site / "api" / "v1" / "praktijken.json").read_text(encoding="utf-8"))
    for item, practice in zip(feed["items"], PRACTICES, strict=True):
        own = [c for c in practice.get("contacts", []) if c.get("email")]
        point = item["contact_point"]
        if own:
            assert point == {
                "kind": "praktijk",
                "name": own[0].get("name"),
                "email": own[0]["email"],
                "organisation": own[0].get("organisation"),
            }
        else:
            assert point == {
                "kind": "programmateam",
                "name": PROGRAMME["name"],
                "email": PROGRAMME["email"],
                "organisation": None,
            }


def test_footer_and_about_page_give_the_programme_address(built_site: Path) -> None:
    pages = [
        path for path in built_site.rglob("index.html") if "embed" not in path.parts and path.parent.name != "redactie"
    ]
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'class="md-footer kb-footer"' in html, path
        footer = html[html.index('class="md-footer kb-footer"') :]
        assert f'href="mailto:{PROGRAMME["email"]}"' in footer, path
    about = built_page(built_site, "over/").read_text(encoding="utf-8")
    assert f'href="mailto:{PROGRAMME["email"]}"' in about[about.index('id="contact"') :]


def test_overview_counts_equal_the_data_and_links_land_on_those_cards(
    site_url: str, built_site: Path, browser_page
) -> None:
    html = built_page(built_site, "regio/").read_text(encoding="utf-8")
    table = html[html.index('class="kb-coverage__table"') : html.index("</table>")]
    links = [attrs for tag, attrs in elements(table) if tag == "a" and "praktijken/?" in attrs.get("href", "")]
    expected = Counter((p["core_element"], region) for p in PRACTICES for region in p["regions"])
    found = {}
    for attrs in links:
        query = parse_qs(urlsplit(attrs["href"]).query)
        found[(query["kernelement"][0], query["regio"][0])] = int(attrs["aria-label"].split()[0])
    assert found == dict(expected)
    cells = len(REGIONS) * len(CORE_ELEMENTS)
    assert table.count("kb-coverage__gap") == cells - len(expected)  # every gap shown as such
    page, _ = browser_page
    for (core, region), count in sorted(expected.items()):
        page.goto(f"{site_url}regio/")
        page.locator(f".kb-coverage a[href$='?kernelement={core}&regio={region}']").click()
        page.wait_for_url(re.compile(r"/praktijken/"))
        assert sorted(visible_cards(page)) == sorted(
            p["id"] for p in PRACTICES if p["core_element"] == core and region in p["regions"]
        )
        assert len(visible_cards(page)) == count


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "telefoon"])
def test_overview_is_accessible_and_scrolls_in_its_own_box_on_a_phone(viewport: dict, site_url: str, chromium) -> None:
    context = chromium.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{site_url}regio/#overzicht")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    if viewport is PHONE:
        box = page.locator(".kb-coverage")
        assert box.evaluate("el => el.scrollWidth > el.clientWidth")
        box.evaluate("el => el.scrollLeft = el.scrollWidth")
        first = page.locator(".kb-coverage tbody th").first.bounding_box()
        assert first["x"] >= 0 and first["x"] < 40  # the region column stays in view
    context.close()


def test_home_page_links_to_the_overview(built_site: Path) -> None:
    html = built_page(built_site, "").read_text(encoding="utf-8")
    assert 'href="regio/#overzicht"' in html


def test_a_word_being_typed_finds_the_word_it_will_become(site_url: str, browser_page) -> None:
    """'samenwerkin' is a prefix of 'samenwerking', not of its stem 'samenwerk': still found."""
    from kennisbank.exports import dutch

    candidates = sorted(
        {
            (word, p["id"])
            for p in PRACTICES
            for word in words_of(p["title"])
            if len(word) >= 9 and len(dutch.stem(word)) <= len(word) - 2
        },
    )
    word, card = candidates[0]
    typed = word[:-1]
    assert not dutch.stem(word).startswith(typed)  # the case this test is about
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/")
    page.fill("#kb-q", typed)
    wait_for_search(page)
    assert card in visible_cards(page), (typed, word)
