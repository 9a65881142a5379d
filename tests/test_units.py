"""Unit tests of the pipeline's stages on the real data, without a site build or a browser
(``make test-fast``): the loader's output, the catalogue's indexes, the page specs against the
URL table of DESIGN.md, the facet counts and the feed mapping."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from kennisbank.catalogue import Catalogue, build_catalogue
from kennisbank.content import load_content
from kennisbank.content.registry import CONTENT_TYPES
from kennisbank.exports import feed
from kennisbank.facets import FACETS, card_attributes, facets_for
from kennisbank.pages import page_specs
from kennisbank.urls import ATOM, FEED, FEED_SCHEMA, core_element_atom_url, region_atom_url, region_feed_url
from kennisbank.views import Site

DESIGN = ROOT.parent / "shared" / "DESIGN.md"
URL_TABLE_COPY = ROOT / "tests" / "url_contract.md"
#: Addresses of the URL table that later work adds; each one leaves this list in the change
#: that builds it (the test below fails while it is both listed and built).
NOT_YET_BUILT: set[str] = set()
#: Pages written by hand in content/ rather than generated from data.
HAND_WRITTEN = {"insluiten/": "insluiten.md", "toegankelijkheid/": "toegankelijkheid.md"}


def raw(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8")) or []


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return build_catalogue(load_content(ROOT / "data"))


# --- the URL table ---------------------------------------------------------------------------


def url_table(text: str) -> list[str]:
    """The addresses in the URL contract's table (``/praktijken/<id>/``), in order."""
    section = text[text.index("## URL contract") :]
    section = section[: section.index("\n## ", 1)] if "\n## " in section[1:] else section
    addresses = []
    for row in section.splitlines():
        if row.startswith("| `"):
            first_cell, what = row.split("|")[1:3]
            addresses += re.findall(r"`([^`]+)`", first_cell)
            # "JSON feed of all practices (`/api/v1/regio/<id>.json` per region)"
            addresses += [address for address in re.findall(r"`([^`]+)`", what) if address.startswith("/")]
    return addresses


def as_pattern(address: str) -> re.Pattern[str]:
    """``/praktijken/<id>/`` as a regular expression over site-relative URLs (``praktijken/x/``)."""
    parts = re.split(r"(<id>|<n>)", address.lstrip("/"))
    regex = "".join(
        "[a-z0-9]+(?:-[a-z0-9]+)*" if part == "<id>" else "[1-9][0-9]*" if part == "<n>" else re.escape(part)
        for part in parts
    )
    return re.compile(regex + "$")


def test_the_url_table_copy_is_the_design_table() -> None:
    copy = url_table(URL_TABLE_COPY.read_text(encoding="utf-8"))
    assert len(copy) > 20 and "/praktijken/<id>/" in copy
    if DESIGN.exists():  # in this checkout's workspace; a clone elsewhere has only the copy
        assert url_table(DESIGN.read_text(encoding="utf-8")) == copy, "tests/url_contract.md is achter op DESIGN.md"


def test_page_specs_and_feeds_follow_the_url_table(catalogue: Catalogue) -> None:
    table = {address: as_pattern(address) for address in url_table(URL_TABLE_COPY.read_text(encoding="utf-8"))}
    made = [spec.url for spec in page_specs(catalogue)]
    assert len(made) == len(set(made)), "twee pagina's met hetzelfde adres"
    made += [FEED, FEED_SCHEMA, ATOM] + [region_feed_url(region) for region in catalogue.regions]
    made += [region_atom_url(region) for region in catalogue.regions]
    made += [core_element_atom_url(core) for core in catalogue.core_elements]
    made += [url for url, source in HAND_WRITTEN.items() if (ROOT / "content" / source).exists()]
    outside = [url for url in made if not any(pattern.match(url) for pattern in table.values())]
    # Pages the table does not list, each with the reason it may exist.
    allowed_outside = {
        "": "the home page",
        "over/": "about the programme (content/over.md)",
        "api/v1/praktijken.schema.json": "the feed's JSON Schema, next to the feed",
        "kernelementen/": "the overview of the core elements, the way to /kernelementen/<id>/",
        "regio/": "the overview of the regions, the way to /regio/<id>/",
        "praktijken/dossier/": "every practice in full, for 'Druk deze selectie af' (issue #16)",
        "instrumenten/dossier/": "every instrument in full, for 'Druk deze selectie af' (issue #16)",
    }
    assert sorted(set(outside) - set(allowed_outside)) == []
    unbuilt = [address for address, pattern in table.items() if not any(pattern.match(url) for url in made)]
    assert sorted(unbuilt) == sorted(NOT_YET_BUILT)


def test_every_item_with_pages_has_its_page(catalogue: Catalogue) -> None:
    made = {spec.url for spec in page_specs(catalogue)}
    for content_type in CONTENT_TYPES:
        if content_type.pages is None or content_type.pages.template is None:
            continue
        for key in catalogue.of(content_type.name):
            assert content_type.pages.url.format(key=key) in made, (content_type.name, key)


# --- loader and catalogue -------------------------------------------------------------------


def test_the_catalogue_holds_every_item_of_the_data_files_in_order(catalogue: Catalogue) -> None:
    for content_type in CONTENT_TYPES:
        path = ROOT / "data" / content_type.file
        if not path.exists():
            continue
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        keys = [item[content_type.key] for item in items] if not content_type.single else [0]
        if content_type.key == "number":
            keys = sorted(keys)
        assert list(catalogue.of(content_type.name)) == keys, content_type.name


