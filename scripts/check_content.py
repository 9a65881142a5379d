"""Validate data/ without building the site: the same checks and messages as the build.

Usage: python scripts/check_content.py [data-dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

from kennisbank.catalogue import build_catalogue
from kennisbank.content import ContentErrors, load_content
from kennisbank.content.errors import github_annotations, on_github_actions
from kennisbank.content.registry import CONTENT_TYPES


def verdict(data_dir: Path) -> tuple[bool, str]:
    """Whether ``data_dir`` is valid, and what ``make check`` says about it."""
    try:
        catalogue = build_catalogue(load_content(data_dir, display_prefix=str(data_dir).rstrip("/")))
    except ContentErrors as errors:
        if on_github_actions():
            print(github_annotations(errors.errors), flush=True)  # on the changed lines of the pull request
        return False, errors.report()
    # Every type with items, in registry order, in its own Dutch words ("38 praktijken").
    counts = [
        content_type.noun.count(len(catalogue.of(content_type.name)))
        for content_type in CONTENT_TYPES
        if not content_type.single and catalogue.of(content_type.name)
    ]
    return True, "Inhoud in orde: " + ", ".join(counts) + "."


def main() -> int:
    ok, message = verdict(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data"))
    print(message, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
