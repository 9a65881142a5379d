"""An XSS corpus through every kind of field into every output; nothing may execute.

The payloads go into YAML fields of every content type (titles, summaries, Markdown bodies,
names, organisations, link titles, glossary meanings used as tooltips, ...). The site is
built and every page type, the embeds (with hostile query values too), the feed and the
search index are opened in Chromium with alert/confirm/prompt trapped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from browser import serve
from conftest import copy_project, run_mkdocs_build

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "<svg onload=alert(3)>",
    "</textarea><script>alert(4)</script>",
    "</title><script>alert(9)</script>",  # a title through Jinja's striptags comes out unescaped
    "'-alert(5)-'",
    '<a href="javascript:alert(6)">klik</a>',
    "<iframe srcdoc='<script>parent.alert(7)</script>'></iframe>",
    "<div><b>kapotte <i>html",
    "{{ 7*7 }} {% raw %}",
]
HOSTILE = " ".join(PAYLOADS)


def poison(project: Path) -> None:
    data = project / "data"

    def edit(name: str, change) -> None:
        path = data / name
        items = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(items)
        path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def practices(items: list[dict]) -> None:
        first = items[0]
        first["title"] = "Praktijk " + HOSTILE
        first["summary"] = HOSTILE
        first["body"] = (
            "\n\n".join(PAYLOADS) + "\n\n[link](javascript:alert(8))\n\n![extern](https://tracker.example/pixel.png)\n"
        )
        first["contacts"] = [{"name": HOSTILE, "organisation": HOSTILE, "role": HOSTILE, "email": "a@b.nl"}]
        first["links"] = [{"title": HOSTILE, "url": "https://voorbeeld.nl/?q=<script>alert(9)</script>"}]

    edit("practices.yaml", practices)
    edit("regions.yaml", lambda items: items[1].update(name="Regio " + HOSTILE, description=HOSTILE))
    edit(
        "core_elements.yaml",
        lambda items: items[0].update(title="Kern " + HOSTILE, summary=HOSTILE, description=HOSTILE),
    )
    edit("instruments.yaml", lambda items: items[0].update(title=HOSTILE, summary=HOSTILE, publisher=HOSTILE))
    edit("violence_profiles.yaml", lambda items: items[0].update(pattern=HOSTILE, research=HOSTILE))
    edit("conversation_cards.yaml", lambda items: items[0].update(theme=HOSTILE, body=HOSTILE))
    edit(
        "glossary.yaml",
        lambda items: items.append({"term": "RVT2", "meaning": HOSTILE}) or items[0].update(meaning=HOSTILE),
    )
    edit("kompas_steps.yaml", lambda items: items[0]["blocks"][0].update(title=HOSTILE, text=HOSTILE))
    edit("kompas_tools.yaml", lambda items: items[0]["sections"][0].update(title=HOSTILE, intro=HOSTILE))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("xss") / "project")
    poison(project)
    site = project.parent / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_nothing_executes_anywhere(hostile_site: Path, chromium) -> None:
    data = yaml.safe_load((hostile_site.parent / "project" / "data" / "practices.yaml").read_text(encoding="utf-8"))
    regions = yaml.safe_load((hostile_site.parent / "project" / "data" / "regions.yaml").read_text(encoding="utf-8"))
    first, region = data[0]["id"], regions[1]["id"]
    context = chromium.new_context()
    context.add_init_script("""
        window.__xss = [];
        for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...args) => window.__xss.push([name, ...args]);
    """)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    server = serve(hostile_site)
    base = next(server)
    urls = [
        "",
        "praktijken/",
        f"praktijken/{first}/",
        f"regio/{region}/",
        "kernelementen/lokale-teams/",
        "instrumenten/",
        "geweldsprofielen/",
        "gesprekskaarten/",
        "begrippen/",
        "kompas/stap-1/",
        "kompas/",
        "basisprincipes/",
        f"embed/regio/{region}/",
        "embed/praktijken/?q=%3Cimg%20src=x%20onerror=alert(10)%3E&regio=%22%3E%3Cscript%3Ealert(11)%3C/script%3E",
    ]
    urls += [
        f"kompas/tools/{tool['id']}/"
        for tool in yaml.safe_load(
            (hostile_site.parent / "project" / "data" / "kompas_tools.yaml").read_text(encoding="utf-8")
        )[:1]
    ]
    try:
        for url in urls:
            page.goto(base + url, wait_until="networkidle")
            if url.startswith("praktijken/") and url.endswith("praktijken/"):
                # Search results from the index: marked titles, excerpts of bodies and contact lines.
                for query in ("praktijk", "kapotte html", "alert script", "onerror"):
                    page.fill("#kb-q", query)
                    page.wait_for_timeout(600)
                    assert page.evaluate("window.__xss") == [], (url, query)
                    assert (
                        page.evaluate(
                            "document.querySelectorAll('[data-kb-list] script, [data-kb-list] img, [data-kb-list] svg, [data-kb-list] iframe').length"
                        )
                        == 0
                    )
            for element in page.locator("abbr").all()[:3]:
                element.hover()  # glossary tooltips
            assert page.evaluate("window.__xss") == [], url
            handlers = "[onerror], [onload], [onclick], [onmouseover], [onfocus], iframe[srcdoc]"
            assert (
                page.evaluate(
                    f"document.querySelectorAll('.md-content {handlers.replace(', ', ', .md-content ')}, main {handlers.replace(', ', ', main ')}').length"
                )
                == 0
            ), url
            assert (
                page.evaluate(
                    "[...document.querySelectorAll('a[href]')].filter(a => a.href.startsWith('javascript:')).length"
                )
                == 0
            ), url
            assert (
                page.evaluate("[...document.images].filter(i => i.src && !i.src.startsWith(location.origin)).length")
                == 0
            ), url
        assert dialogs == []
    finally:
        server.close()
        context.close()


def test_feed_and_search_index_carry_the_text_as_data(hostile_site: Path) -> None:
    feed = json.loads((hostile_site / "api/v1/praktijken.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["summary"] == HOSTILE
    folder = hostile_site / "assets/kennisbank/zoekindex/praktijken"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert manifest["ids"] and manifest["shards"]
    texts = [json.loads(path.read_text(encoding="utf-8")) for path in folder.glob("x-*.json")]
    assert any(
        HOSTILE.split()[0] in line for bucket in texts for card in bucket["texts"] for lines in card for line in lines
    )
