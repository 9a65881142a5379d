"""What a reader gets, as data: every page of a built site and the cards on each of its lists.

A refactoring must not change what users see. ``tests/snapshots/site.json`` holds the
snapshot of the site as it is; tests/test_build.py compares every build with it, so a change
that adds, drops or moves a page or a card fails until the snapshot is recorded again with
``make snapshot`` (the snapshot's diff then shows, in review, what changed for readers).

    python scripts/dev/site_snapshot.py --build --write tests/snapshots/site.json
    python scripts/dev/site_snapshot.py SITE_DIR --compare before.json

The snapshot holds the set of pages and feeds, and per page the ids of the cards on it
(``data-card`` and ``data-instrument``) in order. Exit status 1 when the comparison differs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

CARD = re.compile(r'data-(?:card|instrument)="([^"]+)"')


def snapshot(site: Path) -> dict[str, list[str]]:
    pages: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or "assets" in path.relative_to(site).parts or path.suffix not in (".html", ".json"):
            continue
        name = path.relative_to(site).as_posix()
        if "search/" in name:
            continue
        pages[name] = CARD.findall(path.read_text(encoding="utf-8")) if path.suffix == ".html" else []
    return pages


def _build() -> Path:
    """The site built from this checkout into a temporary folder."""
    root = Path(__file__).resolve().parents[2]
    site = Path(tempfile.mkdtemp(prefix="kennisbank-snapshot-")) / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    if result.returncode != 0:
        sys.exit("Bouwen mislukt; de snapshot is niet bijgewerkt.")
    return site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", help="a built site (or --build)")
    parser.add_argument("--build", action="store_true", help="build the site into a temporary folder first")
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--write", type=Path, help="write the snapshot to this file (only after a good build)")
    arguments = parser.parse_args()
    if arguments.build:
        now = snapshot(_build())
    elif arguments.site:
        now = snapshot(arguments.site)
    else:
        parser.error("geef een gebouwde site of --build")
    if not arguments.compare:
        text = json.dumps(now, indent=1, ensure_ascii=False) + "\n"
        if arguments.write:
            arguments.write.write_text(text, encoding="utf-8")
            print(f"{arguments.write}: {len(now)} pagina's vastgelegd.")
        else:
            sys.stdout.write(text)
        return 0
    before = json.loads(arguments.compare.read_text(encoding="utf-8"))
    differences = [f"weg: {page}" for page in sorted(set(before) - set(now))]
    differences += [f"nieuw: {page}" for page in sorted(set(now) - set(before))]
    differences += [f"andere kaarten: {page}" for page in sorted(set(now) & set(before)) if now[page] != before[page]]
    print("\n".join(differences) or f"Gelijk: {len(now)} pagina's, dezelfde kaarten op elke lijst.")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
