"""Keyboard and small screens (#19, part 1): on a phone and at 200 % zoom the menu and search
buttons work by keyboard, nothing closed or off screen takes focus, and no page scrolls sideways
at 320 px. Material's menu and search are <label>s for hidden checkboxes; assets/platform.js
(section 4) makes them buttons and makes what is closed inert."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import axe_violations, opened, wait_until

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = ["", "praktijken/", "praktijken/gezinsadvocaat-hart-van-brabant/", "kompas/stap-2/", "regio/ijsselland/"]
MENU = "label.md-header__button[for='__drawer']"
SEARCH = "label.md-header__button[for='__search']"

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect(), style = getComputedStyle(e);
  const visible = r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0
    && r.top < innerHeight && style.visibility !== "hidden" && Number(style.opacity) > 0;
  return {name: (e.getAttribute("aria-label") || e.textContent || e.tagName).trim().slice(0, 40),
          visible, inMenu: !!e.closest(".md-sidebar--primary"), inSearch: !!e.closest(".md-search")};
}"""


def phone_page(chromium, site_url: str, path: str):
    """The page at phone size; closed afterwards, with no errors reported (browser.opened)."""
    return opened(chromium, site_url + path, viewport=PHONE)


@pytest.mark.parametrize("path", PAGES)
def test_on_a_phone_every_tab_stop_is_visible_and_the_menu_is_one_of_them(chromium, site_url: str, path: str) -> None:
    with phone_page(chromium, site_url, path) as page:
        stops = []
        for _ in range(25):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(FOCUSED))
        assert stops[0] is not None and stops[0]["name"] == "Naar de inhoud"  # the skip link first
        hidden = [stop for stop in stops if stop is not None and not stop["visible"]]
        assert hidden == [], "focus on something closed or off screen"
        assert not any(stop and (stop["inMenu"] or stop["inSearch"]) for stop in stops), "closed menu or search"
        assert any(stop and stop["name"] == "Menu" for stop in stops)


def test_the_menu_button_opens_by_keyboard_moves_focus_in_and_escape_brings_it_back(chromium, site_url: str) -> None:
    with phone_page(chromium, site_url, "praktijken/") as page:
        button = page.locator(MENU)
        assert button.get_attribute("role") == "button" and button.get_attribute("aria-expanded") == "false"
        for key in ("Enter", " "):
            button.focus()
            page.keyboard.press(key)
            wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null")
            # Material slides the menu in; look once it is there.
            wait_until(
                page, "Math.round(document.querySelector('.md-sidebar--primary').getBoundingClientRect().left) >= 0"
            )
            assert button.get_attribute("aria-expanded") == "true"
            for _ in range(4):  # Tab stays in the open menu: the page behind it is inert
                page.keyboard.press("Tab")
                stop = page.evaluate(FOCUSED)
                assert stop is not None and stop["inMenu"] and stop["visible"], stop
            assert axe_violations(page) == []
            page.keyboard.press("Escape")
            wait_until(page, "!document.getElementById('__drawer').checked")
            assert page.evaluate(f"document.activeElement.matches({MENU!r})")
            assert button.get_attribute("aria-expanded") == "false"


def test_the_search_button_opens_by_keyboard_and_escape_returns_to_it(chromium, site_url: str) -> None:
    with phone_page(chromium, site_url, "") as page:
        button = page.locator(SEARCH)
        button.focus()
        page.keyboard.press(" ")
        wait_until(page, "document.activeElement.matches('.md-search__input')")
        assert button.get_attribute("aria-expanded") == "true"
        page.keyboard.type("gezin")
        # the results as a reader sees them: rendered, with their marked words
        wait_until(page, "document.querySelectorAll('.md-search-result__item mark').length > 0")
        page.wait_for_timeout(1500)  # Material adds the teasers of the further results a moment later
        assert axe_violations(page) == []
        page.keyboard.press("Escape")
        wait_until(page, "!document.getElementById('__search').checked")
        assert page.evaluate(f"document.activeElement.matches({SEARCH!r})")


def test_on_a_laptop_the_menu_is_no_drawer_and_nothing_is_made_inert(chromium, site_url: str) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(site_url + "kompas/stap-2/", wait_until="load")
        assert not page.locator(MENU).is_visible() and not page.locator(SEARCH).is_visible()
        assert page.evaluate("document.querySelectorAll('[inert]').length") == 0
    finally:
        context.close()


def test_no_page_scrolls_sideways_at_320_px(chromium, site_url: str, built_site: Path) -> None:
    """WCAG 1.4.10: at 320 CSS pixels (400 % zoom of 1280) everything fits the width; what is wider
    (a table, code) scrolls inside its own box."""
    context = chromium.new_context(viewport={"width": 320, "height": 800}, locale="nl-NL")
    page = context.new_page()
    pages = sorted(str(path.relative_to(built_site).parent).replace(".", "") for path in built_site.rglob("index.html"))
    assert len(pages) > 150
    too_wide = {}
    try:
        for path in pages:
            page.goto(site_url + (path + "/" if path else ""), wait_until="load")
            width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if width[0] > width[1] + 1:
                too_wide[path] = width
    finally:
        context.close()
    assert too_wide == {}
