"""Embeds and feeds: what a region puts on its own website, tested as a host page would use it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import jsonschema
import pytest
import yaml

from browser import axe_violations, serve, wait_for_results, wait_until
from conftest import ROOT

PRACTICES = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
REGIONS = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
# The region with the most cards: its list is taller than the snippet's default height.
BUSIEST = max((region["id"] for region in REGIONS), key=lambda rid: sum(rid in p["regions"] for p in PRACTICES))


def region_cards(region: str, core_element: str | None = None) -> list[str]:
    return [
        p["id"]
        for p in PRACTICES
        if region in p["regions"] and (core_element is None or p["core_element"] == core_element)
    ]


def visible(frame) -> list[str]:
    return frame.eval_on_selector_all(
        "[data-kb-list] > :not([hidden])", "items => items.map(item => item.dataset.card)"
    )


@pytest.fixture()
def host(tmp_path: Path):
    """A second web server on another 127.0.0.1 port: someone else's website."""
    yield tmp_path, serve(tmp_path)


def snippet_for(page, site_url: str, region: str, core_element: str = "") -> str:
    """The code a region copies from its page (as the page's own script builds it)."""
    page.goto(f"{site_url}regio/{region}/")
    if core_element:
        page.select_option("[data-kb-snippet-choice]", core_element)
    return page.locator("[data-kb-snippet-code]").input_value()


@pytest.mark.browser
def test_region_embeds_on_another_site_sized_to_fit(site_url: str, browser_page, host) -> None:
    page, watch = browser_page
    code = snippet_for(page, site_url, BUSIEST)
    assert 'title="' in code and 'loading="lazy"' in code and "embed.js" in code
    folder, server = host
    (folder / "index.html").write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Regio</title></head>'
        f'<body><main><h1>Onze regio</h1><script>window.received = []; addEventListener("message", e => received.push(e.data));</script>'
        f"{code}</main></body></html>",
        encoding="utf-8",
    )
    host_url = next(server)
    assert host_url.split(":")[2] != site_url.split(":")[2]  # another origin
    page.goto(host_url, wait_until="networkidle")
    frame = page.frame_locator("iframe[data-kennisbank-embed]")
    embed = next(f for f in page.frames if "/embed/regio/" in f.url)
    assert visible(embed) == region_cards(BUSIEST)
    wait_until(
        page,
        "() => { const f = document.querySelector('iframe[data-kennisbank-embed]'); return f.style.height !== ''; }",
    )
    frame_height = page.evaluate(
        "document.querySelector('iframe[data-kennisbank-embed]').getBoundingClientRect().height"
    )
    content_height = embed.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    assert abs(frame_height - content_height) <= 2 and frame_height > 600
    assert embed.evaluate("document.documentElement.scrollHeight <= window.innerHeight + 1")  # no inner scrollbar
    # only the height leaves the frame
    messages = page.evaluate("window.received")
    assert messages and all(
        message == {"type": "kennisbank:hoogte", "height": message["height"]} for message in messages
    )
    # a card opens in a new tab, on the kennisbank
    with page.context.expect_page() as new_tab:
        frame.locator("[data-card] a").first.click()
    opened = new_tab.value
    opened.wait_for_load_state()
    assert opened.url.startswith(site_url + "praktijken/")
    assert watch.foreign_requests() == [] or all(url.startswith(host_url) for url in watch.foreign_requests())
    server.close()


@pytest.mark.browser
def test_without_embed_js_the_iframe_still_works(site_url: str, browser_page, host) -> None:
    page, _ = browser_page
    code = snippet_for(page, site_url, BUSIEST).split("<script")[0]
    folder, server = host
    (folder / "index.html").write_text(
        f"<!doctype html><html lang='nl'><title>x</title>{code}</html>", encoding="utf-8"
    )
    page.goto(next(server), wait_until="networkidle")
    embed = next(f for f in page.frames if "/embed/regio/" in f.url)
    assert visible(embed) == region_cards(BUSIEST)
    assert page.evaluate("document.querySelector('iframe').getBoundingClientRect().height") == 600
    server.close()


@pytest.mark.browser
def test_core_element_choice_updates_snippet_and_preview(site_url: str, browser_page) -> None:
    page, _ = browser_page
    core = next(p["core_element"] for p in PRACTICES if BUSIEST in p["regions"])
    code = snippet_for(page, site_url, BUSIEST, core)
    assert f"/embed/regio/{BUSIEST}/?kernelement={core}" in code
    page.locator("[data-kb-snippet-preview]").scroll_into_view_if_needed()  # the preview loads lazily
    wait_until(page, "sel => document.querySelector(sel).src.includes('kernelement=')", arg="[data-kb-snippet-preview]")
    deadline = time.monotonic() + 30
    while not [f for f in page.frames if "kernelement=" in f.url] and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    preview = next(f for f in page.frames if "kernelement=" in f.url)
    preview.wait_for_load_state()
    wait_for_results(preview)
    assert visible(preview) == region_cards(BUSIEST, core)


