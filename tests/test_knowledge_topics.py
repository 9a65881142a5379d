"""The knowledge the site points to has a page, and the pages point to it: Kompas background
topics, explained concepts, lessons of regions, regional projects. Checked on the built site;
expectations come from data/ and the built text, not from the plugin's own bookkeeping."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from conftest import ROOT
from html_tools import elements, page

TOPICS = yaml.safe_load((ROOT / "data" / "kompas_background.yaml").read_text(encoding="utf-8")) or []
CONCEPTS = yaml.safe_load((ROOT / "data" / "concepts.yaml").read_text(encoding="utf-8")) or []
LESSONS = yaml.safe_load((ROOT / "data" / "lessons.yaml").read_text(encoding="utf-8")) or []
REGIONS = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
KOMPAS = yaml.safe_load((ROOT / "data" / "kompas.yaml").read_text(encoding="utf-8"))


class _Article(HTMLParser):
    """The running text of a page's article: not headings, not links other than mention links,
    and not the cards of a listing (each card has its own page, where its text is linked)."""

    SKIP: ClassVar[set[str]] = {
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "script",
        "style",
        "code",
        "pre",
        "button",
        "label",
        "option",
        "textarea",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.stack: list[bool] = []  # per open element inside the article: does it hide its text?
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
            return
        if not self.depth or tag in ("br", "img", "input", "hr", "meta", "link", "wbr"):
            return
        classes = (dict(attrs).get("class") or "").split()
        card = tag == "li" and ("kb-card" in classes or "kb-embed__card" in classes)
        self.stack.append((tag in self.SKIP and "kb-mention" not in classes) or card)

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.depth and self.stack and tag not in ("br", "img", "input", "hr", "meta", "link", "wbr"):
            self.stack.pop()

    @property
    def skipping(self) -> bool:
        return any(self.stack)

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.text.append(data)


def article_text(path: Path) -> str:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.text).split())


def content_pages(site: Path) -> list[Path]:
    skip = ("embed", "redactie", "begrippen", "assets", "search", "api")
    # A dossier is for paper: its text is that of the cards, which link their topics on their own
    # pages; a link in print leads nowhere.
    return [
        path
        for path in sorted(site.rglob("index.html"))
        if path.relative_to(site).parts[0] not in skip and "dossier" not in path.relative_to(site).parts
    ]


def site_links(site: Path, path: Path) -> set[str]:
    """Every link on the page at ``path``, as a path from the site root ("/kompas/...")."""
    from urllib.parse import urljoin, urlsplit

    here = "http://site/" + path.parent.relative_to(site).as_posix() + "/"
    return {
        urlsplit(urljoin(here, attrs.get("href", ""))).path
        for tag, attrs in elements(path.read_text(encoding="utf-8"))
        if tag == "a"
    }


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?![\w-])",
        re.IGNORECASE,
    )


def test_there_are_background_topics_and_concepts_for_what_the_issue_names() -> None:
    titles = {topic["title"].lower() for topic in TOPICS} | {concept["title"].lower() for concept in CONCEPTS}
    for needed in (
        "netwerkfinanciering",
        "consultatiefunctie ggz",
        "gefaseerd samenwerken aan veiligheid",
        "top 3-methodiek",
    ):
        assert any(needed in title for title in titles), needed


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic["id"])
def test_each_background_topic_has_its_page_and_is_linked_from_every_page_that_mentions_it(
    topic: dict, built_site: Path
) -> None:
    url = f"kompas/achtergrond/{topic['id']}/"
    own = page(built_site, url)
    html = own.read_text(encoding="utf-8")
    assert f"<h1>{topic['title']}</h1>" in html or f">{topic['title']}</h1>" in html
    assert f"/{url}" in site_links(built_site, page(built_site, "kompas/"))
    pattern = term_pattern(topic["terms"])
    mentioning = [path for path in content_pages(built_site) if path != own and pattern.search(article_text(path))]
    assert mentioning, "het onderwerp wordt nergens genoemd"
    for path in mentioning:
        assert f"/{url}" in site_links(built_site, path), path.relative_to(built_site)


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda concept: concept["id"])
def test_each_concept_is_explained_on_begrippen_and_linked_where_it_is_used(concept: dict, built_site: Path) -> None:
    begrippen = page(built_site, "begrippen/").read_text(encoding="utf-8")
    anchor = f"begrip-{concept['id']}"
    assert f'id="{anchor}"' in begrippen
    section = begrippen[begrippen.index(f'id="{anchor}"') :]
    section = section[: section.index("</section>")]
    assert " ".join(concept["definition"].split()) in " ".join(section.split())
    pattern = term_pattern(concept["terms"])
    mentioning = [path for path in content_pages(built_site) if pattern.search(article_text(path))]
    assert mentioning, "het begrip wordt nergens gebruikt"
    for path in mentioning:
        html = path.read_text(encoding="utf-8")
        assert f"begrippen/#{anchor}" in html, path.relative_to(built_site)
        url = path.parent.relative_to(built_site).as_posix() + "/"
        if not url.startswith(("kompas/index", "regio/")) and url.count("/") == 2:
            assert f'href="../{url}"' in section or f'href="../{url}' in section, url  # listed under "Gebruikt op"


def test_lessons_stand_on_their_regions_and_on_their_core_element(built_site: Path) -> None:
    assert len(LESSONS) >= 7
    for lesson in LESSONS:
        core = page(built_site, f"kernelementen/{lesson['core_element']}/").read_text(encoding="utf-8")
        assert f'id="les-{lesson["id"]}"' in core and lesson["title"] in core
        for region in lesson["regions"]:
            html = page(built_site, f"regio/{region}/").read_text(encoding="utf-8")
            assert f'id="les-{lesson["id"]}"' in html, (lesson["id"], region)


def test_zuid_holland_zuid_shows_its_regional_projects(built_site: Path) -> None:
    region = next(r for r in REGIONS if r["id"] == "zuid-holland-zuid")
    assert len(region.get("projects", [])) >= 4
    html = page(built_site, "regio/zuid-holland-zuid/").read_text(encoding="utf-8")
    for project in region["projects"]:
        assert project["title"] in html


def test_the_kompas_opens_with_its_introduction_and_framework(built_site: Path) -> None:
    html = " ".join(page(built_site, "kompas/").read_text(encoding="utf-8").split())
    for field in ("intro", "framework"):
        first_sentence = re.split(r"(?<=[.!?])\s", " ".join(KOMPAS[field].split()))[0].replace("*", "")
        assert first_sentence in html, field
        assert html.index(first_sentence) < html.index('id="fasen"'), field  # before the list of phases


def test_no_section_renders_empty(built_site: Path) -> None:
    """Every heading in a page's content is followed by something before the next heading of its
    level or higher: a source without the section's content leaves the section out."""
    heading = re.compile(r"<(h[1-4])\b[^>]*>.*?</\1>", re.DOTALL)
    tags = re.compile(r"<[^>]+>")
    empty = []
    for path in content_pages(built_site):
        html = path.read_text(encoding="utf-8")
        start, end = html.find("<article"), html.rfind("</article>")
        body = html[start:end]
        matches = list(heading.finditer(body))
        for index, match in enumerate(matches):
            level = int(match.group(1)[1])
            following = next((m for m in matches[index + 1 :] if int(m.group(1)[1]) <= level), None)
            between = body[match.end() : following.start() if following else len(body)]
            if not tags.sub("", between).strip() and "<img" not in between and "<iframe" not in between:
                empty.append(f"{path.relative_to(built_site)}: {tags.sub('', match.group(0)).strip()}")
    assert not empty, "lege onderdelen:\n" + "\n".join(empty)


def test_no_page_talks_about_the_documents_instead_of_the_subject(built_site: Path) -> None:
    phrases = re.compile(
        r"\b(de documenten|het document|de bron (noemt|geeft|zegt)|volgens de (bron|infosheet)|de infosheet (geeft|noemt)"
        r"|verwijst naar deze|meer dan deze titel|het kompas (noemt|zegt|geeft als voorbeeld))\b",
        re.IGNORECASE,
    )
    found = [
        f"{path.relative_to(built_site)}: {m.group(0)}"
        for path in content_pages(built_site)
        for m in phrases.finditer(article_text(path))
    ]
    assert not found, "\n".join(found)
