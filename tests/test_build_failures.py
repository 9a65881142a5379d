"""Bad content through the real command line: clear Dutch errors, no traceback, old site kept."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build
from html_tools import page

pytestmark = pytest.mark.build  # builds a site or runs the project's commands

PRACTICES = "data/practices.yaml"


def snapshot(folder: Path) -> dict[str, tuple[str, float]]:
    """Content hash and modification time of every file below ``folder``."""
    return {
        str(path.relative_to(folder)): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path``; return the 1-based line where it stood."""
    text = path.read_text(encoding="utf-8")
    position = text.index(old)
    path.write_text(text[:position] + new + text[position + len(old) :], encoding="utf-8")
    return text[:position].count("\n") + 1


@pytest.fixture()
def previous_site(tmp_path: Path, built_site: Path) -> Path:
    """A site folder as a previous good build left it."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    return site


# (what to replace in practices.yaml, its replacement, field and message the editor must see)
BAD_INPUTS = {
    "yaml-syntax": (
        "title: De Gezinsadvocaat bij complexe scheiding",
        "title: De Gezinsadvocaat: bij scheiding",
        "",
        "YAML-fout",
    ),
    # the second occurrence is reported, one line below the replaced text
    "duplicate-key": (
        "  core_element: passende-hulp\n  regions: [hart-van-brabant]",
        "  core_element: passende-hulp\n  core_element: passende-hulp\n  regions: [hart-van-brabant]",
        "core_element",
        "staat twee keer",
        1,
    ),
    "unknown-key": (
        "  summary: >-\n    In Hart van Brabant",
        "  samenvatting: x\n  summary: >-\n    In Hart van Brabant",
        "samenvatting",
        "onbekend veld",
    ),
    # a missing field is reported on the line where its item starts, the line above
    "missing-field": (
        "  title: De Gezinsadvocaat bij complexe scheiding\n",
        "",
        "title",
        "verplicht veld ontbreekt",
        -1,
    ),
    "wrong-type": ("regions: [hart-van-brabant]", "regions: hart-van-brabant", "regions", "moet een lijst zijn"),
    "unknown-region": (
        "regions: [hart-van-brabant]",
        "regions: [hart-van-brabnt]",
        "regions[0]",
        "bedoelde je 'hart-van-brabant'?",
    ),
    "unknown-core-element": (
        "core_element: passende-hulp\n  regions: [hart-van-brabant]",
        "core_element: passende-hlp\n  regions: [hart-van-brabant]",
        "core_element",
        "bedoelde je 'passende-hulp'?",
    ),
    "duplicate-id": (
        "id: gezinsadvocaat-hart-van-brabant",
        "id: multi-expertteam-hart-van-brabant",
        "id",
        "bestaat al",
    ),
    "not-a-slug": ("id: gezinsadvocaat-hart-van-brabant", "id: Gezinsadvocaat_HvB", "id", "geen geldige id"),
    "bad-url": ("url: https://vng.nl/", "url: vng.nl/", "links[0].url", "geen volledig webadres"),
    "safelinks": (
        "url: https://vng.nl/",
        "url: https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Fvng.nl%2F&data=1",
        "links[0].url",
        "gebruik het echte adres: https://vng.nl/",
    ),
    "bad-email": ("email: k.lommen@venlo.nl", "email: k.lommen@venlo", "contacts[0].email", "geen geldig e-mailadres"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_fails_clearly_and_keeps_the_old_site(kind: str, project: Path, previous_site: Path) -> None:
    old, new, field, message, *offset = BAD_INPUTS[kind]
    line = replace_once(project / PRACTICES, old, new) + sum(offset)
    before = snapshot(previous_site)

    result = run_mkdocs_build(project, previous_site)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    expected_start = f"{PRACTICES}:{line}: {field}: " if field else f"{PRACTICES}:{line}: "
    reported = [row.strip() for row in result.stderr.splitlines() if row.strip().startswith(PRACTICES)]
    assert any(row.startswith(expected_start) and message in row for row in reported), result.stderr
    assert "de site is niet gebouwd" in result.stderr
    assert snapshot(previous_site) == before


def test_make_check_reports_the_same_errors(project: Path) -> None:
    line = replace_once(project / PRACTICES, "email: k.lommen@venlo.nl", "email: k.lommen@venlo")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), "data"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert (
        f"data/practices.yaml:{line}: contacts[0].email: 'k.lommen@venlo' is geen geldig e-mailadres" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_atomic_build_script_keeps_old_site_on_failure(project: Path, previous_site: Path) -> None:
    replace_once(project / PRACTICES, "regions: [hart-van-brabant]", "regions: [nergens]")
    before = snapshot(previous_site)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(previous_site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    assert "niet aangeraakt" in result.stderr
    assert snapshot(previous_site) == before
    assert not [path for path in previous_site.parent.iterdir() if path.name.startswith(".site-")]


def test_atomic_build_script_replaces_site_on_success(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "out"
    site.mkdir()
    (site / "stale.html").write_text("oud")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert (site / "praktijken" / "index.html").exists()


HOSTILE = '<script>alert("x")</script>'


def test_yaml_text_is_escaped_and_markdown_html_sanitised(project: Path, tmp_path: Path) -> None:
    practices = project / PRACTICES
    replace_once(practices, "title: De Gezinsadvocaat bij complexe scheiding", f"title: '{HOSTILE} & co'")
    replace_once(
        practices,
        "  body: |\n",
        "  body: |\n    <script>alert('body')</script>\n    <img src=x onerror=\"alert('img')\">\n    [klik](javascript:alert('link'))\n    <iframe src=\"https://example.org\"></iframe>\n\n",
    )
    replace_once(
        practices,
        "id: gezinsadvocaat-hart-van-brabant\n",
        "id: gezinsadvocaat-hart-van-brabant\n  contacts:\n    - name: '<b onmouseover=alert(1)>Naam</b>'\n",
    )
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    card = page(site, "praktijken/gezinsadvocaat-hart-van-brabant/").read_text(encoding="utf-8")
    assert "<script>alert" not in card
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in card  # title shown as text
    assert "onerror" not in card and "javascript:" not in card and "<iframe" not in card
    assert "&lt;b onmouseover=alert(1)&gt;Naam&lt;/b&gt;" in card
    for listing in ("praktijken/", "regio/hart-van-brabant/", "kernelementen/passende-hulp/"):
        html = page(site, listing).read_text(encoding="utf-8")
        assert "<script>alert" not in html, listing
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<script>alert" not in search


@pytest.mark.parametrize(
    "code, problem",
    [
        ("<script>alert('hallo')</script>", "een script in de pagina zelf"),
        ('<button onclick="alert(1)">Klik</button>', "een event-handler in de HTML"),
    ],
)
def test_a_hand_written_page_with_inline_code_stops_a_strict_build(
    project: Path, tmp_path: Path, code: str, problem: str
) -> None:
    """The production CSP blocks inline code: the build names the page instead of a silent
    breakage behind nginx. An external script or a JSON data block is fine."""
    page_file = project / "content" / "over.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + f"\n{code}\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "over.md" in result.stderr and problem in result.stderr and "Content-Security-Policy" in result.stderr
    assert "Traceback" not in result.stderr
    page_file.write_text(
        page_file.read_text(encoding="utf-8").replace(code, '<script type="application/json">{"a": 1}</script>'),
        encoding="utf-8",
    )
    assert run_mkdocs_build(project, tmp_path / "site2").returncode == 0


def test_on_github_actions_errors_are_annotations_on_their_lines(project: Path, tmp_path: Path) -> None:
    """In a GitHub Actions job (GITHUB_ACTIONS=true) make check and the build print every content
    error as a workflow command, so that the pull request shows it on the changed line."""
    line = replace_once(
        project / PRACTICES,
        "core_element: passende-hulp\n  regions: [hart-van-brabant]",
        "core_element: passende-hlp\n  regions: [hart-van-brabant]",
    )
    expected = f"::error file=data/practices.yaml,line={line},title=core_element::onbekend kernelement 'passende-hlp'"
    check = [sys.executable, str(ROOT / "scripts" / "check_content.py"), "data"]
    on_github = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run(check, cwd=project, capture_output=True, text=True, timeout=60, env=on_github)
    assert result.returncode == 1
    assert any(row.startswith(expected) for row in result.stdout.splitlines()), result.stdout
    elsewhere = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    result = subprocess.run(check, cwd=project, capture_output=True, text=True, timeout=60, env=elsewhere)
    assert "::error" not in result.stdout + result.stderr
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**on_github, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode != 0
    assert any(row.startswith(expected) for row in build.stdout.splitlines()), build.stdout


def test_annotations_escape_what_github_would_read_as_syntax() -> None:
    from kennisbank.content.errors import annotation

    text = annotation("error", "data/a,b.yaml", 3, "links[0].url", "50% kapot\nregel twee")
    assert text == "::error file=data/a%2Cb.yaml,line=3,title=links[0].url::50%25 kapot%0Aregel twee"
