"""Check every external URL of the content and write a report for the programme team.

URLs are collected where editors write them: every ``url`` field and every web address in
a text field of data/*.yaml (with the card, file and line), and every web address in
content/*.md. linkchecker checks them, politely (its default rate per host) and with a
timeout. The report lists each broken URL, each redirect, and for permanent redirects (301,
308) the new address to put in the file.

Usage: python scripts/linkcheck_extern.py [--report linkrapport.md] [--timeout 20]
Exit status 1 when any URL is broken, so a scheduled CI job shows it.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import html
import io
import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from internal_links import run_linkchecker, serve  # noqa: E402
from kennisbank.content.errors import annotation, on_github_actions  # noqa: E402

WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`)\]]+")
REDIRECT = re.compile(r"Redirected to `([^']+)' status: (\d+)")
PERMANENT = {301, 308}
#: The project's settings, so that a user's own ~/.config/linkchecker/linkcheckerrc plays no part.
EXTERN_CONFIG = ROOT / "scripts" / "linkcheckerrc-extern"


@dataclass(frozen=True)
class Source:
    """Where an editor wrote a URL."""

    file: str
    line: int
    item: str  # card id (or page) the URL belongs to

    def __str__(self) -> str:
        return f"{self.item} ({self.file}:{self.line})"


@dataclass
class Outcome:
    url: str
    sources: list[Source]
    broken: bool = False
    result: str = ""
    redirects: list[tuple[str, int]] = field(default_factory=list)

    @property
    def permanent_target(self) -> str | None:
        """Where a permanent redirect leads (the last hop of a chain of permanent hops)."""
        if self.redirects and all(code in PERMANENT for _, code in self.redirects):
            return self.redirects[-1][0]
        return None


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*path, index))


def collect_urls(data_dir: Path, content_dir: Path) -> dict[str, list[Source]]:
    """Every external URL with every place it is written."""
    from kennisbank.content import load_content
    from kennisbank.content.registry import CONTENT_TYPES

    found: dict[str, list[Source]] = defaultdict(list)
    content = load_content(data_dir, display_prefix="data")
    for collection in CONTENT_TYPES:
        document = content.documents.get(collection.name)
        if document is None:
            continue
        for index, item in enumerate(document.data or []):
            name = str(item.get(collection.key, index)) if isinstance(item, dict) else str(index)
            for path, text in _strings(item, (index,)):
                line = document.line_of(path)
                if path[-1] == "url":
                    found[text].append(Source(document.file, line, name))
                    continue
                for match in WEB_ADDRESS.finditer(text):
                    # A multi-line text is a block scalar (body: |) whose first line is the one
                    # after its key: count the lines within the text.
                    offset = 1 + text[: match.start()].count("\n") if "\n" in text else 0
                    found[match.group().rstrip(".,;:")].append(Source(document.file, line + offset, name))
    for page in sorted(content_dir.rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for address in WEB_ADDRESS.findall(line):
                found[address.rstrip(".,;:")].append(
                    Source(f"content/{page.relative_to(content_dir).as_posix()}", number, "pagina")
                )
    return dict(found)


def check(urls: dict[str, list[Source]], timeout: int) -> list[Outcome]:
    """Run linkchecker over a page that links every URL once."""
    with tempfile.TemporaryDirectory(prefix="kb-extern-") as folder:
        links = "\n".join(f'<a href="{html.escape(url)}">{html.escape(url)}</a><br>' for url in urls)
        (Path(folder) / "index.html").write_text(f"<!doctype html><title>links</title>{links}", encoding="utf-8")
        server, base_url = serve(Path(folder))
        try:
            command = [
                "--config",
                str(EXTERN_CONFIG),
                "--check-extern",
                "--recursion-level",
                "1",
                "--timeout",
                str(timeout),
                "--no-status",
                "--verbose",
                "--output",
                "csv",
                base_url,
            ]
            result = run_linkchecker(command, timeout=max(600, 5 * timeout * len(urls)))
        finally:
            server.shutdown()
    if result.returncode not in (0, 1):
        raise RuntimeError(f"linkchecker faalde ({result.returncode}):\n{result.stderr}")
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    outcomes = {url: Outcome(url, sources) for url, sources in urls.items()}
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        outcome = outcomes.get(row.get("urlname") or "")
        if outcome is None:
            continue
        outcome.broken = (row.get("valid") or "").lower() == "false"
        outcome.result = row.get("result") or ""
        outcome.redirects = [(target, int(code)) for target, code in REDIRECT.findall(row.get("warningstring") or "")]
    return list(outcomes.values())


def report(outcomes: list[Outcome]) -> str:
    """The Markdown report for the programme team."""
    broken = [outcome for outcome in outcomes if outcome.broken]
    moved = [outcome for outcome in outcomes if not outcome.broken and outcome.permanent_target]
    redirected = [
        outcome for outcome in outcomes if not outcome.broken and outcome.redirects and not outcome.permanent_target
    ]
    today = datetime.date.today().isoformat()
    lines = [
        "# Rapport externe links",
        "",
        f"Gecontroleerd op {today}: {len(outcomes)} webadressen.",
        "",
        f"- werkt niet: {len(broken)}",
        f"- permanent verhuisd: {len(moved)}",
        f"- tijdelijk doorgestuurd: {len(redirected)}",
        "",
    ]

    def where(outcome: Outcome) -> str:
        return "<br>".join(str(source) for source in outcome.sources)

    if broken:
        lines += [
            "## Werkt niet",
            "",
            "Zoek een nieuw adres of haal de link weg.",
            "",
            "| webadres | resultaat | staat in |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {o.url} | {o.result} | {where(o)} |" for o in broken]
        lines.append("")
    if moved:
        lines += [
            "## Permanent verhuisd",
            "",
            "Vervang het oude adres door het nieuwe.",
            "",
            "| oud adres | nieuw adres | staat in |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {o.url} | {o.permanent_target} | {where(o)} |" for o in moved]
        lines.append("")
    if redirected:
        lines += [
            "## Tijdelijk doorgestuurd",
            "",
            "Werkt nog; het oude adres kan blijven staan.",
            "",
            "| webadres | stuurt door naar | staat in |",
            "| --- | --- | --- |",
        ]
        lines += [f"| {o.url} | {o.redirects[-1][0]} ({o.redirects[-1][1]}) | {where(o)} |" for o in redirected]
        lines.append("")
    if not (broken or moved or redirected):
        lines += ["Alle externe links werken.", ""]
    return "\n".join(lines)


def json_report(outcomes: list[Outcome]) -> str:
    """The broken links with where they are written, for the review desk (kennisbank/review.py)."""
    broken = [
        {
            "url": o.url,
            "result": o.result,
            "sources": [{"file": s.file, "line": s.line, "item": s.item} for s in o.sources],
        }
        for o in outcomes
        if o.broken
    ]
    return json.dumps({"checked": datetime.date.today().isoformat(), "broken": broken}, ensure_ascii=False, indent=1)


def warnings(outcomes: list[Outcome]) -> list[str]:
    """Broken and moved links as GitHub workflow warnings, each on the line where it is written."""
    found = []
    for outcome in outcomes:
        if outcome.broken:
            problem = f"{outcome.url} werkt niet ({outcome.result}); zoek een nieuw adres of haal de link weg"
        elif outcome.permanent_target:
            problem = f"{outcome.url} is permanent verhuisd naar {outcome.permanent_target}; vervang het adres"
        else:
            continue
        found += [annotation("warning", s.file, s.line, "externe link", problem) for s in outcome.sources]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--report", type=Path, default=ROOT / "linkrapport.md")
    parser.add_argument(
        "--json", type=Path, default=ROOT / "linkrapport.json", help="voor de redactiepagina (/redactie/)"
    )
    parser.add_argument("--timeout", type=int, default=20, help="seconden per adres")
    arguments = parser.parse_args()
    outcomes = check(collect_urls(arguments.data, arguments.content), arguments.timeout)
    arguments.report.write_text(report(outcomes), encoding="utf-8")
    arguments.json.write_text(json_report(outcomes), encoding="utf-8")
    if on_github_actions():
        print("\n".join(warnings(outcomes)), flush=True)  # on the lines of the URLs in a pull request
    broken = sum(outcome.broken for outcome in outcomes)
    print(f"Rapport geschreven naar {arguments.report}: {broken} van {len(outcomes)} externe links werken niet.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
