"""Edit links to the YAML source, and the programme team's review page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import copy_project, run_mkdocs_build
from html_tools import elements, page

pytestmark = pytest.mark.build  # builds a site or runs the project's commands


def edit_links(site: Path, url: str) -> list[str]:
    return [
        attrs["href"]
        for tag, attrs in elements(page(site, url).read_text(encoding="utf-8"))
        if tag == "a" and attrs.get("rel") == "edit"
    ]


def line_of(project: Path, file: str, text: str) -> int:
    return (project / file).read_text(encoding="utf-8").splitlines().index(text) + 1


def test_card_pages_edit_their_yaml_at_the_line(tmp_path: Path, monkeypatch) -> None:
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("KENNISBANK_REPO_URL", "https://github.com/voorbeeld/kennisbank")
    site = tmp_path / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    line = line_of(project, "data/practices.yaml", "- id: gezinsadvocaat-hart-van-brabant")
    assert edit_links(site, "praktijken/gezinsadvocaat-hart-van-brabant/") == [
        f"https://github.com/voorbeeld/kennisbank/edit/main/data/practices.yaml#L{line}"
    ]
    step = line_of(project, "data/kompas_steps.yaml", "- number: 3")
    assert edit_links(site, "kompas/stap-3/") == [
        f"https://github.com/voorbeeld/kennisbank/edit/main/data/kompas_steps.yaml#L{step}"
    ]
    assert edit_links(site, "over/") == ["https://github.com/voorbeeld/kennisbank/edit/main/content/over.md"]


def test_without_a_repository_there_is_no_edit_link(built_site: Path) -> None:
    assert "KENNISBANK_REPO_URL" not in os.environ
    assert edit_links(built_site, "praktijken/gezinsadvocaat-hart-van-brabant/") == []
    assert edit_links(built_site, "over/") == []


def test_review_page_lists_stale_and_incomplete_cards(project: Path, tmp_path: Path) -> None:
    practices = project / "data" / "practices.yaml"
    text = practices.read_text(encoding="utf-8")
    card = "- id: gezinsadvocaat-hart-van-brabant"
    start = text.index(card)
    end = text.index("\n- id:", start + 1)
    entry = text[start:end]
    assert "last_reviewed: 2026-11-22" in entry
    practices.write_text(
        text[:start] + entry.replace("last_reviewed: 2026-11-22", "last_reviewed: 2020-01-31") + text[end:],
        encoding="utf-8",
    )
    site = tmp_path / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    html = page(site, "redactie/").read_text(encoding="utf-8")
    stale = html.split('id="niet-gecontroleerd"')[1].split("<h2")[0]
    assert "praktijken/gezinsadvocaat-hart-van-brabant/" in stale and "31 januari 2020" in stale
    assert f"data/practices.yaml:{text[:start].count(chr(10)) + 1}" in stale
    no_link = html.split('id="zonder-link"')[1]
    assert "praktijken/gezinsadvocaat-hart-van-brabant/" in no_link  # this card has no links
    assert '<meta name="robots" content="noindex">' in html
    menu = page(site, "").read_text(encoding="utf-8")
    assert "redactie/" not in menu
