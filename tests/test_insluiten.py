"""Embedding for communication officers (#19, part 7): /insluiten/ speaks to them first, the embeds
keep nothing about their visitors and ask no one else for anything, a region without practices
says so instead of offering an empty box, and abbreviations explain themselves on focus and tap
(assets/platform.js, section 5)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from browser import axe_violations, opened, wait_until
from conftest import ROOT
from html_tools import page as built_page

PRACTICES = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
REGIONS = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
LIVE = [practice for practice in PRACTICES if not practice.get("withdrawn")]
EMPTY_REGIONS = [region for region in REGIONS if not any(region["id"] in p["regions"] for p in LIVE)]
FILLED_REGIONS = [region for region in REGIONS if region not in EMPTY_REGIONS]
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))
VIEWPORTS = [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]
#: A region page whose text repeats abbreviations (the first of each is the Tab stop).
ABBREVIATED = "regio/zuid-holland-zuid/"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(built_page(site, url).read_text(encoding="utf-8"), "html.parser")


def test_there_are_regions_with_and_without_practices() -> None:
    """The tests below need both kinds; the data decides which regions they are."""
    assert EMPTY_REGIONS and FILLED_REGIONS


# --- /insluiten/ -----------------------------------------------------------------------------


def test_the_guide_speaks_to_officers_first_and_keeps_the_developer_part(built_site: Path) -> None:
    article = soup(built_site, "insluiten/").select_one("article")
    assert article is not None
    h2 = [heading.get_text(" ", strip=True) for heading in article.find_all("h2")]
    developers = h2.index("Voor webontwikkelaars")
    officers = " ".join(h2[:developers]).lower()
    for subject in ("scripts", "iframes", "cookies", "toegankelijk"):
        assert subject in officers, subject
    steps = [h.get_text(strip=True) for h in article.find_all("h3") if h.get_text().startswith("Stap")]
    assert [step.split(":")[0] for step in steps] == ["Stap 1", "Stap 2", "Stap 3"]
    assert all(article.find("h3", string=step).find_previous("h2").get_text() != h2[developers] for step in steps)
    officer_text = "".join(
        str(node) for node in article.find("h2", string=h2[developers]).find_all_previous(string=True)
    ).lower()
    assert "600 pixels" in officer_text and "atom" in officer_text and "geen cookies" in officer_text
    # What developers read before is still there, after the officers' part.
    developer_text = " ".join(node.get_text(" ") for node in article.find("h2", string=h2[developers]).find_all_next())
    for fact in (
        "sorteer",
        "gecontroleerd",
        "postMessage",
        "kennisbank:hoogte",
        "$kennisbank_embed_ancestors",
        "frame-ancestors",
        "praktijken.schema.json",
        "withdrawn",
        "/api/v2/",
        "GitHub Pages",
    ):
        assert fact in developer_text, fact


def test_every_address_the_guide_names_exists(built_site: Path) -> None:
    """The addresses in code (which the link check does not follow) are real pages and feeds,
    and their parameters are the listing's."""
    article = soup(built_site, "insluiten/").select_one("article")
    assert article is not None
    addresses = {code.get_text() for code in article.find_all("code") if code.get_text().startswith("/")}
    concrete = sorted(
        address for address in addresses if "<" not in address and address != "/api/v2/"
    )  # the promise of a next version
    assert len(concrete) >= 8
    for address in concrete:
        parts = urlsplit(address)
        target = built_site / parts.path.lstrip("/")
        folder = parts.path.endswith("/") and target.is_dir()  # /api/v1/, /embed/: what lies under them
        assert target.is_file() or (target / "index.html").is_file() or folder, address
        params = set(re.findall(r"(\w+)=", parts.query))
        assert params <= {"kernelement", "regio", "q", "sorteer", "geweldsprofiel"}, address
        # An example selection must show something to the officer who follows it.
        chosen = parse_qs(parts.query)
        if {"kernelement", "regio"} & chosen.keys():
            region_in_path = re.match(r"/embed/regio/([^/]+)/", parts.path)
            regions = chosen.get("regio", []) + ([region_in_path.group(1)] if region_in_path else [])
            shown = [
                practice
                for practice in PRACTICES
                if not practice.get("withdrawn")
                and (not regions or set(regions) & set(practice["regions"]))
                and practice["core_element"] in chosen.get("kernelement", [practice["core_element"]])
            ]
            assert shown, address


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["laptop", "telefoon"])
def test_the_guide_has_no_axe_violations(chromium, site_url: str, viewport: dict[str, int]) -> None:
    with opened(chromium, site_url + "insluiten/", viewport=viewport) as page:
        assert axe_violations(page) == []


def test_the_guide_does_not_scroll_sideways_at_320_px_its_code_scrolls_in_its_own_box(chromium, site_url: str) -> None:
    with opened(chromium, site_url + "insluiten/", viewport={"width": 320, "height": 800}) as page:
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1] + 1
        boxes = page.evaluate(
            "Array.from(document.querySelectorAll('article pre > code'), c => [c.scrollWidth, c.clientWidth])"
        )
        assert boxes and any(inner > outer for inner, outer in boxes)  # the iframe code is wider: it scrolls


