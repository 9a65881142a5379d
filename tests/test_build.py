"""The real site, built from the real content: every page there, every listing exact."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, copy_project, run_mkdocs_build
from html_tools import card_ids, cards, elements, page


def data(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


PRACTICES = data("practices.yaml")
REGIONS = data("regions.yaml")
CORE_ELEMENTS = data("core_elements.yaml")


def test_every_practice_has_its_page(built_site: Path) -> None:
    for practice in PRACTICES:
        html = page(built_site, f"praktijken/{practice['id']}/").read_text(encoding="utf-8")
        assert f"<h1>{practice['title']}</h1>" in html.replace("&#39;", "'")
        for contact in practice.get("contacts", []):
            if "email" in contact:
                assert f'href="mailto:{contact["email"]}?subject=' in html
        for link in practice.get("links", []):
            assert f'href="{link["url"]}"'.replace("&", "&amp;") in html


def test_listing_shows_every_practice_with_contract_attributes(built_site: Path) -> None:
    from kennisbank.catalogue import title_key

    listed = cards(page(built_site, "praktijken/").read_text(encoding="utf-8"))
    in_title_order = sorted(PRACTICES, key=lambda practice: title_key(practice["title"]))
    assert [card["data-card"] for card in listed] == [practice["id"] for practice in in_title_order]
    for card, practice in zip(listed, in_title_order, strict=True):
        assert card["data-core-element"] == practice["core_element"]
        assert card["data-regions"].split() == practice["regions"]
        assert "hidden" not in card


def test_core_element_pages_list_exactly_their_practices(built_site: Path) -> None:
    for core_element in CORE_ELEMENTS:
        expected = [p["id"] for p in PRACTICES if p["core_element"] == core_element["id"]]
        assert card_ids(page(built_site, f"kernelementen/{core_element['id']}/")) == expected, core_element["id"]


def test_region_pages_list_exactly_their_practices(built_site: Path) -> None:
    for region in REGIONS:
        expected = [p["id"] for p in PRACTICES if region["id"] in p["regions"]]
        assert card_ids(page(built_site, f"regio/{region['id']}/")) == expected, region["id"]


def test_pilot_profile_on_region_page(built_site: Path) -> None:
    pilots = [region for region in REGIONS if region.get("pilot")]
    assert len(pilots) >= 10
    for region in pilots:
        import html as markup
        import re

        html = page(built_site, f"regio/{region['id']}/").read_text(encoding="utf-8")
        assert "Doelen voor 2026" in html
        text = " ".join(markup.unescape(re.sub(r"<[^>]+>", "", html)).split())  # mentions may be links now
        for goal in region["pilot"]["goals_2026"]:
            assert " ".join(goal.split()) in text, goal


def test_home_page_opens_every_core_element_and_region(built_site: Path) -> None:
    hrefs = {
        attrs.get("href") for tag, attrs in elements(page(built_site, "").read_text(encoding="utf-8")) if tag == "a"
    }
    for core_element in CORE_ELEMENTS:
        assert f"kernelementen/{core_element['id']}/" in hrefs
    for region in REGIONS:
        assert f"regio/{region['id']}/" in hrefs


def test_card_pages_are_not_in_the_menu(built_site: Path) -> None:
    # The menu must not grow with the number of cards: it is on every page.
    html = page(built_site, "praktijken/").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "praktijken/" + PRACTICES[0]["id"] not in nav
    sizes = {len(page(built_site, f"praktijken/{p['id']}/").read_text(encoding="utf-8")) for p in PRACTICES[:2]}
    assert max(sizes) < 60_000


def test_no_request_to_third_party_hosts(built_site: Path) -> None:
    # Pages may link out (<a>), but nothing may be loaded from elsewhere.
    loaded = ("script", "link", "img", "iframe", "source", "video", "audio")
    not_loaded_links = {"canonical", "alternate", "author", "license", "next", "prev"}  # references, no request
    for html_file in built_site.rglob("*.html"):
        for tag, attrs in elements(html_file.read_text(encoding="utf-8")):
            if tag == "link" and set(attrs.get("rel", "").split()) <= not_loaded_links:
                continue
            if tag in loaded:
                for name in ("src", "href", "srcset"):
                    target = attrs.get(name, "")
                    assert not urlsplit(target).netloc and not target.startswith("//"), (
                        f"{html_file}: <{tag} {name}={target}>"
                    )
    for css in built_site.rglob("*.css"):
        for target in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            assert "//" not in target or target.strip("'\"").startswith("data:"), f"{css}: {target}"


def test_pages_are_dutch(built_site: Path) -> None:
    assert '<html lang="nl"' in page(built_site, "").read_text(encoding="utf-8")


def test_search_index_stems_dutch(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    assert "stemmer" in index["config"]["pipeline"]


LISTING_PREFIXES = ("regio/", "kernelementen/", "embed/")


def test_site_search_finds_each_practice_at_its_card_not_in_listings(built_site: Path) -> None:
    """Card lists and breadcrumbs stay out of Material's search index (render.HeldBack):
    a practice is a hit at its card, not once more for every listing it appears in."""
    import html
    import json

    entries = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts = [(entry["location"].split("#")[0], " ".join(html.unescape(entry["text"]).split())) for entry in entries]
    for practice in PRACTICES:
        summary = " ".join(practice["summary"].split())
        where = {location for location, text in texts if summary in text}
        assert f"praktijken/{practice['id']}/" in where, practice["id"]
        listings = [
            location for location in where if location == "praktijken/" or location.startswith(LISTING_PREFIXES)
        ]
        assert listings == [], practice["id"]
    assert not [
        entry["location"] for entry in entries if "Kruimelpad" in entry["text"] or "Verder zoeken" in entry["title"]
    ]


def test_no_build_marker_is_left_in_a_page(built_site: Path) -> None:
    """Held-back parts (render.HeldBack) are back in place; card links (Renderer.card) are filled in."""
    leftovers = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*.html")
        if re.search("kennisbank-held-back|kb-site-root", path.read_text(encoding="utf-8"))
    ]
    assert leftovers == []
    listing = page(built_site, "praktijken/").read_text(encoding="utf-8")
    assert 'class="kb-breadcrumb"' in listing and len(card_ids(page(built_site, "praktijken/"))) == len(PRACTICES)


def test_pages_load_only_the_scripts_they_use(built_site: Path) -> None:
    def scripts(url: str) -> set[str]:
        html = page(built_site, url).read_text(encoding="utf-8")
        return {
            attrs["src"].rsplit("/", 1)[-1]
            for tag, attrs in elements(html)
            if tag == "script" and "kennisbank" in attrs.get("src", "")
        }

    ours = {"filters.js", "embed.js", "region-embed.js"}
    assert scripts(f"praktijken/{PRACTICES[0]['id']}/") & ours == set()
    assert scripts("praktijken/") & ours == {"filters.js"}
    assert scripts("instrumenten/") & ours == {"filters.js"}
    assert scripts(f"regio/{REGIONS[0]['id']}/") & ours == {"embed.js", "region-embed.js"}


def test_the_site_is_the_recorded_site_page_for_page(built_site: Path) -> None:
    """The set of pages and feeds, and the cards on every list, as recorded in
    tests/snapshots/site.json: a refactoring changes none of it. A change in content changes
    it on purpose; ``make snapshot`` records the new state and its diff shows what changed."""
    import json
    import sys

    sys.path.insert(0, str(ROOT / "scripts" / "dev"))
    from site_snapshot import snapshot

    recorded = json.loads((ROOT / "tests" / "snapshots" / "site.json").read_text(encoding="utf-8"))
    now = snapshot(built_site)
    gone, added = sorted(set(recorded) - set(now)), sorted(set(now) - set(recorded))
    changed = sorted(name for name in set(now) & set(recorded) if now[name] != recorded[name])
    assert not (gone or added or changed), (
        f"De site is anders dan tests/snapshots/site.json: weg {gone}, nieuw {added}, andere kaarten op {changed}. "
        "Is dat de bedoeling (nieuwe inhoud), leg de nieuwe stand vast met: make snapshot"
    )


def test_each_page_type_loads_only_its_own_styles_and_scripts(built_site: Path) -> None:
    """embed.css (with its resets for a foreign page) only in embeds; the listing scripts only
    on listings and pages with an embed form; a card page loads only the head script, Material's
    two scripts that the policy of deploy/nginx/ does not allow inline, and the one that dates
    its citation."""

    def assets(url: str) -> set[str]:
        html = page(built_site, url).read_text(encoding="utf-8")
        return {name for name in re.findall(r"assets/kennisbank/([\w./-]+?\.(?:css|js))", html)}

    for url in ("", "praktijken/", f"praktijken/{PRACTICES[0]['id']}/", "kompas/", f"regio/{REGIONS[0]['id']}/"):
        assert "embed.css" not in assets(url), url
    embed = assets(f"embed/regio/{REGIONS[0]['id']}/")
    assert "embed.css" in embed and "kennisbank.css" not in embed
    card = assets(f"praktijken/{PRACTICES[0]['id']}/")
    assert {name for name in card if name.endswith(".js")} == {
        "platform.js",
        "material-base.js",
        "material-content.js",
        "cite.js",
    }
    assert "filters.js" in assets("praktijken/")


@pytest.mark.build
def test_a_build_with_the_worker_process_is_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above 500 items the bodies, indexes and feeds are made in a second process (worker.py).
    Forced on for the real content, the site is the same file for file, byte for byte. (The
    feeds and indexes always come from the worker then; a body only when the worker is ahead
    of the page that needs it, which test_markdown_html checks with the worker forced.)"""
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      data_dir: data\n" in config
    (project / "mkdocs-worker.yml").write_text(
        config.replace("      data_dir: data\n", "      data_dir: data\n      worker_from: 0\n"), encoding="utf-8"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # one build moment for both builds
    sites = {}
    for name in ("mkdocs.yml", "mkdocs-worker.yml"):
        sites[name] = tmp_path / f"site-{name}"
        result = run_mkdocs_build(project, sites[name], "--config-file", str(project / name))
        assert result.returncode == 0, result.stderr
    plain, parallel = (
        {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}
        for site in sites.values()
    )
    assert len(plain) > 500 and set(plain) == set(parallel)
    different = sorted(str(path) for path in plain if plain[path] != parallel[path])
    assert not different, different


def test_every_page_has_exactly_one_main_heading(built_site: Path) -> None:
    """One <h1> per page: Material adds the title as one when the content has none, and a page
    that search leaves out is held back whole (platform.HeldBack) without changing that."""
    wrong = {}
    for path in sorted(built_site.rglob("*.html")):
        count = len(re.findall(r"<h1[\s>]", path.read_text(encoding="utf-8")))
        if count != 1:
            wrong[str(path.relative_to(built_site))] = count
    assert not wrong, wrong
