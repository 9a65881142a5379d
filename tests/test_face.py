"""The kennisbank's own face (#19): palette and contrast table, wordmark, one clear title, the
footer on every page, the home page's search and ways in, and the privacy line kept true."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml

from browser import axe_violations, wait_for_results
from conftest import ROOT
from contrast_table import PAIRS, STYLESHEET, pairs, table
from html_tools import page as built_page

PROGRAMME = yaml.safe_load((ROOT / "data" / "programme.yaml").read_text(encoding="utf-8"))
CORE_ELEMENTS = yaml.safe_load((ROOT / "data" / "core_elements.yaml").read_text(encoding="utf-8"))
SITE_NAME = "Kennisbank Toekomstscenario"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def _site_pages(site: Path) -> list[Path]:
    """Every page a visitor reads: not the embeds (shown inside a region's site) and not the
    stubs that only send an old address on."""
    return [
        path
        for path in sorted(site.rglob("index.html"))
        if "embed" not in path.relative_to(site).parts
        and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")
    ]


def test_every_colour_pair_meets_its_minimum_and_the_docs_table_says_so() -> None:
    css = STYLESHEET.read_text(encoding="utf-8")
    computed = pairs(css)
    assert len(computed) == len(PAIRS) >= 10
    assert [pair for pair in computed if not pair.passes] == []
    docs = (ROOT / "docs" / "HUISSTIJL.md").read_text(encoding="utf-8")
    assert table(css) in docs, "docs/HUISSTIJL.md: de contrasttabel klopt niet meer; draai scripts/contrast_table.py"


def test_a_colour_below_the_minimum_fails_the_check() -> None:
    css = STYLESHEET.read_text(encoding="utf-8").replace("--kb-link: #1c5d8c;", "--kb-link: #7fa7c9;", 1)
    failing = [pair.where for pair in pairs(css) if not pair.passes]
    assert "links in lopende tekst" in failing


def test_material_takes_the_palette_and_headings_are_dark(built_site: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"primary: custom\n\s+accent: custom", config)
    home = built_page(built_site, "").read_text(encoding="utf-8")
    assert 'data-md-color-primary="custom"' in home and 'data-md-color-accent="custom"' in home


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_header_shows_the_wordmark_and_headings_are_dark(site_url: str, browser_page, viewport) -> None:
    page, _ = browser_page
    page.set_viewport_size(viewport)
    page.goto(site_url + "praktijken/")
    colours = page.evaluate(
        """() => ({
          h1: getComputedStyle(document.querySelector('.md-content h1')).color,
          header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
          mark: (() => { const svg = document.querySelector('.md-header .md-logo .kb-wordmark');
                         return svg ? svg.getBoundingClientRect().width : 0; })(),
          title: document.querySelector('.md-header__topic .md-ellipsis').getBoundingClientRect().width,
        })"""
    )
    assert colours["h1"] == "rgb(19, 33, 46)"
    assert colours["header"] == "rgb(22, 64, 94)"
    if viewport is LAPTOP:
        assert colours["mark"] > 100  # the wordmark stands in the header
    else:
        assert colours["title"] > 100  # Material hides the logo on a phone: the name stands as text


def test_one_clear_title_per_page(built_site: Path) -> None:
    titles = {}
    for path in _site_pages(built_site):
        found = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), re.DOTALL)
        assert found, path
        titles[str(path.relative_to(built_site).parent)] = found.group(1).strip()
    assert titles["."] == f"{SITE_NAME} kind- en gezinsbescherming"
    # Every other page: its own title, then once the site's name (an instrument may be called
    # after the kennisbank itself; its title is still its own).
    unclear = {
        path: title
        for path, title in titles.items()
        if path != "."
        and (not title.endswith(f" – {SITE_NAME}") or title[: -len(f" – {SITE_NAME}")] in ("", SITE_NAME))
    }
    assert unclear == {}
    assert titles["praktijken"] == f"Praktijken – {SITE_NAME}"


def test_every_page_has_the_footer_with_publisher_contact_licence_accessibility_and_privacy(
    built_site: Path,
) -> None:
    pages = _site_pages(built_site)
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert html.count('<footer class="md-footer kb-footer">') == 1, path
        start = html.index('<footer class="md-footer kb-footer">')
        footer = html[start : html.index("</footer>", start)]
        assert f"Een uitgave van het <strong>{PROGRAMME['name']}</strong>" in footer, path
        assert f'href="mailto:{PROGRAMME["email"]}"' in footer, path
        assert f'href="{PROGRAMME["license"]["url"]}" rel="license"' in footer, path
        statement = re.search(r'<a href="([^"]*)">Toegankelijkheidsverklaring</a>', footer)
        here = "/" + str(path.relative_to(built_site).parent).replace(".", "").strip("/") + "/"
        assert statement and urljoin("http://x" + here.replace("//", "/"), statement.group(1)).endswith(
            "//x/toegankelijkheid/"
        ), path
        assert "geen cookies" in footer, path
        assert "Made with" not in html and "Material for MkDocs</a>" not in html, path


def test_every_core_element_has_an_icon_from_materials_own_sets(built_site: Path) -> None:
    home = built_page(built_site, "").read_text(encoding="utf-8")
    tiles = home[home.index('id="start-kernelement"') :]
    assert len(CORE_ELEMENTS) >= 6
    for element in CORE_ELEMENTS:
        assert element.get("icon"), element["id"]
    assert tiles.count('<span class="kb-tile__icon" aria-hidden="true"><svg') == len(CORE_ELEMENTS)


def test_an_icon_that_material_does_not_ship_is_a_dutch_error_with_file_line_and_field(tmp_path: Path) -> None:
    from check_content import verdict  # the same check as make check

    data = tmp_path / "data"
    data.mkdir()
    for source in (ROOT / "data").glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        if source.name == "core_elements.yaml":
            text = text.replace("icon: material/account-group-outline", "icon: material/bestaat-niet", 1)
        (data / source.name).write_text(text, encoding="utf-8")
    ok, message = verdict(data)
    assert not ok
    line = next(
        number
        for number, text in enumerate((data / "core_elements.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "material/bestaat-niet" in text
    )
    assert f"core_elements.yaml:{line}" in message and "icon" in message
    assert "bestaat niet in de iconensets van Material" in message
    assert "Traceback" not in message


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_home_search_box_searches_the_practices(site_url: str, browser_page, viewport) -> None:
    page, watch = browser_page
    page.set_viewport_size(viewport)
    page.goto(site_url)
    box = page.get_by_role("searchbox", name=re.compile("Zoek in de \\d+ praktijken"))
    box.focus()
    assert box.is_visible() and box.bounding_box()["y"] < viewport["height"], "het zoekvak staat in beeld"
    box.fill("scheiding")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/praktijken/\?q=scheiding"))
    assert parse_qs(urlsplit(page.url).query) == {"q": ["scheiding"]}
    wait_for_results(page)
    assert page.input_value("#kb-q") == "scheiding"
    # ?q= is the catalogue's query here, not a deep link into Material's site search (platform.js)
    assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    assert watch.console_errors == [] and watch.page_errors == []


def test_the_home_page_offers_the_ways_in(built_site: Path) -> None:
    home = built_page(built_site, "").read_text(encoding="utf-8")
    assert (
        '<form class="kb-home-search" role="search" aria-label="Zoek in de praktijken" action="praktijken/" method="get">'
        in home
    )
    for heading in (
        "Begin bij een kernelement of randvoorwaarde",
        "Begin bij een regio",
        "Werk stap voor stap met het Kompas",
    ):
        assert f">{heading}</h2>" in home
    embed = home[home.index('id="start-insluiten"') :]
    assert 'href="insluiten/"' in embed[:1000]
    assert 'href="kompas/"' in home[home.index('id="start-kompas"') :]


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_home_and_footer_have_no_axe_violations_and_no_sideways_scroll(site_url: str, browser_page, viewport) -> None:
    page, _ = browser_page
    page.set_viewport_size(viewport)
    page.goto(site_url)
    page.focus("#kb-home-zoek")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    """The privacy line says everything comes from this server: no page refers to a script,
    style, font, image or frame elsewhere (links a reader follows are fine)."""
    resource = re.compile(
        r"<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=\"(?P<src>[^\"]+)\"|"
        r"<link\b[^>]*\brel=\"(?:stylesheet|preload|icon|modulepreload|prefetch|preconnect|dns-prefetch)\"[^>]*\bhref=\"(?P<href>[^\"]+)\"",
    )
    foreign = {}
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 150
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for found in resource.finditer(html):
            address = found.group("src") or found.group("href")
            if urlsplit(address).scheme in ("http", "https") or address.startswith("//"):
                foreign.setdefault(str(path.relative_to(built_site)), []).append(address)
        if "@import" in html or "url(http" in html:
            foreign.setdefault(str(path.relative_to(built_site)), []).append("CSS van elders")
    assert foreign == {}


@pytest.mark.browser
def test_what_readers_do_sets_no_cookie_stores_nothing_and_asks_no_other_host(site_url: str, browser_page) -> None:
    """The footer's privacy line, kept true: a visitor who reads, searches, filters, opens the
    site search and a worksheet leaves no cookie and nothing in the browser's storage, and the
    server sends no Set-Cookie."""
    page, watch = browser_page
    set_cookie = []
    page.on("response", lambda response: "set-cookie" in response.headers and set_cookie.append(response.url))
    page.goto(site_url)
    page.fill("#kb-home-zoek", "lokale teams")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/praktijken/\?q="))
    wait_for_results(page)
    page.locator(".kb-facet input[type=checkbox]").first.check()
    wait_for_results(page)
    page.goto(site_url + "kompas/stap-4/")
    page.keyboard.press("/")  # Material's site search, with its index
    page.keyboard.type("kompas")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    first_tool = page.goto(site_url + "kompas/")
    assert first_tool is not None and first_tool.status == 200
    page.goto(site_url + "embed/praktijken/")
    storage = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert page.context.cookies() == []
    assert set_cookie == []
    assert watch.foreign_requests() == []