# --- the embeds: no cookies, no storage, nothing from elsewhere -------------------------------

#: Runs before any page script: records every use of cookies and web storage.
WATCH_STORAGE = """(() => {
  window.__kbStorage = [];
  for (const method of ["getItem", "setItem", "removeItem", "clear", "key"]) {
    const original = Storage.prototype[method];
    Storage.prototype[method] = function (...args) { window.__kbStorage.push(method); return original.apply(this, args); };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    get() { window.__kbStorage.push("cookie"); return cookie.get.call(this); },
    set(value) { window.__kbStorage.push("cookie=" + value); cookie.set.call(this, value); },
  });
})();"""


@pytest.mark.parametrize(
    "path", ["embed/praktijken/?kernelement=lokale-teams&q=gezin", f"embed/regio/{FILLED_REGIONS[0]['id']}/"]
)
def test_an_embed_sets_no_cookie_touches_no_storage_and_asks_no_other_host(chromium, site_url: str, path: str) -> None:
    context = chromium.new_context(locale="nl-NL")
    context.add_init_script(WATCH_STORAGE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(site_url + path, wait_until="networkidle")
        page.locator("[data-card] a").first.focus()  # a visitor at work in the list
        assert page.locator("[data-card]:not([hidden])").count() > 0
        assert context.cookies() == []
        assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]
        assert page.evaluate("window.__kbStorage") == []
        origin = urlsplit(site_url).netloc
        assert requests and all(urlsplit(url).netloc == origin for url in requests if not url.startswith("data:"))
    finally:
        context.close()


def test_the_snippet_gives_its_iframe_a_title_that_says_what_it_shows(built_site: Path) -> None:
    for region in FILLED_REGIONS:
        code = soup(built_site, f"regio/{region['id']}/").select_one("[data-kb-snippet-code]")
        assert code is not None, region["id"]
        iframe = BeautifulSoup(html.unescape(code.get_text()), "html.parser").find("iframe")
        assert iframe is not None
        expected = "Landelijke praktijken" if region["kind"] == "landelijk" else f"Praktijken in {region['name']}"
        assert iframe["title"] == f"{expected} – Kennisbank Toekomstscenario", region["id"]


# --- regions without practices -----------------------------------------------------------------


def test_a_region_without_practices_offers_no_embed_code_but_says_why(built_site: Path) -> None:
    for region in EMPTY_REGIONS:
        page = soup(built_site, f"regio/{region['id']}/")
        assert page.select("[data-kb-snippet], [data-kb-snippet-code], iframe, textarea") == [], region["id"]
        empty = page.select_one("[data-kb-snippet-empty]")
        assert empty is not None and "nog niets om" in empty.get_text(), region["id"]
    for region in FILLED_REGIONS:  # the others still have theirs
        assert soup(built_site, f"regio/{region['id']}/").select_one("[data-kb-snippet-code]") is not None


@pytest.mark.parametrize("url", ["", "regio/"])
def test_region_lists_say_nog_geen_praktijken_instead_of_zero(built_site: Path, url: str) -> None:
    page = soup(built_site, url)
    items = [item for ul in page.select("ul.kb-region-links") for item in ul.find_all("li")]
    assert len(items) == len(REGIONS)
    without = {
        item.get_text(" ", strip=True).removesuffix(" nog geen praktijken")
        for item in items
        if item.get_text(" ", strip=True).endswith(" nog geen praktijken")
    }
    assert without == {region["name"] for region in EMPTY_REGIONS}
    for item in items:
        assert "(0)" not in item.get_text()


def test_the_coverage_table_says_a_region_has_nothing_yet(built_site: Path) -> None:
    rows = soup(built_site, "regio/").select(".kb-coverage__table tbody tr")
    empty = {row.th.get_text(strip=True) for row in rows if row.find_all("td")[-1].get_text(strip=True) == "nog geen"}
    assert empty == {region["name"] for region in EMPTY_REGIONS}
    assert all(row.find_all("td")[-1].get_text(strip=True) != "0" for row in rows)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["laptop", "telefoon"])
def test_a_region_page_without_practices_has_no_axe_violations(chromium, site_url: str, viewport) -> None:
    with opened(chromium, site_url + f"regio/{EMPTY_REGIONS[0]['id']}/", viewport=viewport) as page:
        assert axe_violations(page) == []


# --- abbreviations by keyboard and by tap -------------------------------------------------------

EXPLANATION = """() => {
  const abbr = document.activeElement && document.activeElement.matches("abbr") ? document.activeElement
    : document.querySelector("abbr[tabindex]");
  const id = abbr.getAttribute("aria-describedby"), tip = id && document.getElementById(id);
  const box = tip && tip.firstElementChild && tip.firstElementChild.getBoundingClientRect();
  const own = abbr.getBoundingClientRect();
  return {
    text: abbr.textContent, focused: document.activeElement === abbr,
    shown: !!box && box.width > 0 && box.height > 0 && getComputedStyle(tip).opacity === "1",
    explanation: tip ? tip.textContent : null,
    covers: !!box && box.width > 0 && !(box.bottom <= own.top || box.top >= own.bottom || box.right <= own.left || box.left >= own.right),
  };
}"""


