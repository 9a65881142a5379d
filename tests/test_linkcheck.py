"""Internal link check in every test run: linkchecker over HTTP on the real built site."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import ROOT, run_mkdocs_build

sys.path.insert(0, str(ROOT / "scripts"))
from linkcheck import check_internal, serve  # noqa: E402


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