@pytest.mark.browser
def test_embed_praktijken_takes_the_listing_query(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(f"{site_url}embed/praktijken/?kernelement=passende-hulp&regio=hart-van-brabant")
    assert visible(page) == [
        p["id"] for p in PRACTICES if p["core_element"] == "passende-hulp" and "hart-van-brabant" in p["regions"]
    ]
    assert page.locator("header, nav, footer, .md-header").count() == 0  # no site chrome
    assert page.locator("a[href*='praktijken/']:not([target=_blank])").count() == 0
    assert axe_violations(page) == []
    assert watch.console_errors == [] and watch.foreign_requests() == []


@pytest.mark.browser
def test_hostile_query_values_stay_inert_in_the_embed(site_url: str, browser_page) -> None:
    page, watch = browser_page
    page.on("dialog", lambda dialog: pytest.fail(f"dialog: {dialog.message}"))
    page.goto(
        f"{site_url}embed/regio/{BUSIEST}/?kernelement=%3Cscript%3Ealert(1)%3C/script%3E&q=%3Cimg%20src=x%20onerror=alert(2)%3E",
        wait_until="networkidle",
    )
    page.wait_for_timeout(500)
    assert page.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
    assert watch.page_errors == []


@pytest.mark.browser
def test_embed_pages_do_not_listen_to_messages(site_url: str, browser_page) -> None:
    page, _ = browser_page
    page.goto(f"{site_url}embed/regio/{BUSIEST}/", wait_until="networkidle")
    session = page.context.new_cdp_session(page)
    window = session.send("Runtime.evaluate", {"expression": "window"})["result"]["objectId"]
    listeners = session.send("DOMDebugger.getEventListeners", {"objectId": window})["listeners"]
    assert "message" not in {listener["type"] for listener in listeners}


@pytest.mark.browser
def test_region_embed_without_javascript_lists_the_region(site_url: str, chromium) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}embed/regio/{BUSIEST}/")
    assert page.eval_on_selector_all("[data-card]", "cards => cards.map(c => c.dataset.card)") == region_cards(BUSIEST)
    context.close()


def test_feeds_match_the_data_and_validate(built_site: Path) -> None:
    schema = json.loads((built_site / "api/v1/praktijken.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    feed = json.loads((built_site / "api/v1/praktijken.json").read_text(encoding="utf-8"))
    jsonschema.validate(feed, schema, cls=jsonschema.Draft202012Validator)
    assert feed["version"] == "1" and feed["count"] == len(PRACTICES) == len(feed["items"])
    assert feed["generated"].endswith("Z")
    for item, practice in zip(feed["items"], PRACTICES, strict=True):
        assert item["id"] == practice["id"] and item["title"] == practice["title"]
        assert [region["id"] for region in item["regions"]] == practice["regions"]
        assert item["url"].endswith(f"/praktijken/{practice['id']}/") and item["url"].startswith("http")
        assert [contact.get("email") for contact in item["contacts"]] == [
            c.get("email") for c in practice.get("contacts", [])
        ]
    for region in REGIONS:
        regional = json.loads((built_site / f"api/v1/regio/{region['id']}.json").read_text(encoding="utf-8"))
        jsonschema.validate(regional, schema, cls=jsonschema.Draft202012Validator)
        assert [item["id"] for item in regional["items"]] == region_cards(region["id"])
        assert regional["region"]["id"] == region["id"]


@pytest.mark.build
def test_feed_escapes_nothing_into_markup(project: Path, tmp_path: Path) -> None:
    from conftest import run_mkdocs_build

    practices = project / "data" / "practices.yaml"
    text = practices.read_text(encoding="utf-8").replace(
        "title: De Gezinsadvocaat bij complexe scheiding", "title: '<script>alert(1)</script>'", 1
    )
    practices.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    feed = json.loads((site / "api/v1/praktijken.json").read_text(encoding="utf-8"))
    assert any(item["title"] == "<script>alert(1)</script>" for item in feed["items"])  # data stays data
    embed = (site / "embed/regio/hart-van-brabant/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in embed and "&lt;script&gt;alert(1)&lt;/script&gt;" in embed
