"""Following what changes (issue #15), on a copy of the project in a git repository whose
commits have known dates: a card added, one changed, one renamed with ``previous_ids``, one
withdrawn, one only re-reviewed. The built site must show each card's own dates on the card,
in both feeds and in the sitemap; keep the old address of the renamed card; keep the withdrawn
card's page as a notice and drop it from every list; and refuse to publish without history."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml

from conftest import ROOT, copy_project
from html_tools import card_ids, page

pytestmark = pytest.mark.build

PRACTICES = yaml.safe_load((ROOT / "data" / "practices.yaml").read_text(encoding="utf-8"))
SITE_URL = "https://kennisbank.example.org/"


def unreferenced_practices() -> list[dict]:
    """Practices no other data file names (they can be renamed without touching other files)."""
    others = "".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "data").glob("*.yaml") if path.name != "practices.yaml"
    )
    return [practice for practice in PRACTICES if practice["id"] not in others]


CHANGED, RENAMED, WITHDRAWN, REVIEWED = unreferenced_practices()[:4]
NEW_ID = RENAMED["id"] + "-nieuw"
#: A practice added last, on 2025-07-01: the newest card.
NEW_CARD = f"""- id: nieuwste-praktijk
  title: Nieuwste praktijk
  core_element: {CHANGED["core_element"]}
  regions: {CHANGED["regions"]}
  summary: De praktijk die het laatst in de kennisbank kwam.
  body: Een beschrijving.
