"""The Kompas as a path (#19, part 2): /kompas/ opens with its five phases and eight steps as
links, every step page starts with a step navigator and the step's worksheets, the table of
contents lists every section of a step page, and headings never skip a level on any Kompas page.

The build tests read the real built site; the browser tests drive it behind nginx with the
production Content-Security-Policy (axe-core, phone and laptop sizes, 320 px, keyboard)."""

from __future__ import annotations

import posixpath
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from browser import axe_violations
from conftest import ROOT
from html_tools import page as built_page


def data(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


STEPS, TOOLS, PHASES = data("kompas_steps.yaml"), data("kompas_tools.yaml"), data("kompas_phases.yaml")
STEP_URLS = [f"kompas/stap-{step['number']}/" for step in STEPS]
LAPTOP, PHONE, NARROW = {"width": 1280, "height": 800}, {"width": 390, "height": 844}, {"width": 320, "height": 800}


def content(site: Path, url: str) -> Tag:
    """The page's content (Material's article), parsed."""
    soup = BeautifulSoup(built_page(site, url).read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert isinstance(article, Tag), url
    return article


def target(url: str, href: str) -> str:
    """A link on the page at ``url`` as a site-relative URL (``kompas/stap-2/``)."""
    resolved = posixpath.normpath(posixpath.join(url, href.split("#")[0]))
    return "" if resolved == "." else resolved.rstrip("/") + "/"


def step_number_of(site: Path, url: str) -> int:
    """The number in the h1 of the step page at ``url`` ("Stap 3: ...")."""
    h1 = content(site, url).find("h1")
    assert h1 is not None and h1.get_text().startswith("Stap "), url
    return int(h1.get_text().split(":")[0].removeprefix("Stap "))


def before(first: Tag, second: Tag) -> bool:
    """Whether ``first`` comes before ``second`` in the document."""
    return second in first.find_all_next()


# --- /kompas/: the overview ------------------------------------------------------------------


def test_kompas_opens_with_the_phases_and_their_steps_as_one_list_of_links(built_site: Path) -> None:
    article = content(built_site, "kompas/")
    overview = article.select_one("nav.kb-path-overview")
    assert overview is not None
    lead = article.select_one("p.kb-lead")
    assert lead is not None and overview.find_previous_sibling() is lead  # right after the h1 and lead
    phases = overview.select("ol.kb-path > li.kb-path__phase")
    assert len(phases) == len(PHASES) == 5
    numbers = []
    for phase, expected in zip(phases, PHASES, strict=True):
        name = phase.select_one(".kb-path__phase-name")
        assert name is not None and name.get_text().startswith(expected["title"])
        links = phase.select("ol.kb-path__steps > li > a")
        assert [step_number_of(built_site, target("kompas/", link["href"])) for link in links] == expected["steps"]
        for link in links:
            number = step_number_of(built_site, target("kompas/", link["href"]))
            title = next(step["title"] for step in STEPS if step["number"] == number)
            assert " ".join(link.get_text().split()) == f"Stap {number}: {title}"  # what a screen reader hears
        numbers += expected["steps"]
    assert numbers == list(range(1, 9))


def test_the_phase_anchors_stay_on_the_detailed_list_only(built_site: Path) -> None:
    """Step pages link their phase as kompas/#<phase>: that anchor is the detailed phase, once."""
    article = content(built_site, "kompas/")
    ids = [tag["id"] for tag in article.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for phase in PHASES:
        heading = article.find(id=phase["id"])
        assert heading is not None and heading.name == "h3" and heading.find_parent(class_="kb-phases") is not None


# --- a step page: navigator, worksheets, table of contents -----------------------------------


@pytest.mark.parametrize("url", STEP_URLS)
def test_a_step_page_starts_with_the_step_navigator(url: str, built_site: Path) -> None:
    article = content(built_site, url)
    number = step_number_of(built_site, url)
    navigator = article.select_one("nav.kb-stepper")
    h1, body = article.find("h1"), article.select_one(".kb-body")
    assert navigator is not None and h1 is not None and body is not None
    assert before(h1, navigator) and before(navigator, body)
    links = navigator.select("ol.kb-path a")
    assert [target(url, link["href"]) for link in links] == STEP_URLS
    current = navigator.select('[aria-current="step"]')
    assert len(current) == 1 and target(url, current[0]["href"]) == url
    assert f"Stap {number}:" in current[0].get_text()
    previous, following = navigator.select('a[rel="prev"]'), navigator.select('a[rel="next"]')
    assert [target(url, link["href"]) for link in previous] == ([f"kompas/stap-{number - 1}/"] if number > 1 else [])
    assert [target(url, link["href"]) for link in following] == ([f"kompas/stap-{number + 1}/"] if number < 8 else [])


@pytest.mark.parametrize("url", STEP_URLS)
def test_the_worksheets_of_the_step_come_before_its_body(url: str, built_site: Path) -> None:
    article = content(built_site, url)
    number = step_number_of(built_site, url)
    box = article.select_one("section.kb-worksheets")
    summary, body = article.select_one(".kb-summary"), article.select_one(".kb-body")
    assert box is not None and summary is not None and body is not None
    assert before(summary, box) and before(box, body)
    heading = box.find("h2")
    assert heading is not None and heading.get_text() == "Werkbladen bij deze stap"
    expected = [f"kompas/tools/{tool['id']}/" for tool in TOOLS if tool["step"] == number]
    assert expected, "every step of the Kompas has a worksheet"
    assert [target(url, link["href"]) for link in box.select("li a")] == expected
    for href in expected:
        assert built_page(built_site, href).exists()
    # each worksheet's kind by the name the worksheet page itself shows ("Invulformulier")
    for item in box.select("li"):
        tag = item.select_one(".kb-tag")
        link = item.find("a")
        assert tag is not None and link is not None
        sheet = BeautifulSoup(
            built_page(built_site, target(url, link["href"])).read_text(encoding="utf-8"), "html.parser"
        )
        shown = sheet.select_one("article .kb-step-meta .kb-tag")
        assert shown is not None and tag.get_text(strip=True) == shown.get_text(strip=True)


@pytest.mark.parametrize("url", STEP_URLS)
def test_the_table_of_contents_lists_every_section_of_a_step(url: str, built_site: Path) -> None:
    html = built_page(built_site, url).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    toc = soup.select_one("nav.md-nav--secondary")
    assert isinstance(article, Tag) and toc is not None
    h2s = article.find_all("h2")
    assert all(h2.get("id") for h2 in h2s), [h2.get_text() for h2 in h2s if not h2.get("id")]
    listed = [link["href"] for link in toc.select("a.md-nav__link")]
    assert [f"#{h2['id']}" for h2 in h2s] == [href for href in listed if href in {f"#{h2['id']}" for h2 in h2s}]
    assert {"#werkbladen", "#in-de-praktijk"} <= set(listed)
    for heading in ("resultaat", "aan-de-slag", "geweldsprofielen"):
        if article.find(id=heading):
            assert f"#{heading}" in listed
    ids = [tag["id"] for tag in article.find_all(id=True)]
    assert len(ids) == len(set(ids)), "an id twice on the page"


def test_a_step_with_a_result_lists_it_in_the_table_of_contents(built_site: Path) -> None:
    """The first complaint of the issue: "Resultaat" was missing from the table of contents."""
    soup = BeautifulSoup(built_page(built_site, "kompas/stap-4/").read_text(encoding="utf-8"), "html.parser")
    toc = soup.select_one("nav.md-nav--secondary")
    assert toc is not None
    titles = [" ".join(link.get_text().split()) for link in toc.select("a.md-nav__link")]
    assert "Resultaat" in titles and "Werkbladen bij deze stap" in titles and "In de praktijk" in titles


# --- heading levels on every Kompas page -----------------------------------------------------


def kompas_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).parent.as_posix() + "/" for path in (site / "kompas").rglob("index.html"))


def test_headings_never_skip_a_level_on_any_kompas_page(built_site: Path) -> None:
    pages = kompas_pages(built_site)
    assert {"kompas/", *STEP_URLS} <= set(pages)
    assert any(url.startswith("kompas/tools/") for url in pages)
    assert any(url.startswith("kompas/achtergrond/") for url in pages)
    skips = {}
    for url in pages:
        levels = [
            int(heading.name[1]) for heading in content(built_site, url).find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
        ]
        assert levels[:1] == [1] and levels.count(1) == 1, url
        jumps = [(a, b) for a, b in pairwise(levels) if b > a + 1]
        if jumps:
            skips[url] = jumps
    assert skips == {}


# --- in the browser ----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
@pytest.mark.parametrize("path", ["kompas/", "kompas/stap-4/", "kompas/stap-1/"])
def test_overview_and_step_pages_have_no_axe_violations(path: str, viewport: dict, chromium, site_url: str) -> None:
    context = chromium.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(site_url + path, wait_until="load")
        assert axe_violations(page) == []
        assert errors == []
    finally:
        context.close()


@pytest.mark.browser
def test_kompas_pages_do_not_scroll_sideways_at_320_px(chromium, site_url: str) -> None:
    context = chromium.new_context(viewport=NARROW, locale="nl-NL")
    page = context.new_page()
    too_wide = {}
    try:
        for path in ["kompas/", *STEP_URLS]:
            page.goto(site_url + path, wait_until="load")
            width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if width[0] > width[1] + 1:
                too_wide[path] = width
            boxes = page.evaluate(
                """() => [...document.querySelectorAll('.kb-stepper, .kb-path-overview, .kb-worksheets')]
                     .map(e => e.getBoundingClientRect()).map(r => [r.left, r.right])"""
            )
            assert boxes and all(left >= 0 and right <= 320 for left, right in boxes), (path, boxes)
    finally:
        context.close()
    assert too_wide == {}


#: The focused element: which link, whether it is inside the navigator, and its outline.
FOCUSED = """() => {
  const e = document.activeElement, style = getComputedStyle(e);
  return {href: e.getAttribute('href') || '', current: e.getAttribute('aria-current'),
          inStepper: !!e.closest('.kb-stepper'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280x800", "390x844"])
def test_the_navigator_is_reached_by_keyboard_with_visible_focus(viewport: dict, chromium, site_url: str) -> None:
    context = chromium.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(site_url + "kompas/stap-4/", wait_until="load")
        stops = []
        for _ in range(60):
            page.keyboard.press("Tab")
            stop = page.evaluate(FOCUSED)
            if stop["inStepper"]:
                stops.append(stop)
            elif stops:
                break
        # Eight steps, then "Vorige" and "Volgende", in reading order, each with a visible outline.
        assert [stop["href"].rstrip("/").rsplit("/", 1)[-1] for stop in stops[:8]] == [f"stap-{n}" for n in range(1, 9)]
        assert len(stops) == 10 and [stop["current"] for stop in stops].count("step") == 1
        assert all(stop["outline"] != "none" and stop["width"] >= 2 for stop in stops), stops
        page.keyboard.press("Shift+Tab")  # back on "Volgende": Enter follows it
        page.keyboard.press("Enter")
        page.wait_for_url("**/kompas/stap-5/")
    finally:
        context.close()


@pytest.mark.browser
def test_the_current_step_is_marked_by_more_than_colour(chromium, site_url: str) -> None:
    """A thicker border and a pointer below it set the current step apart, not only its fill."""
    context = chromium.new_context(viewport=LAPTOP, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(site_url + "kompas/stap-4/", wait_until="load")
        marks = page.evaluate(
            """() => [...document.querySelectorAll('.kb-stepper .kb-path a')].map(a => ({
                 current: a.getAttribute('aria-current') === 'step',
                 border: parseFloat(getComputedStyle(a).borderTopWidth),
                 pointer: getComputedStyle(a, '::after').content}))"""
        )
        current = [mark for mark in marks if mark["current"]]
        others = [mark for mark in marks if not mark["current"]]
        assert len(current) == 1 and len(others) == 7
        assert all(current[0]["border"] >= other["border"] + 1 for other in others)
        assert current[0]["pointer"] not in ("none", "normal") and all(
            other["pointer"] in ("none", "normal") for other in others
        )
    finally:
        context.close()
