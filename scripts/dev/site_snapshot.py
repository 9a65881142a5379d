"""What a reader gets, as data: every page of a built site and the cards on each of its lists.

A refactoring must not change what users see. Take a snapshot before and after and compare:

    python scripts/dev/site_snapshot.py SITE_DIR > before.json   (then, after the change)
    python scripts/dev/site_snapshot.py SITE_DIR --compare before.json

The snapshot holds the set of pages and feeds, and per page the ids of the cards on it
(``data-card`` and ``data-instrument``) in order. Exit status 1 when the comparison differs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--compare", type=Path)
    arguments = parser.parse_args()
    now = snapshot(arguments.site)
    if not arguments.compare:
        json.dump(now, sys.stdout, indent=1, ensure_ascii=False)
        return 0
    before = json.loads(arguments.compare.read_text(encoding="utf-8"))
    differences = [f"weg: {page}" for page in sorted(set(before) - set(now))]
    differences += [f"nieuw: {page}" for page in sorted(set(now) - set(before))]
    differences += [f"andere kaarten: {page}" for page in sorted(set(now) & set(before)) if now[page] != before[page]]
    print("\n".join(differences) or f"Gelijk: {len(now)} pagina's, dezelfde kaarten op elke lijst.")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
