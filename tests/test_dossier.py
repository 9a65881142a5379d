"""Dossiers to take to a meeting (issue #16): a region's and a core element's practices in full,
printable; any filtered selection printable the same way; a PDF that reads back."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import wait_until
from conftest import ROOT
from html_tools import page

PRACTICES = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
REGIONS = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
CORE_ELEMENTS = yaml.safe_load((ROOT / "data" / "core_elements.yaml").read_text(encoding="utf-8"))
INSTRUMENTS = yaml.safe_load((ROOT / "data" / "instruments.yaml").read_text(encoding="utf-8"))
BY_ID = {practice["id"]: practice for practice in PRACTICES}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def words(text: str) -> str:
    return " ".join(text.split())


def articles(html: str) -> dict[str, str]:
    """Each practice's article in a dossier, by id."""
    found = re.findall(r'<article class="kb-dossier__item" id="praktijk-([^"]+)".*?</article>', html, re.DOTALL)
    bodies = re.findall(r'(<article class="kb-dossier__item" id="praktijk-[^"]+".*?</article>)', html, re.DOTALL)
    return dict(zip(found, bodies, strict=True))


def assert_in_full(article: str, practice: dict) -> None:
    """Everything a reader needs of the practice, on paper: nothing left to click."""
    text = text_of(article)
    assert words(practice["title"]) in text
    assert words(practice["summary"]) in text
    first_line = next(
        line for line in practice["body"].splitlines() if line.strip() and not line.startswith(("#", "-"))
    )
    assert words(re.sub(r"[*_`\[\]]|\(http[^)]*\)", "", first_line))[:40] in re.sub(r"[*_`]", "", text)
    for contact in practice.get("contacts", []):
        if contact.get("email"):
            assert contact["email"] in text
    for link in practice.get("links", []):
        assert f'<span class="kb-url">{link["url"].replace("&", "&amp;")}</span>' in article  # the address written out


@pytest.mark.build
def test_every_region_dossier_holds_exactly_its_practices_in_full(built_site: Path) -> None:
    with_practices = [region for region in REGIONS if any(region["id"] in p["regions"] for p in PRACTICES)]
    assert with_practices
    for region in REGIONS:
        dossier = page(built_site, f"regio/{region['id']}/dossier/")
        own = sorted(p["id"] for p in PRACTICES if region["id"] in p["regions"])
        if not own:
            assert not dossier.exists(), region["id"]
            continue
        html = dossier.read_text(encoding="utf-8")
        found = articles(html)
        assert sorted(found) == own, region["id"]
        for practice_id, article in found.items():
            assert_in_full(article, BY_ID[practice_id])
        if region.get("pilot"):
            assert words(region["pilot"]["location"]) in text_of(html)
        assert "Bron: Kennisbank Toekomstscenario, geraadpleegd op" in text_of(html)
        source = re.search(r'<p class="kb-dossier__source">(.*?)</p>', html, re.DOTALL)
        assert source and source.group(1).rstrip().endswith(f"regio/{region['id']}/dossier/")
        region_page = page(built_site, f"regio/{region['id']}/").read_text(encoding="utf-8")
        assert f'<a href="../../regio/{region["id"]}/dossier/">Dossier om te printen</a>' in region_page


@pytest.mark.build
def test_every_core_element_dossier_holds_its_description_practices_and_instruments(built_site: Path) -> None:
    for core in CORE_ELEMENTS:
        html = page(built_site, f"kernelementen/{core['id']}/dossier/").read_text(encoding="utf-8")
        found = articles(html)
        assert sorted(found) == sorted(p["id"] for p in PRACTICES if p["core_element"] == core["id"])
        for practice_id, article in found.items():
            assert_in_full(article, BY_ID[practice_id])
        assert words(core["summary"]) in text_of(html)
        own_instruments = {i["id"] for i in INSTRUMENTS if i["core_element"] == core["id"]}
        assert set(re.findall(r'id="instrument-([^"]+)"', html)) == own_instruments
        assert "Dossier om te printen" in page(built_site, f"kernelementen/{core['id']}/").read_text(encoding="utf-8")


@pytest.mark.build
def test_the_lists_offer_their_selection_to_print(built_site: Path) -> None:
    for listing in ("praktijken", "instrumenten"):
        html = page(built_site, f"{listing}/").read_text(encoding="utf-8")
        assert f'<a href="../{listing}/dossier/" data-kb-print-selection>Druk deze selectie af</a>' in html
        dossier = page(built_site, f"{listing}/dossier/").read_text(encoding="utf-8")
        assert len(re.findall(r'class="kb-dossier__entry"', dossier)) == len(
            PRACTICES if listing == "praktijken" else INSTRUMENTS
        )