def expansion(abbreviation: str) -> str:
    return next(str(entry["meaning"]) for entry in GLOSSARY if entry["term"] == abbreviation)


def test_only_the_first_of_each_abbreviation_is_a_tab_stop(chromium, site_url: str) -> None:
    with opened(chromium, site_url + ABBREVIATED) as page:
        texts = page.evaluate("Array.from(document.querySelectorAll('.md-content abbr'), a => a.textContent)")
        stops = page.evaluate("Array.from(document.querySelectorAll('.md-content abbr[tabindex]'), a => a.textContent)")
        assert len(texts) > len(set(texts))  # the page repeats some: only the first takes focus
        assert stops == list(dict.fromkeys(texts))


def test_when_a_listing_hides_the_first_abbreviation_the_next_visible_one_takes_its_tab_stop(
    chromium, site_url: str
) -> None:
    """A filter hides cards (``hidden``) and filters.js says "kennisbank:rendered": the Tab
    stop of an abbreviation moves to its first occurrence that can still be seen."""
    with opened(chromium, site_url + ABBREVIATED) as page:
        moved = page.evaluate(
            """() => {
              const all = Array.from(document.querySelectorAll('.md-content abbr'));
              const first = all.find(a => a.hasAttribute('tabindex') &&
                all.filter(b => b.textContent === a.textContent && !b.closest('a')).length > 1);
              const next = all.filter(b => b.textContent === first.textContent && b !== first && !b.closest('a'))[0];
              const block = first.closest('p, li, td, section');
              block.hidden = true;
              document.dispatchEvent(new CustomEvent('kennisbank:rendered', { bubbles: true }));
              const afterHide = [first.hasAttribute('tabindex'), next.getAttribute('tabindex')];
              block.hidden = false;
              document.dispatchEvent(new CustomEvent('kennisbank:rendered', { bubbles: true }));
              return afterHide.concat([first.getAttribute('tabindex'), next.hasAttribute('tabindex')]);
            }"""
        )
        assert moved == [False, "0", "0", False]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=["laptop", "telefoon"])
def test_tab_reaches_an_abbreviation_shows_its_explanation_and_escape_hides_it(
    chromium, site_url: str, viewport: dict[str, int]
) -> None:
    with opened(chromium, site_url + ABBREVIATED, viewport=viewport) as page:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('abbr')"):
                break
        else:
            pytest.fail("Tab bereikt geen afkorting")
        wait_until(page, f"({EXPLANATION})().shown")
        state = page.evaluate(EXPLANATION)
        assert state["explanation"] == expansion(state["text"]) and not state["covers"]
        assert described_as(page) == expansion(state["text"])  # what a screen reader announces
        assert axe_violations(page) == []  # with the explanation open
        page.keyboard.press("Escape")
        wait_until(page, f"!({EXPLANATION})().shown")
        assert page.evaluate(EXPLANATION)["focused"]  # dismissed, focus stays where it was


def described_as(page: Any) -> str:
    """The accessible description Chromium gives the focused element."""
    session = page.context.new_cdp_session(page)
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": "abbr:focus"})["nodeId"]
    tree = session.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    return str(tree["nodes"][0].get("description", {}).get("value", ""))


def test_a_tap_shows_the_explanation_a_second_tap_hides_it(chromium, site_url: str) -> None:
    with opened(chromium, site_url + ABBREVIATED, viewport=VIEWPORTS[1], has_touch=True, is_mobile=True) as page:
        abbr = page.locator(".md-content abbr[tabindex]").first
        abbr.scroll_into_view_if_needed()
        abbr.tap()
        wait_until(page, f"({EXPLANATION})().shown")
        state = page.evaluate(EXPLANATION)
        assert state["explanation"] == expansion(state["text"]) and not state["covers"]
        abbr.tap()
        wait_until(page, f"!({EXPLANATION})().shown")
        abbr.tap()
        wait_until(page, f"({EXPLANATION})().shown")
        page.keyboard.press("Escape")
        wait_until(page, f"!({EXPLANATION})().shown")


def test_the_explanation_stays_while_the_pointer_is_on_it(chromium, site_url: str) -> None:
    with opened(chromium, site_url + ABBREVIATED) as page:
        page.locator(".md-content abbr[tabindex]").first.hover()
        wait_until(page, f"({EXPLANATION})().shown")
        box = page.evaluate(
            "(() => { const a = document.querySelector('abbr[tabindex]');"
            " const r = document.getElementById(a.getAttribute('aria-describedby')).firstElementChild"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        page.mouse.move(box[0], box[1], steps=5)
        page.wait_for_timeout(800)  # longer than Material's 250 ms before it closes
        assert page.evaluate(EXPLANATION)["shown"]
