"""Check every internal link and anchor of a built site with linkchecker, over HTTP.

linkchecker misreads directory URLs and root-absolute links over file://, so the site is
served on 127.0.0.1 for the duration of the check. External hosts are not contacted (see
linkcheck_extern.py for those). Each broken link is reported with the page it is on.

The check proves itself on every run: the server also answers a small canary page with a
link to an anchor that does not exist and a link that only the project's linkchecker
configuration ignores. If linkchecker does not report the first, its anchor check is not in
effect; if it reports the second, the configuration is not. Either way the check stops with
a message instead of passing a site it did not really check.

Usage: python scripts/internal_links.py [site-dir]     (default: build the site first)
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
#: Starts linkchecker without its switch to user ``nobody`` (see that file for why).
RUNNER = ROOT / "scripts" / "run_linkchecker.py"

#: The canary's place on the test server; never part of a built site.
CANARY = ".kennisbank-linkcheck/"
CANARY_ANCHOR = "kb-anker-bestaat-niet"
CANARY_IGNORED = "genegeerd-door-linkcheckerrc/"
_CANARY_PAGES = {
    CANARY: (
        "<!doctype html><html lang='nl'><title>Controle van de linkcontrole</title>"
        f"<a href='doel.html#{CANARY_ANCHOR}'>anker dat niet bestaat</a> "
        f"<a href='{CANARY_IGNORED}'>adres dat scripts/linkcheckerrc laat negeren</a></html>"
    ),
    CANARY
    + "doel.html": "<!doctype html><html lang='nl'><title>Doel</title><h1 id='er-is-een-ander-anker'>Doel</h1></html>",
}


class LinkcheckWeakened(RuntimeError):
    """linkchecker ran, but not as the project configured it: its verdict cannot be trusted."""


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
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # linkchecker waits 0.1-0.6 s between requests to a host unless the server opts in
        # with this header; then maxrequestspersecond from linkcheckerrc applies.
        self.send_header("LinkChecker", "fast")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        canary = _CANARY_PAGES.get(self.path.split("?", 1)[0].split("#", 1)[0].lstrip("/"))
        if canary is None:
            return super().send_head()
        body = canary.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # linkchecker closes connections once it has what it needs: not an error of the site.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_linkchecker(
    arguments: list[str], timeout: float, env: dict[str, str] | None = None, runner: Path = RUNNER
) -> subprocess.CompletedProcess[str]:
    """linkchecker with ``arguments``, as the current user, its messages in English.

    Every caller passes ``--config``: without it linkchecker would also read the user's own
    ``~/.config/linkchecker/linkcheckerrc``, and the check would differ per user.
    """
    environment = {**os.environ, **(env or {}), "LC_ALL": "C.UTF-8", "LANGUAGE": "en"}
    return subprocess.run(
        [sys.executable, str(runner), *arguments], capture_output=True, text=True, timeout=timeout, env=environment
    )


def check_internal(
    base_url: str, config: Path = LINKCHECKER_CONFIG, env: dict[str, str] | None = None, runner: Path = RUNNER
) -> list[BrokenLink]:
    """Broken internal links and anchors of the site at ``base_url`` (served by :func:`serve`).

    ``env`` adds to the environment and ``runner`` replaces the start script: for tests that
    put linkchecker somewhere else.

    Raises :class:`LinkcheckWeakened` when the canary shows that the anchor check or the
    configuration was not in effect.
    """
    canary_url = base_url + CANARY
    command = [
        "--config",
        str(config),
        "--no-status",
        "--output",
        "csv",
        "--ignore-url",
        "^mailto:",
        base_url,
        canary_url,
    ]
    result = run_linkchecker(command, timeout=900, env=env, runner=runner)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker faalde ({result.returncode}):\n{result.stderr}")
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    broken = []
    from_canary: set[str] = set()  # what linkchecker found wrong on the canary page, as full URLs
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        # Errors are broken links; of the warnings only a missing anchor is (linkchecker's
        # AnchorCheck reports it as a warning; other warnings say nothing about our links).
        anchor = "anchor" in (row.get("warningstring") or "").lower()
        if row.get("valid", "").lower() != "false" and not anchor:
            continue
        page = (row.get("parentname") or "").removeprefix(base_url) or "/"
        if page.startswith(CANARY):
            from_canary.add((row.get("url") or "").removeprefix(base_url))
            continue
        broken.append(
            BrokenLink(
                page=page,
                target=(row.get("urlname") or row.get("url") or "").removeprefix(base_url),
                result=row.get("warningstring") if anchor else (row.get("result") or ""),
                line=row.get("line") or "",
            )
        )
    _require_canary(from_canary, config, result.stderr)
    return broken


def _require_canary(from_canary: set[str], config: Path, stderr: str) -> None:
    """Stop unless linkchecker found the canary's missing anchor and ignored what the config ignores."""
    problems = []
    if not any(target.endswith(f"#{CANARY_ANCHOR}") for target in from_canary):
        problems.append(
            "de ankercontrole van linkchecker (de plugin AnchorCheck) is niet actief: een link naar een "
            "anker dat niet bestaat werd niet gemeld. Staat de sectie [AnchorCheck] in "
            f"{config.name}, en kan linkchecker zijn plugins lezen?"
        )
    if any(target.startswith(CANARY + CANARY_IGNORED) for target in from_canary):
        problems.append(
            f"de instellingen van linkchecker ({config}) zijn niet gebruikt: een adres dat die instellingen "
            "laten negeren werd toch gecontroleerd"
        )
    if problems:
        details = f"\nWat linkchecker meldde:\n{stderr.strip()}" if stderr.strip() else ""
        raise LinkcheckWeakened(
            "De linkcontrole is niet betrouwbaar en is gestopt; de site is niet goedgekeurd:\n"
            + "\n".join(f"  - {problem}" for problem in problems)
            + details
        )


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
        return report(site)
    with tempfile.TemporaryDirectory(prefix="kb-linkcheck-") as folder:
        site = Path(folder) / "site"
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if built.returncode != 0:
            return built.returncode
        return report(site)


def report(site: Path) -> int:
    server, base_url = serve(site)
    try:
        broken = check_internal(base_url)
    except LinkcheckWeakened as weakened:
        print(f"FOUT: {weakened}", file=sys.stderr)
        return 2
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
