"""Worksheets made for meetings (#19, part 3): a print button at the top of every Kompas
worksheet, and a printed sheet that is a form: only the worksheet, fields for Regio, Datum and
Deelnemers, room to write that fits each question, and on every page where the sheet comes
from and the day it was printed."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic import ValidationError

from browser import axe_violations
from conftest import ROOT
from html_tools import elements, page
from kennisbank import worksheet
from kennisbank.content.models import KompasTool, ToolItem, ToolSection
from kennisbank.render import dutch_date

TOOLS = yaml.safe_load((ROOT / "data" / "kompas_tools.yaml").read_text(encoding="utf-8"))
#: One worksheet of every kind the content has (the first in the file).
BY_KIND = {tool["kind"]: tool for tool in reversed(TOOLS)}
KIND_IDS = sorted(BY_KIND)

#: What the site around a worksheet says; none of it belongs on the printed sheet.
SITE_CHROME = (
    "Naar de inhoud",
    "Zoeken",
    "Vragen of aanvullingen",
    "Toegankelijkheid",
    "Print dit werkblad",
    "Printen kan ook",
    "Alle stappen en werkbladen",
)

STUB_PRINT = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def words(text: str) -> str:
    return " ".join(text.split())


def tool_url(tool: dict[str, Any]) -> str:
    return f"kompas/tools/{tool['id']}/"


# --- Where the room to write comes from (worksheet.py) ---------------------------------------


def test_every_kind_of_worksheet_has_its_room_to_write() -> None:
    kinds = set(get_args(KompasTool.model_fields["kind"].annotation))
    assert set(worksheet.BY_KIND) == kinds
    assert set(worksheet.KIND_LABELS) == kinds  # and its name, on the sheet and on its step


def test_the_most_specific_choice_of_room_wins() -> None:
    tool = KompasTool.model_validate(
        {"id": "x", "title": "X", "step": 1, "kind": "checklist", "purpose": "P", "sections": [{"title": "S"}]}
    )
    plain, sized = ToolSection(title="S"), ToolSection(title="S", answer="ruim")
    assert worksheet.answer_space(tool, plain, ToolItem(text="vraag")) == "kort"  # the kind's room
    assert worksheet.answer_space(tool, sized, ToolItem(text="vraag")) == "ruim"  # the section's
    assert worksheet.answer_space(tool, sized, ToolItem(text="naam", answer="regel")) == "regel"  # the item's
    agenda = tool.model_copy(update={"kind": "draaiboek"})
    assert worksheet.answer_space(agenda, plain, ToolItem(text="welkom")) is None


def test_room_to_write_is_one_of_three_sizes() -> None:
    with pytest.raises(ValidationError, match="answer"):
        ToolItem.model_validate({"text": "vraag", "answer": "groot"})
    with pytest.raises(ValidationError, match="answer"):
        ToolSection.model_validate({"title": "S", "answer": "veel"})


def test_a_table_gets_empty_rows_only_where_it_asks_to_be_filled_in() -> None:
    to_fill = ToolSection(title="Plan", columns=["Actie", "Doel"])
    to_complete = ToolSection(title="Valkuilen", columns=["Valkuil", "Actie"], rows=[["te formeel", ""]])
    legend = ToolSection(title="Lijnen", columns=["Lijn", "Betekenis"], rows=[["groen", "sterk"]])
    assert worksheet.empty_rows(to_fill) == worksheet.ROWS_TO_FILL > worksheet.ROWS_TO_ADD
    assert worksheet.empty_rows(to_complete) == worksheet.ROWS_TO_ADD
    assert worksheet.empty_rows(legend) == 0
    assert worksheet.empty_rows(ToolSection(title="Vragen")) == 0


# --- The built pages ------------------------------------------------------------------------


def test_every_worksheet_page_has_its_print_button_fields_and_room_to_write(built_site: Path) -> None:
    for tool in TOOLS:
        html = page(built_site, tool_url(tool)).read_text(encoding="utf-8")
        tags = elements(html)
        buttons = [attrs for tag, attrs in tags if tag == "button" and "data-kb-print" in attrs]
        assert len(buttons) == 1 and "hidden" in buttons[0] and buttons[0]["type"] == "button", tool["id"]
        assert "worksheet.js" in html
        fields = [attrs for _, attrs in tags if "kb-worksheet__fields" in attrs.get("class", "")]
        assert len(fields) == 1 and fields[0]["aria-hidden"] == "true"
        for label in ("Regio", "Datum", "Deelnemers"):
            assert f'<span class="kb-field__label">{label}</span>' in html
        sizes = [attrs["class"].split("--")[1] for _, attrs in tags if "kb-answer " in attrs.get("class", "") + " "]
        expected = [
            item.get("answer") or section.get("answer") or worksheet.BY_KIND[tool["kind"]]
            for section in tool["sections"]
            if tool["kind"] != "draaiboek"  # an agenda: its items are rows of a table
            for item in (i if isinstance(i, dict) else {"text": i} for i in section.get("items", []))
        ]
        assert sizes == expected, tool["id"]


def test_the_sources_room_to_write_is_in_the_data(built_site: Path) -> None:
    """Where the Kompas gives a line to write on (a network's name, the date) the sheet has one
    line; the reflection questions and the agreements at the end get the most room."""
    governance = page(built_site, "kompas/tools/governance-checklist-netwerkzorg/").read_text(encoding="utf-8")
    first = governance.index("Naam netwerk")
    assert "kb-answer--regel" in governance[first : governance.index("</li>", first)]
    network = page(built_site, "kompas/tools/netwerk-in-kaart/").read_text(encoding="utf-8")
    agreements = network.index("Sluit plenair af en maak afspraken")
    assert network.count("kb-answer--ruim", agreements) == 2
    # the legend of the lines is no table to fill in; the activity plan's table is nothing else
    assert network.count("kb-empty-row") == 0
    plan = page(built_site, "kompas/tools/activiteitenplan/").read_text(encoding="utf-8")
    assert plan.count('<tr class="kb-empty-row"') == worksheet.ROWS_TO_FILL


# --- In the browser: the button ---------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_IDS)
def test_the_print_button_is_the_worksheets_first_control_and_prints(kind: str, site_url: str, chromium) -> None:
    context = chromium.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    try:
        page_ = context.new_page()
        page_.add_init_script(STUB_PRINT)
        page_.goto(site_url + tool_url(BY_KIND[kind]), wait_until="networkidle")
        button = page_.get_by_role("button", name="Print dit werkblad")
        assert button.is_visible()
        first = page_.evaluate(
            """() => [...document.querySelectorAll('.kb-worksheet a[href], .kb-worksheet button, .kb-worksheet input,'
                     + ' .kb-worksheet select, .kb-worksheet textarea, .kb-worksheet [tabindex]')]
                    .find(el => el.offsetParent !== null).textContent.trim()"""
        )
        assert first == "Print dit werkblad"
        # By keyboard: from the breadcrumb (the last link before the worksheet) Tab reaches it.
        page_.locator(".kb-breadcrumb a").last.focus()
        page_.keyboard.press("Tab")
        assert page_.evaluate("document.activeElement.textContent.trim()") == "Print dit werkblad"
        assert page_.evaluate("getComputedStyle(document.activeElement).outlineStyle") not in ("none", "")
        page_.keyboard.press("Enter")
        assert page_.evaluate("window.__printed") == 1
        page_.keyboard.press("Space")
        assert page_.evaluate("window.__printed") == 2
    finally:
        context.close()


def test_without_javascript_there_is_no_dead_button_but_a_hint(site_url: str, chromium) -> None:
    context = chromium.new_context(locale="nl-NL", java_script_enabled=False)
    try:
        page_ = context.new_page()
        page_.goto(site_url + tool_url(TOOLS[0]))
        assert page_.locator("[data-kb-print]").count() == 1
        assert not page_.locator("[data-kb-print]").is_visible()
        assert page_.get_by_text("Printen kan ook via het menu van je browser").is_visible()
    finally:
        context.close()


# --- In the browser: on paper -----------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_IDS)
def test_a_printed_worksheet_is_a_form_with_its_source_on_every_page(kind: str, site_url: str, browser_page) -> None:
    from pypdf import PdfReader

    tool = BY_KIND[kind]
    page_, watch = browser_page
    page_.goto(site_url + tool_url(tool), wait_until="networkidle")
    address = page_.get_attribute('link[rel="canonical"]', "href")  # Material's: site_url + the page
    assert address and address.endswith(tool_url(tool))
    pdf = PdfReader(io.BytesIO(page_.pdf(prefer_css_page_size=True, tagged=True)))
    pages = [words(sheet.extract_text()) for sheet in pdf.pages]
    text = " ".join(pages)
    assert words(tool["title"]) in pages[0]  # the sheet starts on the first page (no empty one)
    for label in ("Regio", "Datum", "Deelnemers"):
        assert label in pages[0], label
    printed = f"Geprint op {dutch_date(datetime.date.today())}"
    for number, sheet in enumerate(pages, start=1):
        assert address in sheet.replace(" ", ""), number
        assert printed in sheet, number
        assert f"pagina {number} van {len(pages)}" in sheet
    for chrome in SITE_CHROME:
        assert chrome not in text, chrome
    assert watch.console_errors == [] and watch.page_errors == []


def test_open_questions_get_more_room_than_a_checklist_point(site_url: str, browser_page) -> None:
    page_, _ = browser_page

    def heights(tool_id: str) -> dict[str, float]:
        page_.goto(f"{site_url}kompas/tools/{tool_id}/", wait_until="networkidle")
        page_.emulate_media(media="print")
        found = page_.evaluate(
            """() => Object.fromEntries(['regel', 'kort', 'ruim'].map(size => {
                 const box = document.querySelector('.kb-answer--' + size);
                 return [size, box ? box.getBoundingClientRect().height : 0];
               }))"""
        )
        page_.emulate_media(media="screen")
        return found

    checklist = heights("governance-checklist-netwerkzorg")
    form = heights("invulformulier-imwr-pdca")
    assert 0 < checklist["regel"] < checklist["kort"]  # a network's name, then a checklist point
    assert form["ruim"] > 1.5 * checklist["kort"]  # an open question
    network = heights("netwerk-in-kaart")
    assert network["ruim"] > 1.5 * network["kort"]  # the agreements at the end of a werkvorm
    # The sheet's own address prints under its title too, not only in the foot of each page
    # (which a browser without CSS page-margin boxes leaves out).
    page_.emulate_media(media="print")
    source = page_.locator(".kb-worksheet__source")
    assert source.is_visible() and source.text_content().strip().endswith("/kompas/tools/netwerk-in-kaart/")
    page_.emulate_media(media="screen")
    # On screen there is no empty room and no form to fill in.
    page_.goto(f"{site_url}kompas/tools/invulformulier-imwr-pdca/", wait_until="networkidle")
    assert not page_.locator(".kb-answer").first.is_visible()
    assert not page_.locator(".kb-worksheet__fields").is_visible()


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844), (320, 640)])
def test_a_worksheet_page_is_accessible_on_every_screen(viewport: tuple[int, int], site_url: str, chromium) -> None:
    width, height = viewport
    context = chromium.new_context(locale="nl-NL", viewport={"width": width, "height": height})
    try:
        page_ = context.new_page()
        for kind in ("checklist", "format"):
            page_.goto(site_url + tool_url(BY_KIND[kind]), wait_until="networkidle")
            assert page_.get_by_role("button", name="Print dit werkblad").is_visible()
            assert axe_violations(page_) == [], kind
            assert page_.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), kind
    finally:
        context.close()