"""


def git(repo: Path, *arguments: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T10:00:00+01:00"
    subprocess.run(["git", "-C", str(repo), *arguments], env=env, check=True, capture_output=True)


def edit_card(repo: Path, card_id: str, change, date: str, message: str) -> None:
    """Change the block of one card in practices.yaml (``change``: block text -> new text) and commit."""
    path = repo / "data" / "practices.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {card_id}\n")
    end = text.find("\n- id: ", start + 1)
    end = len(text) if end == -1 else end
    block = text[start:end]
    changed = change(block)
    assert changed != block
    path.write_text(text[:start] + changed + text[end:], encoding="utf-8")
    git(repo, "commit", "-q", "-am", message, date=date)


def build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "KENNISBANK_SITE_URL"} | env
    environment["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_project(tmp_path_factory.mktemp("followed") / "repo")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "de kennisbank", date="2025-01-10")
    edit_card(
        repo, CHANGED["id"], lambda b: b.replace("\n  title: ", "\n  title: Herzien ", 1), "2025-03-05", "herzien"
    )
    edit_card(
        repo,
        RENAMED["id"],
        lambda b: b.replace(f"- id: {RENAMED['id']}\n", f"- id: {NEW_ID}\n  previous_ids: [{RENAMED['id']}]\n"),
        "2025-04-01",
        "nieuwe id",
    )
    edit_card(
        repo,
        WITHDRAWN["id"],
        lambda b: (
            b + "\n  withdrawn:\n    date: 2025-05-01\n    reason: De werkwijze is opgegaan in een andere praktijk."
        ),
        "2025-05-02",
        "ingetrokken",
    )
    # Only the review date of one card changes: not a change of its content.
    edit_card(
        repo,
        REVIEWED["id"],
        lambda b: re.sub(r"\n  last_reviewed: .*", "", b) + "\n  last_reviewed: 2025-06-01",
        "2025-06-01",
        "gecontroleerd",
    )
    path = repo / "data" / "practices.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_CARD, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "nieuwe praktijk", date="2025-07-01")
    return repo


@pytest.fixture(scope="module")
def site(repo: Path) -> Path:
    site = repo.parent / "site"
    result = build(repo, site, KENNISBANK_SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    return site


def html(site: Path, url: str) -> str:
    return page(site, url).read_text(encoding="utf-8")


def test_cards_show_their_own_dates(site: Path) -> None:
    changed = html(site, f"praktijken/{CHANGED['id']}/")
    assert 'Toegevoegd op <time datetime="2025-01-10">10 januari 2025</time>' in changed
    assert 'Gewijzigd op <time datetime="2025-03-05">5 maart 2025</time>' in changed
    renamed = html(site, f"praktijken/{NEW_ID}/")
    assert 'Toegevoegd op <time datetime="2025-01-10">' in renamed and "Gewijzigd op" not in renamed
    untouched = html(site, f"praktijken/{REVIEWED['id']}/")
    assert 'Toegevoegd op <time datetime="2025-01-10">' in untouched and "Gewijzigd op" not in untouched
    assert "Citeer deze pagina" in changed and f"5 maart 2025. {SITE_URL}praktijken/{CHANGED['id']}/" in changed


def test_the_json_feed_carries_dates_licence_and_withdrawals(site: Path) -> None:
    feed = json.loads((site / "api" / "v1" / "praktijken.json").read_text(encoding="utf-8"))
    items = {item["id"]: item for item in feed["items"]}
    assert items[CHANGED["id"]]["created"] == "2025-01-10" and items[CHANGED["id"]]["updated"] == "2025-03-05"
    assert items[NEW_ID]["previous_ids"] == [RENAMED["id"]] and items[NEW_ID]["updated"] == "2025-01-10"
    assert WITHDRAWN["id"] not in items and RENAMED["id"] not in items
    assert feed["count"] == len(PRACTICES) == len(items)  # one withdrawn, one new
    assert items["nieuwste-praktijk"]["created"] == "2025-07-01"
    assert feed["withdrawn"] == [
        {
            "id": WITHDRAWN["id"],
            "url": f"{SITE_URL}praktijken/{WITHDRAWN['id']}/",
            "title": WITHDRAWN["title"],
            "date": "2025-05-01",
            "reason": "De werkwijze is opgegaan in een andere praktijk.",
        }
    ]
    assert feed["license"]["name"] == "CC BY 4.0"


def test_the_sitemap_gives_each_card_its_own_date_and_no_old_address(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    lastmod = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))
    assert lastmod[f"{SITE_URL}praktijken/{CHANGED['id']}/"] == "2025-03-05"
    assert lastmod[f"{SITE_URL}praktijken/{REVIEWED['id']}/"] == "2025-01-10"
    assert f"{SITE_URL}praktijken/{RENAMED['id']}/" not in lastmod
    # Pages that ask not to be indexed are not offered to search engines either.
    for noindex in (f"praktijken/{WITHDRAWN['id']}/", "redactie/", "praktijken/dossier/", "regio/groningen/dossier/"):
        assert f"{SITE_URL}{noindex}" not in lastmod, noindex


def test_the_old_address_of_a_renamed_card_leads_to_it(site: Path) -> None:
    old = html(site, f"praktijken/{RENAMED['id']}/")
    assert f'<meta http-equiv="refresh" content="0; url=../{NEW_ID}/">' in old
    assert f'<link rel="canonical" href="{SITE_URL}praktijken/{NEW_ID}/">' in old
    assert f'href="../{NEW_ID}/"' in old
    assert RENAMED["id"] not in card_ids(page(site, "praktijken/"))


def test_a_withdrawn_card_says_so_and_is_gone_from_every_list(site: Path) -> None:
    notice = html(site, f"praktijken/{WITHDRAWN['id']}/")
    assert 'ingetrokken op <time datetime="2025-05-01">1 mei 2025</time>' in notice
    assert "De werkwijze is opgegaan in een andere praktijk." in notice
    assert f"kernelementen/{WITHDRAWN['core_element']}/" in notice
    assert '<meta name="robots" content="noindex">' in notice
    lists = ["praktijken/", f"kernelementen/{WITHDRAWN['core_element']}/", "embed/praktijken/"]
    lists += [f"regio/{region}/" for region in WITHDRAWN["regions"]] + [
        f"embed/regio/{r}/" for r in WITHDRAWN["regions"]
    ]
    for url in lists:
        assert WITHDRAWN["id"] not in card_ids(page(site, url)), url
    index = json.loads((site / "assets/kennisbank/zoekindex/praktijken/index.json").read_text(encoding="utf-8"))
    assert WITHDRAWN["id"] not in index["ids"] and len(index["ids"]) == len(PRACTICES)
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert f"praktijken/{WITHDRAWN['id']}/" not in search
    # The facet counts of the listing count only live cards.
    listing = html(site, "praktijken/")
    core = WITHDRAWN["core_element"]
    live = sum(1 for p in PRACTICES if p["core_element"] == core and p["id"] != WITHDRAWN["id"])
    live += core == CHANGED["core_element"]  # the new card
    assert re.search(rf'id="kb-kernelement-{core}"[^>]*>.*?\({live}\)', listing, re.DOTALL)


def test_atom_feeds_are_valid_newest_first_and_hold_exactly_the_live_cards(site: Path) -> None:
    feeds = sorted((site / "api" / "v1").rglob("*.atom"))
    regions = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
    cores = yaml.safe_load((ROOT / "data" / "core_elements.yaml").read_text(encoding="utf-8"))
    assert len(feeds) == 1 + len(regions) + len(cores)
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.rights.startswith("Creative Commons Naamsvermelding 4.0")
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)), path
        stamps = [entry.updated for entry in parsed.entries]
        assert stamps == sorted(stamps, reverse=True), path
    everything = feedparser.parse((site / "api" / "v1" / "praktijken.atom").read_bytes())
    live = [e for e in everything.entries if not e.title.startswith("Ingetrokken: ")]
    assert sorted(e.link for e in live) == sorted(
        [
            f"{SITE_URL}praktijken/{NEW_ID if p['id'] == RENAMED['id'] else p['id']}/"
            for p in PRACTICES
            if p["id"] != WITHDRAWN["id"]
        ]
        + [f"{SITE_URL}praktijken/nieuwste-praktijk/"]
    )
    newest, withdrawal, changed = everything.entries[:3]
    assert newest.link == f"{SITE_URL}praktijken/nieuwste-praktijk/" and newest.updated.startswith("2025-07-01")
    assert withdrawal.title == f"Ingetrokken: {WITHDRAWN['title']}" and withdrawal.updated.startswith("2025-05-01")
    assert changed.link == f"{SITE_URL}praktijken/{CHANGED['id']}/" and changed.updated.startswith("2025-03-05")
    assert {tag.term for tag in changed.tags} >= {CHANGED["core_element"], *CHANGED["regions"]}
    region = CHANGED["regions"][0]
    own = feedparser.parse((site / "api" / "v1" / "regio" / f"{region}.atom").read_bytes())
    expected = {p["id"] for p in PRACTICES if region in p["regions"] and p["id"] != WITHDRAWN["id"]}
    expected = {NEW_ID if i == RENAMED["id"] else i for i in expected} | {"nieuwste-praktijk"}
    assert {
        e.link.rstrip("/").rsplit("/", 1)[1] for e in own.entries if not e.title.startswith("Ingetrokken")
    } == expected
    assert 'type="application/atom+xml" title="Praktijken in' in html(site, f"regio/{region}/")
    assert 'type="application/atom+xml"' in html(site, f"kernelementen/{CHANGED['core_element']}/")


def test_whats_new_lists_the_changes_by_month(site: Path) -> None:
    news = html(site, "nieuw/")
    months = re.findall(r'<h2 id="maand-[^"]+">([^<]+)</h2>', news)
    assert months == ["Juli 2025", "Mei 2025", "Maart 2025", "Januari 2025"]
    assert f'Praktijk ingetrokken</span>:\n      <a href="../praktijken/{WITHDRAWN["id"]}/">' in news
    assert f'Praktijk gewijzigd</span>:\n      <a href="../praktijken/{CHANGED["id"]}/">' in news
    assert 'href="nieuw/"' in html(site, "")


def test_a_publishing_build_without_history_refuses_and_a_local_one_goes_on(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    refused = build(shallow, tmp_path / "site-published", KENNISBANK_SITE_URL=SITE_URL)
    assert refused.returncode != 0
    assert "shallow clone" in refused.stderr and "git fetch --unshallow" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "site-published" / "index.html").exists()
    local = build(shallow, tmp_path / "site-local")
    assert local.returncode == 0, local.stderr
    assert local.stderr.count("de kaarten krijgen geen datums") == 1
    assert "Toegevoegd op" not in html(tmp_path / "site-local", f"praktijken/{CHANGED['id']}/")


@pytest.fixture(scope="module")
def served(site: Path):
    from browser import serve

    yield from serve(site)


@pytest.mark.browser
def test_embeds_show_the_newest_first_on_request(served: str, browser_page) -> None:
    page, watch = browser_page
    page.goto(f"{served}embed/praktijken/?sorteer=nieuw", wait_until="networkidle")
    first = page.locator("[data-kb-list] > [data-card]:visible").first
    assert first.get_attribute("data-card") == "nieuwste-praktijk"
    page.goto(f"{served}praktijken/?sorteer=nieuw", wait_until="networkidle")
    assert page.locator("[data-kb-list] > [data-card]:visible").first.get_attribute("data-card") == "nieuwste-praktijk"
    assert page.locator("#kb-sorteer").input_value() == "nieuw"
    assert watch.page_errors == [] and watch.console_errors == []


@pytest.mark.browser
def test_the_citation_gets_todays_date_in_the_browser(served: str, browser_page) -> None:
    import datetime

    from kennisbank.render import dutch_date

    page, watch = browser_page
    page.goto(f"{served}praktijken/{CHANGED['id']}/", wait_until="networkidle")
    text = page.locator(".kb-cite__text").inner_text()
    today = datetime.date.today()
    assert (
        f"geraadpleegd op {dutch_date(today)})" in text
        or f"geraadpleegd op {dutch_date(today - datetime.timedelta(days=1))})" in text
    )
    assert watch.page_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("which", ["withdrawn", "redirect", "news"])
def test_the_new_pages_are_clean_and_accessible(which: str, served: str, browser_page) -> None:
    from browser import axe_violations

    page, watch = browser_page
    url = {
        "withdrawn": f"praktijken/{WITHDRAWN['id']}/",
        "redirect": f"praktijken/{RENAMED['id']}/",
        "news": "nieuw/",
    }[which]
    page.goto(served + url, wait_until="networkidle")
    if which == "redirect":
        page.wait_for_url(f"**/praktijken/{NEW_ID}/")  # the old address leads on
    assert page.locator("h1").count() == 1
    assert watch.console_errors == [] and watch.page_errors == [] and watch.foreign_requests() == []
    assert axe_violations(page) == []
