"""Material's site-wide search, in Dutch, through its own search box in headless Chromium."""

from __future__ import annotations

import pytest

from browser import wait_until

pytestmark = pytest.mark.browser


def search(page, site_url: str, query: str) -> list[str]:
    """Result links (site-relative, without the highlight parameter) for ``query``."""
    if not page.url.startswith(site_url):
        page.goto(site_url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query)
    # Material's status line says "initialising" first, then "N overeenkomende documenten"
    # (or "Geen overeenkomende documenten") once the worker has answered this query.
    wait_until(
        page,
        "q => /overeenkomend/.test(document.querySelector('.md-search-result__meta').textContent) && "
        "document.querySelector('input.md-search__input').value === q",
        arg=query,
        timeout=30,
    )
    page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    root = site_url.split("/", 3)[:3]
    base = "/".join(root) + "/"
    return [href.removeprefix(base).split("?")[0] for href in hrefs]


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("gezinsadvocaat", "praktijken/gezinsadvocaat-hart-van-brabant/"),
        ("gezinsadvocaten", "praktijken/gezinsadvocaat-hart-van-brabant/"),  # plural finds singular
        ("intieme terreur", "geweldsprofielen/intieme-terreur/"),
        ("vertragen verdragen", "gesprekskaarten/vertragen-en-verdragen/"),
        ("zaltbommel", "regio/zaltbommel/"),
        ("draaiboek klantreis", "kompas/tools/draaiboek-klantreis/"),
    ],
)
def test_site_search_finds_each_kind_of_knowledge(query: str, expected_first: str, site_url: str, browser_page) -> None:
    page, watch = browser_page
    results = search(page, site_url, query)
    assert results and results[0] == expected_first, results[:5]
    assert watch.console_errors == []


def test_dutch_plural_finds_pages_with_only_the_singular(site_url: str, browser_page) -> None:
    page, _ = browser_page
    results = search(page, site_url, "werkpakketten")
    assert "instrumenten/werkpakket-werken-aan-veiligheid/" in results
    results = search(page, site_url, "stappen kompas")
    assert any(result.startswith("kompas/stap-") for result in results)


def test_kompas_step_and_instrument_are_found(site_url: str, browser_page) -> None:
    page, _ = browser_page
    assert any(result.startswith("kompas/stap-") for result in search(page, site_url, "governance"))
    assert any(result.startswith("instrumenten/") for result in search(page, site_url, "toolbox"))


def test_site_search_index_loads_only_when_search_opens(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(site_url + "praktijken/", wait_until="networkidle")
    assert not [url for url in watch.requests if "search_index.json" in url]
    results = search(page, site_url + "praktijken/", "gezinsadvocaat")
    assert [url for url in watch.requests if "search_index.json" in url]
    assert results[0] == "praktijken/gezinsadvocaat-hart-van-brabant/"
