"""Check every internal link and anchor of a built site with linkchecker, over HTTP.

linkchecker misreads directory URLs and root-absolute links over file://, so the site is
served on 127.0.0.1 for the duration of the check. External hosts are not contacted (see
linkcheck_extern.py for those). Each broken link is reported with the page it is on.

Usage: python scripts/linkcheck.py [site-dir]     (default: build the site first)
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINKCHECKER_CONFIG = ROOT / "scripts" / "linkcheckerrc"


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    result: str
    line: str

    def __str__(self) -> str:
        where = f"{self.page} (regel {self.line})" if self.line else self.page
        return f"{where} → {self.target}: {self.result}"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        # linkchecker waits 0.1-0.6 s between requests to a host unless the server opts in
        # with this header; then maxrequestspersecond from linkcheckerrc applies.
        self.send_header("LinkChecker", "fast")
        super().end_headers()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # linkchecker closes connections once it has what it needs: not an error of the site.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def check_internal(base_url: str) -> list[BrokenLink]:
    """Broken internal links and anchors of the site at ``base_url``."""
    command = [
        str(Path(sys.executable).with_name("linkchecker")), "--config", str(LINKCHECKER_CONFIG),
        "--no-status", "--output", "csv", "--ignore-url", "^mailto:", base_url,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker faalde ({result.returncode}):\n{result.stderr}")
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    broken = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        # Errors are broken links; of the warnings only a missing anchor is (linkchecker's
        # AnchorCheck reports it as a warning; other warnings say nothing about our links).
        anchor = "anchor" in (row.get("warningstring") or "").lower()
        if row.get("valid", "").lower() == "false" or anchor:
            broken.append(BrokenLink(
                page=(row.get("parentname") or "").removeprefix(base_url) or "/",
                target=(row.get("urlname") or row.get("url") or "").removeprefix(base_url),
                result=row.get("warningstring") if anchor else (row.get("result") or ""),
                line=row.get("line") or "",
            ))
    return broken


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
        return report(site)
    with tempfile.TemporaryDirectory(prefix="kb-linkcheck-") as folder:
        site = Path(folder) / "site"
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if built.returncode != 0:
            return built.returncode
        return report(site)


def report(site: Path) -> int:
    server, base_url = serve(site)
    try:
        broken = check_internal(base_url)
    finally:
        server.shutdown()
    if broken:
        print(f"{len(broken)} kapotte interne link(s) (pagina → doel):", file=sys.stderr)
        for link in broken:
            print(f"  {link}", file=sys.stderr)
        return 1
    print("Alle interne links en ankers werken.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
