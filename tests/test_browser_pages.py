"""Every page type in headless Chromium: no errors, nothing from other hosts, no axe violations."""

from __future__ import annotations

import pytest

from browser import axe_violations

PAGE_TYPES = {
    "start": "",
    "praktijken": "praktijken/",
    "praktijk": "praktijken/gezinsadvocaat-hart-van-brabant/",
    "praktijk-met-contact": "praktijken/regionale-aanpak-gia-noord-en-midden-limburg/",
    "kernelementen": "kernelementen/",
    "kernelement": "kernelementen/passende-hulp/",
    "regio's": "regio/",
    "proeftuin": "regio/zaltbommel/",
    "regio": "regio/ijsselland/",
    "over": "over/",
    "kompas": "kompas/",
    "kompas-stap": "kompas/stap-2/",
    "kompas-tool": "kompas/tools/governance-checklist-netwerkzorg/",
    "kompas-tabel": "kompas/tools/activiteitenplan/",
    "draaiboek": "kompas/tools/draaiboek-klantreis/",
    "instrumenten": "instrumenten/",
    "instrument": "instrumenten/kompas-domeinoverstijgend-samenwerken/",
    "geweldsprofielen": "geweldsprofielen/",
    "geweldsprofiel": "geweldsprofielen/complexe-conflictscheiding/",
    "gesprekskaarten": "gesprekskaarten/",
    "gesprekskaart": "gesprekskaarten/vertragen-en-verdragen/",
    "basisprincipes": "basisprincipes/",
    "afkortingen": "begrippen/",
    "nieuw": "nieuw/",
    # The hand-written pages and the team's own.
    "insluiten": "insluiten/",
    "toegankelijkheid": "toegankelijkheid/",
    "redactie": "redactie/",
}


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_is_clean_and_accessible(name: str, site_url: str, browser_page) -> None:
    page, watch = browser_page
    response = page.goto(site_url + PAGE_TYPES[name], wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.locator("h1").count() == 1
    assert watch.console_errors == [] and watch.page_errors == []
    assert watch.foreign_requests() == []
    assert axe_violations(page) == []


@pytest.mark.browser
def test_contact_is_a_mail_link_with_subject(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(site_url + PAGE_TYPES["praktijk-met-contact"])
    link = page.get_by_role("link", name="k.lommen@venlo.nl")
    href = link.get_attribute("href")
    assert href.startswith("mailto:k.lommen@venlo.nl?subject=Vraag%20over%20")


@pytest.mark.browser
def test_keyboard_reaches_cards_with_visible_focus(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(site_url + "praktijken/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('[data-card]') !== null"):
            break
    else:
        pytest.fail("geen praktijkkaart bereikbaar met Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target and "/praktijken/" in target and target != site_url + "praktijken/"


@pytest.mark.browser
def test_worksheet_prints_as_a_form(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(site_url + PAGE_TYPES["kompas-tool"])
    answer = page.locator(".kb-answer").first
    assert not answer.is_visible()  # on screen: no empty lines
    page.emulate_media(media="print")
    assert answer.is_visible() and answer.bounding_box()["height"] > 20  # on paper: room to write
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".kb-breadcrumb"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("h1").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.browser
def test_abbreviation_explained_on_hover(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(site_url + "kernelementen/regionale-veiligheidsteams/")
    abbr = page.locator("abbr", has_text="RVT").first
    assert abbr.get_attribute("title")
    abbr.hover()
    page.wait_for_selector(".md-tooltip2--active, .md-tooltip--active, [role=tooltip]", state="attached", timeout=5000)