def test_linked_items_are_the_items_that_name_them(catalogue: Catalogue) -> None:
    practices = raw("practices.yaml")
    for core_element in raw("core_elements.yaml"):
        expected = {p["id"] for p in practices if p["core_element"] == core_element["id"]}
        linked = catalogue.linked("core_elements", core_element["id"], "practices")
        assert {p.id for p in linked} == expected
    for region in raw("regions.yaml"):
        expected = {p["id"] for p in practices if region["id"] in p["regions"]}
        assert {p.id for p in catalogue.linked("regions", region["id"], "practices")} == expected


def test_every_item_knows_the_line_it_was_written_on(catalogue: Catalogue) -> None:
    lines = (ROOT / "data" / "practices.yaml").read_text(encoding="utf-8").splitlines()
    for practice in raw("practices.yaml"):
        file, line = catalogue.source_of("practices", practice["id"])
        assert file == "data/practices.yaml"
        assert lines[line - 1].lstrip("- ").startswith("id:") and practice["id"] in lines[line - 1]


# --- facets ---------------------------------------------------------------------------------


def test_facet_counts_are_the_numbers_of_cards_with_each_value(catalogue: Catalogue) -> None:
    practices = raw("practices.yaml")
    counted = {
        "kernelement": Counter(p["core_element"] for p in practices),
        "regio": Counter(region for p in practices for region in p["regions"]),
        "thema": Counter(theme for p in practices for theme in p.get("themes", [])),
        "principe": Counter(principle for p in practices for principle in p.get("principles", [])),
        # A profile names its practices itself, as the source does or as the editors chose.
        "geweldsprofiel": Counter(
            profile["id"]
            for profile in raw("violence_profiles.yaml")
            for practice in set(profile.get("practices", []) + profile.get("editorial", {}).get("practices", []))
        ),
    }
    facets = {facet.param: facet for facet in facets_for("practices", catalogue)}
    assert set(facets) == {param for param, counts in counted.items() if counts}  # an empty facet is left out
    for param, counts in counted.items():
        if not counts:
            continue
        shown = {option.value: option.count for option in facets[param].options}
        assert {value: count for value, count in shown.items() if count} == dict(counts), param
    # Core elements without practices stay in the form (the gap is news); empty regions do not.
    assert set(facets["kernelement"].options and [o.value for o in facets["kernelement"].options]) == {
        c["id"] for c in raw("core_elements.yaml")
    }
    assert all(option.count for option in facets["regio"].options)


def test_card_attributes_carry_every_facet_value(catalogue: Catalogue) -> None:
    site = Site(catalogue)
    for practice in site.all("practices"):
        attributes = dict(
            re.findall(r'data-([a-z-]+)="([^"]*)"', str(card_attributes("practices", practice.model, catalogue)))
        )
        assert attributes["card"] == practice.id
        for facet in FACETS["practices"]:
            assert attributes[facet.attribute].split() == facet.values(practice.model, catalogue)


# --- feed mapping ---------------------------------------------------------------------------


def test_the_feed_carries_every_practice_field_as_the_data_has_it(catalogue: Catalogue) -> None:
    site = Site(catalogue)
    programme = yaml.safe_load((ROOT / "data" / "programme.yaml").read_text(encoding="utf-8"))
    for practice, data in zip(site.all("practices"), raw("practices.yaml"), strict=True):
        item = feed._item(practice, lambda path: "https://example.org/" + path, site.programme)
        assert item.id == data["id"] and item.title == data["title"] and item.summary == data["summary"]
        assert item.url == f"https://example.org/praktijken/{data['id']}/"
        assert item.core_element.id == data["core_element"]
        assert [region.id for region in item.regions] == data["regions"]
        assert [contact.email for contact in item.contacts] == [c.get("email") for c in data.get("contacts", [])]
        assert [link.url for link in item.links] == [link["url"] for link in data.get("links", [])]
        own = [c for c in data.get("contacts", []) if c.get("email")]
        expected = own[0]["email"] if own else programme["email"]
        assert item.contact_point.email == expected
        assert item.contact_point.kind == ("praktijk" if own else "programmateam")


def test_a_content_field_the_feed_does_not_know_is_a_dutch_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import Field

    from kennisbank.content import models

    class PracticeWithMore(models.Practice):
        werkzame_elementen: list[str] = Field(default_factory=list)

    monkeypatch.setattr(models, "Practice", PracticeWithMore)
    with pytest.raises(feed.FeedFieldsError) as caught:
        feed.check_feed_fields()
    message = str(caught.value)
    assert "'werkzame_elementen'" in message and "praktijk" in message and "LEFT_OUT" in message
    monkeypatch.setitem(feed.LEFT_OUT["practice"], "werkzame_elementen", "alleen voor de site")
    feed.check_feed_fields()  # left out on purpose, with a reason: no error


def test_the_plugin_turns_an_unknown_feed_field_into_a_build_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from mkdocs.exceptions import PluginError

    from kennisbank.plugin import KennisbankPlugin

    def unknown() -> None:
        raise feed.FeedFieldsError("kennisbank: de JSON-feed kent het veld 'x' van een praktijk niet.")

    monkeypatch.setattr("kennisbank.plugin.check_feed_fields", unknown)
    plugin = KennisbankPlugin()
    with pytest.raises(PluginError, match="kent het veld 'x'"):
        plugin.on_config(None)  # type: ignore[arg-type]  # stops before it reads the config


def test_make_check_counts_every_type_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import check_content

    monkey_argv = [str(ROOT / "data")]
    old_argv = sys.argv
    sys.argv = ["check_content.py", *monkey_argv]
    try:
        assert check_content.main() == 0
    finally:
        sys.argv = old_argv
    said = capsys.readouterr().out
    for content_type in CONTENT_TYPES:
        path = ROOT / "data" / content_type.file
        if content_type.single or not path.exists():
            continue
        number = len(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
        if number:
            assert content_type.noun.count(number) in said, (content_type.name, said)
