"""Synonyms for searching (data/synonyms.yaml, exports/synonyms.py): the file is validated like
all content, and a word of a group finds what the other words find, in the catalogue search
on /praktijken/ and in Material's site search alike."""

from __future__ import annotations

import hashlib
import json
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from browser import axe_violations, wait_for_results
from conftest import ROOT, run_mkdocs_build
from kennisbank.catalogue import build_catalogue
from kennisbank.content import ContentErrors, load_content
from kennisbank.exports import dutch
from kennisbank.exports.search_index import INDEX_FIELDS, SYNONYM_FIELD, build_files, practice_documents, shard_key
from kennisbank.exports.synonyms import Synonyms
from kennisbank.views import Site
from test_site_search import search

SYNONYMS = "data/synonyms.yaml"
PRACTICES = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
#: The practices about a complex, high-conflict divorce; none of them says "vechtscheiding".
DIVORCE = ["gezamenlijk-onderzoek-complexe-scheidingen-ijsselland", "gezinsadvocaat-hart-van-brabant"]


def errors_for(tmp_path: Path, synonyms: str) -> list[str]:
    """The errors of the real content with ``synonyms`` as data/synonyms.yaml."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "synonyms.yaml").write_text(textwrap.dedent(synonyms), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content(data)
    return [str(error) for error in caught.value.errors]


# --- the file is checked like every content file ------------------------------------------------


def test_the_real_synonyms_are_valid() -> None:
    groups = load_content(ROOT / "data")["synonyms"]
    assert any("vechtscheiding" in group.terms for group in groups)  # type: ignore[attr-defined]


def test_a_group_needs_two_terms(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, "- id: alleen\n  terms: [vechtscheiding]\n")
    assert errors == [f"{SYNONYMS}:2: terms: " + errors[0].split(": ", 2)[2]]
    assert "minstens twee zoekwoorden" in errors[0]


def test_an_empty_or_capitalised_term_is_refused(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, '- id: groep\n  terms:\n    - vechtscheiding\n    - ""\n    - Complexe Scheiding\n')
    assert any(e.startswith(f"{SYNONYMS}:4: terms[1]: ") and "mag niet leeg zijn" in e for e in errors), errors
    assert any(
        e.startswith(f"{SYNONYMS}:5: terms[2]: ") and "kleine letters ('complexe scheiding')" in e for e in errors
    ), errors


def test_a_term_in_two_groups_names_both_places(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path,
        """\
        - id: scheiding
          terms: [vechtscheiding, complexe scheiding]
        - id: conflict
          terms: [conflictscheiding, vechtscheidingen]
        """,
    )
    assert errors == [
        f"{SYNONYMS}:4: terms[1]: 'vechtscheidingen' zoekt hetzelfde als 'vechtscheiding' in groep 'scheiding' "
        "(regel 2); een zoekwoord hoort in één groep: haal het bij een van de twee weg, of voeg de groepen samen"
    ]


def test_forms_the_search_already_joins_and_stop_words_are_refused(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path,
        """\
        - id: ervaring
          terms:
            - ervaringsdeskundigen
            - ervaringsdeskundigheid
            - van de
        """,
    )
    assert errors[0].startswith(f"{SYNONYMS}:4: terms[1]: 'ervaringsdeskundigheid' zoekt al hetzelfde als")
    assert errors[1].startswith(f"{SYNONYMS}:5: terms[2]: 'van de' bestaat alleen uit woorden")
    assert len(errors) == 2


@pytest.mark.build
def test_a_bad_synonyms_file_stops_the_build_and_keeps_the_old_site(
    project: Path, tmp_path: Path, built_site: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in site.rglob("*") if path.is_file()}
    (project / SYNONYMS).write_text("- id: groep\n  terms: [vechtscheiding]\n", encoding="utf-8")

    result = run_mkdocs_build(project, site)

    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"{SYNONYMS}:2: terms: een groep synoniemen heeft minstens twee zoekwoorden" in result.stderr
    assert {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in site.rglob("*") if path.is_file()} == before


# --- matching: phrases as consecutive words, after the Dutch pipeline ----------------------------


def terms(text: str) -> list[str]:
    return [dutch.stem(word) for word in text.lower().split() if dutch.stem(word)]


def test_a_phrase_matches_only_as_consecutive_words_of_one_line() -> None:
    synonyms = Synonyms([["vechtscheiding", "complexe scheiding"]])
    found = synonyms.find([terms("Hulp bij complexe scheidingen in de regio")])
    assert [(f.term, f.added_words) for f in found] == [("complexe scheiding", ("vechtscheiding",))]
    assert found[0].added_terms == (dutch.stem("vechtscheiding"),)
    assert synonyms.find([terms("Een complexe zaak na de scheiding")]) == []
    assert synonyms.find([terms("Hulp bij complexe"), terms("scheidingen")]) == []
    both = terms("Een vechtscheiding is een complexe scheiding")
    assert synonyms.find([both]) == []  # the text already holds every word of the group


def test_the_catalogue_index_gives_the_divorce_cards_the_word_they_lack() -> None:
    catalogue = build_catalogue(load_content(ROOT / "data"))
    documents = practice_documents(Site(catalogue))
    term = dutch.stem("vechtscheiding")
    key = shard_key(term)
    without = build_files(documents)  # what the site had before: no card holds the word
    assert term not in without.get(f"t-{key}.json", {"terms": {}})["terms"]

    files = build_files(documents, Synonyms(group.terms for group in catalogue.synonyms))
    ids = files["index.json"]["ids"]
    assert [field["name"] for field in files["index.json"]["fields"]] == [field.name for field in INDEX_FIELDS]
    rows = files[f"t-{key}.json"]["terms"][term]
    synonym_row = rows[INDEX_FIELDS.index(SYNONYM_FIELD)]
    positions, position = [], 0
    for start in range(0, len(synonym_row), 3):
        position += synonym_row[start]
        positions.append(position)
    assert [ids[p] for p in positions] == DIVORCE
    assert all(not row for row in rows[: len(INDEX_FIELDS) - 1])  # only as a synonym
    card = ids.index("gezinsadvocaat-hart-van-brabant")
    texts = files[f"x-{card // files['index.json']['bucket']}.json"]["texts"][card % files["index.json"]["bucket"]]
    assert "complexe scheiding" in texts[-1]  # the line the excerpt shows: the word the card holds


@pytest.mark.build
def test_the_site_search_index_has_the_synonyms_in_a_field_of_their_own(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["synonyms"] == {"boost": 1.0}
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for card in DIVORCE:
        doc = by_location[f"praktijken/{card}/"]
        assert "vechtscheiding" in doc["synonyms"].split()
        assert "vechtscheiding" not in doc["text"].lower()


# --- both searches, in the browser ---------------------------------------------------------------


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all("[data-kb-list] > :not([hidden])", "items => items.map(i => i.dataset.card)")


@pytest.mark.browser
def test_the_catalogue_finds_complex_divorce_by_vechtscheiding_and_says_why(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(f"{site_url}praktijken/?q=vechtscheiding")
    wait_for_results(page)
    assert sorted(visible_cards(page)) == DIVORCE
    for card in DIVORCE:
        excerpt = page.locator(f"[data-card='{card}'] [data-kb-excerpt]")
        excerpt.wait_for()
        assert excerpt.text_content().startswith("Gevonden via: complexe scheiding")
        assert excerpt.locator("mark").text_content() == "complexe scheiding"
    assert axe_violations(page) == []
    # A word being typed finds the synonym too, and the reverse direction works.
    page.fill("#kb-q", "vechtsch")
    wait_for_results(page)
    assert sorted(visible_cards(page)) == DIVORCE
    assert watch.console_errors == []


@pytest.mark.browser
def test_ervaringsdeskundigheid_finds_cards_that_say_ervaringsdeskundigen(site_url: str, browser_page) -> None:
    only_plural = [
        p["id"]
        for p in PRACTICES
        if "ervaringsdeskundigen" in yaml.safe_dump(p, allow_unicode=True).lower()
        and "ervaringsdeskundigheid" not in yaml.safe_dump(p, allow_unicode=True).lower()
    ]
    assert only_plural
    page, _ = browser_page
    page.goto(f"{site_url}praktijken/?q=ervaringsdeskundigheid")
    wait_for_results(page)
    assert set(only_plural) <= set(visible_cards(page))


@pytest.mark.browser
def test_site_search_finds_complex_divorce_by_vechtscheiding(site_url: str, browser_page) -> None:
    page, watch = browser_page
    results = search(page, site_url, "vechtscheiding")
    for card in DIVORCE:
        assert f"praktijken/{card}/" in results, results
    # Material names a query word it did not find on a result; a synonym counts as found.
    item = page.locator(".md-search-result__item", has=page.locator(f"a[href*='praktijken/{DIVORCE[1]}/']")).first
    assert item.locator(".md-search-result__terms").count() == 0
    assert axe_violations(page) == []
    assert watch.console_errors == []


def test_the_stem_of_every_common_dutch_word_stands_where_might_hold_looks() -> None:
    """``Synonyms.might_hold`` skips a section of Material's index unless every stem of a group
    term stands at a word start of ``word_starts``: that must hold for the stem of any word."""
    import re

    import wordfreq

    from kennisbank.exports.search_index import Terms
    from kennisbank.exports.synonyms import _plain, word_starts

    of = Terms().of
    latin = re.compile(r"[a-zà-ÿ0-9'’.-]+")
    words = [word for word in wordfreq.top_n_list("nl", 30000) if latin.fullmatch(word)]
    words += [
        "persoon",
        "grootheden",
        "gezinssystemen",
        "scheidingszaken",
        "vechtscheidingen",
        "ervaringsdeskundigheid",
    ]
    missed = [
        (word, term)
        for word in words
        for term in of(word)
        if re.fullmatch(r"[a-z0-9]+", term) and " " + _plain(term) not in word_starts(word)
    ]
    assert missed == []


def test_sections_that_might_hold_no_term_hold_none(built_site: Path) -> None:
    """What ``might_hold`` skips, the full match would not have found either (every section of
    the real site-search index); and it skips most of them."""
    import html as html_module

    from kennisbank.exports.search_index import SEPARATOR, Terms
    from kennisbank.platform import _PHRASE_BREAK

    groups = [group["terms"] for group in yaml.safe_load((ROOT / SYNONYMS).read_text(encoding="utf-8"))]
    synonyms = Synonyms(groups)
    of = Terms().of
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    skipped = 0
    for doc in docs:
        text = f"{doc['title']} {doc['text']}"
        lines = [
            [term for word in SEPARATOR.split(part.lower()) if word for term in of(word)]
            for part in _PHRASE_BREAK.split(html_module.unescape(text))
        ]
        if not synonyms.might_hold(text):
            skipped += 1
            assert synonyms.find(lines) == [], doc["location"]
        else:
            assert synonyms.might_hold(doc["text"] + " " + doc["title"])
    assert synonyms.find([["vechtscheid"]]) and synonyms.might_hold("Een vechtscheiding.")
    assert skipped > len(docs) / 2
