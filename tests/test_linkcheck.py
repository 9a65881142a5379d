"""Internal link check in every test run: linkchecker over HTTP on the real built site.

The check must give the same verdict wherever the checkout and its tools live, for root as
for an ordinary user, and must refuse to pass a site when it could not really check it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import linkcheck as linkchecker_package  # linkchecker's own package (the tool, not our script)
import pytest

from conftest import ROOT, run_mkdocs_build

sys.path.insert(0, str(ROOT / "scripts"))
from internal_links import LINKCHECKER_CONFIG, LinkcheckWeakened, check_internal, serve

pytestmark = pytest.mark.build  # builds a site or runs the project's commands

TOOL = Path(linkchecker_package.__file__).parent


def test_no_broken_internal_link_or_anchor(built_site: Path) -> None:
    server, base_url = serve(built_site)
    try:
        broken = check_internal(base_url)
    finally:
        server.shutdown()
    assert not broken, "kapotte interne links:\n" + "\n".join(str(link) for link in broken)


def test_a_broken_link_and_anchor_are_named_with_their_page(project: Path, tmp_path: Path) -> None:
    with (project / "content" / "over.md").open("a", encoding="utf-8") as page:
        page.write("\n\nZie [de oude pagina](../bestaat-niet/) en [stap 1](kompas/stap-1.md#geen-anker).\n")
    site = tmp_path / "site"
    assert run_mkdocs_build(project, site).returncode != 0  # strict build already refuses the anchor
    assert run_mkdocs_build(project, site, "--no-strict").returncode == 0
    server, base_url = serve(site)
    try:
        broken = {(link.page, link.target) for link in check_internal(base_url)}
    finally:
        server.shutdown()
    assert ("over/", "../bestaat-niet/") in broken
    assert ("over/", "../kompas/stap-1/#geen-anker") in broken


#: A site of three pages, one with a broken anchor planted: the tests of how linkchecker runs
#: need no more (the whole site is checked by test_no_broken_internal_link_or_anchor).
MINI_SITE = {
    "index.html": '<!doctype html><html lang="nl"><title>Start</title><a href="over/">Over</a></html>',
    "over/index.html": (
        '<!doctype html><html lang="nl"><title>Over</title><article><h1 id="over">Over</h1>'
        '<a href="../kompas/stap-1/#stap">stap 1</a> <a href="../kompas/stap-1/#geplant-anker">stap 1</a>'
        "</article></html>"
    ),
    "kompas/stap-1/index.html": '<!doctype html><html lang="nl"><title>Stap 1</title><h1 id="stap">Stap 1</h1></html>',
}


@pytest.fixture()
def private(tmp_path: Path) -> Path:
    """A folder only its owner may read (as a home folder or ``mktemp -d`` is), holding a small
    site with one broken anchor planted, the linkchecker settings, and linkchecker itself."""
    folder = tmp_path / "privé"
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)
    for name, html in MINI_SITE.items():
        (folder / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "site" / name).write_text(html, encoding="utf-8")
    shutil.copy2(LINKCHECKER_CONFIG, folder / "linkcheckerrc")
    shutil.copytree(TOOL, folder / "tool" / "linkcheck", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def _tool_env(folder: Path) -> dict[str, str]:
    """linkchecker imported from the private copy (its plugins are read from there)."""
    return {"PYTHONPATH": str(folder / "tool"), "PYTHONDONTWRITEBYTECODE": "1"}


def test_the_check_finds_a_broken_anchor_from_a_private_folder(private: Path) -> None:
    env = {**os.environ, **_tool_env(private)}
    loaded = subprocess.run(
        [sys.executable, "-c", "import linkcheck; print(linkcheck.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert loaded.startswith(str(private / "tool")), loaded
    server, base_url = serve(private / "site")
    try:
        broken = {
            (link.page, link.target) for link in check_internal(base_url, private / "linkcheckerrc", _tool_env(private))
        }
    finally:
        server.shutdown()
    assert ("over/", "../kompas/stap-1/#geplant-anker") in broken


def test_linkchecker_as_it_starts_by_itself_is_caught_when_it_drops_to_nobody(private: Path) -> None:
    """As root, linkchecker's own start switches to user nobody, who cannot read the private
    folder: its anchor plugin then silently stays off. The canary must catch exactly that."""
    plain = private / "plain_linkchecker.py"
    plain.write_text(
        "import sys\nfrom linkcheck.command.linkchecker import linkchecker\nsys.exit(linkchecker())\n", encoding="utf-8"
    )
    server, base_url = serve(private / "site")
    try:
        if os.geteuid() == 0:
            with pytest.raises(LinkcheckWeakened, match="AnchorCheck"):
                check_internal(base_url, private / "linkcheckerrc", _tool_env(private), runner=plain)
        else:  # no switch of user: the plain start checks as well as ours
            broken = check_internal(base_url, private / "linkcheckerrc", _tool_env(private), runner=plain)
            assert ("over/", "../kompas/stap-1/#geplant-anker") in {(link.page, link.target) for link in broken}
    finally:
        server.shutdown()


def test_make_linkcheck_fails_loudly_when_linkchecker_has_no_anchor_check(private: Path) -> None:
    (private / "tool" / "linkcheck" / "plugins" / "anchorcheck.py").unlink()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "internal_links.py"), str(private / "site")],
        env={**os.environ, **_tool_env(private)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "ankercontrole van linkchecker (de plugin AnchorCheck) is niet actief" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_check_stops_when_its_settings_are_not_in_effect(private: Path) -> None:
    settings = private / "linkcheckerrc"
    settings.write_text("[checking]\nmaxrequestspersecond=1000\n[AnchorCheck]\n", encoding="utf-8")
    server, base_url = serve(private / "site")
    try:
        with pytest.raises(LinkcheckWeakened, match="instellingen van linkchecker"):
            check_internal(base_url, settings)
    finally:
        server.shutdown()
