"""External link check against a local server that answers 200, 301, 302, 404, 500 and slowly."""

from __future__ import annotations

import http.server
import shutil
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import linkcheck_extern

pytestmark = pytest.mark.build  # builds a site or runs the project's commands


class _Answers(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {"/verhuisd": (301, "/nieuw"), "/tijdelijk": (302, "/ok"), "/weg": (404, None), "/fout": (500, None)}
        if self.path == "/traag":
            time.sleep(4)
        status, location = routes.get(self.path, (200, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>x</title>")

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def remote():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_report_names_broken_and_moved_links_with_file_and_line(remote: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("core_elements.yaml", "regions.yaml", "sources.yaml", "programme.yaml"):
        shutil.copy2(ROOT / "data" / name, data / name)
    links = "".join(
        f"    - title: {name}\n      url: {remote}/{name}\n"
        for name in ("ok", "verhuisd", "tijdelijk", "weg", "fout", "traag")
    )
    (data / "practices.yaml").write_text(
        "- id: proef\n  title: Proef\n  core_element: lokale-teams\n  regions: [landelijk]\n  summary: Kort.\n"
        f"  body: |\n    Zie ook {remote}/weg voor meer.\n  links:\n{links}",
        encoding="utf-8",
    )
    content = tmp_path / "content"
    content.mkdir()
    (content / "over.md").write_text(f"# Over\n\nEen [link]({remote}/fout).\n", encoding="utf-8")

    urls = linkcheck_extern.collect_urls(data, content)
    assert [str(source) for source in urls[f"{remote}/weg"]] == [
        "proef (data/practices.yaml:7)",
        "proef (data/practices.yaml:16)",
    ]
    outcomes = {outcome.url: outcome for outcome in linkcheck_extern.check(urls, timeout=2)}
    assert not outcomes[f"{remote}/ok"].broken
    assert outcomes[f"{remote}/weg"].broken and "404" in outcomes[f"{remote}/weg"].result
    assert outcomes[f"{remote}/fout"].broken and "500" in outcomes[f"{remote}/fout"].result
    assert outcomes[f"{remote}/traag"].broken
    assert outcomes[f"{remote}/verhuisd"].permanent_target == f"{remote}/nieuw"
    assert outcomes[f"{remote}/tijdelijk"].redirects and outcomes[f"{remote}/tijdelijk"].permanent_target is None

    text = linkcheck_extern.report(list(outcomes.values()))
    assert f"| {remote}/weg | 404" in text and "proef (data/practices.yaml:16)" in text
    assert f"| {remote}/fout | 500" in text and "pagina (content/over.md:3)" in text
    assert f"| {remote}/verhuisd | {remote}/nieuw | proef (data/practices.yaml:12) |" in text
    assert f"{remote}/tijdelijk" in text.split("## Tijdelijk doorgestuurd")[1]
    assert f"\n| {remote}/ok |" not in text  # a working link is not reported


def test_broken_and_moved_links_become_warnings_on_their_lines() -> None:
    """On GitHub Actions the link report's findings are also warnings on the lines of the URLs."""
    source = linkcheck_extern.Source("data/practices.yaml", 42, "gezinsadvocaat-hart-van-brabant")
    outcomes = [
        linkcheck_extern.Outcome("https://kapot.example/", [source], broken=True, result="404 Not Found"),
        linkcheck_extern.Outcome("https://oud.example/", [source], redirects=[("https://nieuw.example/", 301)]),
        linkcheck_extern.Outcome("https://goed.example/", [source]),
    ]
    assert linkcheck_extern.warnings(outcomes) == [
        "::warning file=data/practices.yaml,line=42,title=externe link::https://kapot.example/ werkt niet "
        "(404 Not Found); zoek een nieuw adres of haal de link weg",
        "::warning file=data/practices.yaml,line=42,title=externe link::https://oud.example/ is permanent "
        "verhuisd naar https://nieuw.example/; vervang het adres",
    ]