def visible(page_) -> list[str]:
    return page_.eval_on_selector_all(
        "[data-kb-list] > [data-card]:not([hidden]), [data-kb-list] > [data-instrument]:not([hidden])",
        "els => els.map(e => e.getAttribute('data-card') || e.getAttribute('data-instrument'))",
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    "choose",
    [
        {"kernelement": ["randvoorwaarden"]},
        {"kernelement": ["regionale-veiligheidsteams"], "regio": ["zaanstreek-waterland"]},
        {"q": ["ervaringsdeskundigheid"]},
    ],
)
def test_printing_a_selection_gives_exactly_the_filtered_list(choose: dict, site_url: str, browser_page) -> None:
    page_, watch = browser_page
    page_.goto(f"{site_url}praktijken/", wait_until="networkidle")
    for param, values in choose.items():
        for value in values:
            if param == "q":
                page_.fill("#kb-q", value)
            else:
                page_.locator(f"#kb-{param}-{value}").check()
    wait_until(page_, "document.querySelector('[data-result-count]').textContent.indexOf('van') !== -1")
    listed = sorted(visible(page_))
    assert listed and len(listed) < len(PRACTICES)
    link = page_.locator("a[data-kb-print-selection]")
    assert parse_qs(urlsplit(link.get_attribute("href")).query) == choose
    link.click()
    page_.wait_for_url("**/praktijken/dossier/**")
    wait_until(page_, "document.querySelector('[data-result-count]').textContent.indexOf('van') !== -1")
    assert sorted(visible(page_)) == listed
    assert watch.console_errors == [] and watch.page_errors == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "url",
    [
        "regio/zaanstreek-waterland/dossier/",
        "kernelementen/handelingskader/dossier/",
        "praktijken/dossier/?kernelement=randvoorwaarden",
    ],
)
def test_dossier_pages_are_clean_and_accessible(url: str, site_url: str, browser_page) -> None:
    from browser import axe_violations

    page_, watch = browser_page
    page_.goto(site_url + url, wait_until="networkidle")
    assert page_.locator("h1").count() == 1
    assert page_.locator("[data-kb-print]").is_visible()  # the print button, with JavaScript
    assert watch.console_errors == [] and watch.page_errors == [] and watch.foreign_requests() == []
    assert axe_violations(page_) == []


@pytest.mark.browser
def test_a_printed_dossier_is_every_practice_and_no_site_chrome(site_url: str, browser_page) -> None:
    from pypdf import PdfReader

    region = "zaanstreek-waterland"
    page_, _ = browser_page
    page_.goto(f"{site_url}regio/{region}/dossier/", wait_until="networkidle")
    pdf = PdfReader(io.BytesIO(page_.pdf(prefer_css_page_size=True, tagged=True)))
    text = words(" ".join(p.extract_text() for p in pdf.pages))
    flat = text.replace("- ", "").replace(" ", "")
    own = [p for p in PRACTICES if region in p["regions"]]
    assert len(pdf.pages) > len(own)  # a cover, then a page (or more) per practice
    for practice in own:
        assert practice["title"].replace(" ", "") in flat, practice["title"]
    for chrome in ("Naar de inhoud", "Zoeken", "Toegankelijkheid", "Vragen of aanvullingen", "Afdrukken of opslaan"):
        assert chrome not in text, chrome
    assert "pagina 1 van" in text
    assert "geraadpleegd op" in text
    assert bool(pdf.trailer["/Root"]["/MarkInfo"]["/Marked"]) and pdf.trailer["/Root"]["/Lang"] == "nl"


@pytest.mark.browser
def test_make_pdf_writes_a_tagged_pdf_next_to_each_dossier(built_site: Path, tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    from pypdf import PdfReader

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    keep = {"regio/groningen/dossier", "kernelementen/lokale-teams/dossier"}
    for dossier in site.glob("*/*/dossier"):
        if dossier.relative_to(site).as_posix() not in keep:
            shutil.rmtree(dossier)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_pdf.py"), str(site)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "2 dossiers als pdf geschreven" in result.stdout
    for folder in keep:
        pdf = PdfReader(site / folder / "dossier.pdf")
        assert pdf.metadata.title.startswith("Dossier: ")
        assert pdf.trailer["/Root"]["/Lang"] == "nl" and bool(pdf.trailer["/Root"]["/MarkInfo"]["/Marked"])
