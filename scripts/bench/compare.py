"""The kennisbank build against plain MkDocs on the same cards: time, memory, output size.

Usage: python scripts/bench/compare.py [--sizes 1000 5000 10000] [--pairs 2]

For each N: the kennisbank site from N synthetic practices, and a plain MkDocs site in which
the same N cards are ordinary Markdown pages (one page per card, one listing page) and
everything else comes from the kennisbank's mkdocs.yml: theme and features, menu, search
settings, Markdown extensions. That is the site the programme would have without the plugin.

Builds alternate in pairs (plain, kennisbank) because single runs on a shared machine swing by
tens of percent; the ratio reported is the median of the per-pair ratios (each pair ran under
the same conditions), next to the median times. Also: each build's peak memory (the process
and its workers), the output size and the sizes of the search indexes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import practices, write_project  # noqa: E402

# Runs mkdocs in a child and prints its own peak memory plus that of its worker processes.
_MEASURE = """
import resource, sys
from mkdocs.__main__ import cli
try:
    cli.main(args=sys.argv[1:], prog_name="mkdocs", standalone_mode=False)
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"PEAK_KB {own + workers}", file=sys.stderr)
"""


def plain_project(destination: Path, count: int) -> Path:
    """The same cards as ordinary Markdown pages, with the same theme and search settings."""
    docs = destination / "docs"
    (docs / "praktijken").mkdir(parents=True)
    cards = practices(count)
    listing = ["# Praktijken", ""]
    for card in cards:
        listing.append(f"- [{card['title']}]({card['id']}.md): {card['summary']}")
        lines = [
            f"# {card['title']}",
            "",
            f"*{card['core_element']}* · {', '.join(card['regions'])}",
            "",
            card["summary"],
            "",
            card["body"],
            "",
            "## Contact",
            "",
        ]
        lines += [f"- {c['name']}, {c['organisation']}: <{c['email']}>" for c in card["contacts"]]
        lines += ["", "## Meer informatie", ""] + [f"- [{link['title']}]({link['url']})" for link in card["links"]]
        (docs / "praktijken" / f"{card['id']}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (docs / "praktijken" / "index.md").write_text("\n".join(listing) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Kennisbank\n\nZie [de praktijken](praktijken/index.md).\n", encoding="utf-8")
    # The same menu as the kennisbank (mkdocs.yml's nav): Material renders it on every page, so a
    # shorter menu would make every plain page cheaper for a reason that has nothing to do with cards.
    nav: list[dict[str, str]] = []
    ours = _kennisbank_config()
    for entry in _menu(ours["nav"]):
        ((title, target),) = entry.items()
        if target not in ("index.md", "praktijken/index.md"):
            stub = docs / target
            stub.parent.mkdir(parents=True, exist_ok=True)
            stub.write_text(f"# {title}\n\nOverzichtspagina.\n", encoding="utf-8")
        nav.append({title: target})
    # Everything else as in the kennisbank's mkdocs.yml: theme and its features (without the
    # template overrides, which belong to the plugin), search settings, Markdown extensions.
    theme = {key: value for key, value in ours["theme"].items() if key != "custom_dir"}
    search = next(plugin for plugin in ours["plugins"] if isinstance(plugin, dict) and "search" in plugin)
    config = {
        "site_name": "Kennisbank (plain MkDocs)",
        "site_url": "http://127.0.0.1:8000/",
        "theme": theme,
        "plugins": [search],
        "markdown_extensions": ours["markdown_extensions"],
        "nav": nav,
    }
    (destination / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return destination


def _menu(nav: list[dict[str, str]]) -> list[dict[str, str]]:
    """The kennisbank's whole menu: mkdocs.yml's entries with the listings the plugin adds after "Start"."""
    from kennisbank.content.registry import CONTENT_TYPES
    from kennisbank.urls import source_uri

    listings = sorted((t.listing for t in CONTENT_TYPES if t.listing), key=lambda listing: listing.order)
    return nav[:1] + [{listing.menu: source_uri(listing.url)} for listing in listings] + nav[1:]


def _kennisbank_config() -> dict:
    """The kennisbank's mkdocs.yml (its !ENV tags do not matter here)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((HERE.parents[1] / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def build(project: Path, site: Path) -> tuple[float, int]:
    """Wall time (s) and peak memory (KB) of one build."""
    if site.exists():
        shutil.rmtree(site)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, "build", "--quiet", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    peak = next(int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("PEAK_KB"))
    return elapsed, peak


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--pairs", type=int, default=2)
    arguments = parser.parse_args()

    print(
        "| kaarten | plain MkDocs (s) | kennisbank (s) | verhouding | piekgeheugen kennisbank (MB) | plain (MB) | uitvoer kennisbank (MB) | plain (MB) | Material-zoekindex (MB) | catalogusindex (MB) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory(prefix=f"kb-compare-{size}-") as folder:
            root = Path(folder)
            ours = write_project(root / "kennisbank", size)
            plain = plain_project(root / "plain", size)
            times = {"plain": [], "ours": []}
            peaks = {"plain": [], "ours": []}
            for _ in range(arguments.pairs):
                for name, project in (("plain", plain), ("ours", ours)):
                    elapsed, peak = build(project, root / f"site-{name}")
                    times[name].append(elapsed)
                    peaks[name].append(peak)
            plain_s, ours_s = statistics.median(times["plain"]), statistics.median(times["ours"])
            ratio = statistics.median([o / p for p, o in zip(times["plain"], times["ours"], strict=True)])
            pairs = ", ".join(f"{p:.1f}/{o:.1f}" for p, o in zip(times["plain"], times["ours"], strict=True))
            print(f"{size} kaarten, paren plain/kennisbank (s): {pairs}", file=sys.stderr, flush=True)
            site = root / "site-ours"
            print(
                f"| {size} | {plain_s:.1f} | {ours_s:.1f} | {ratio:.2f} | {max(peaks['ours']) / 1024:.0f} | "
                f"{max(peaks['plain']) / 1024:.0f} | {folder_size(site) / 2**20:.0f} | {folder_size(root / 'site-plain') / 2**20:.0f} | "
                f"{(site / 'search/search_index.json').stat().st_size / 2**20:.1f} | "
                f"{sum(f.stat().st_size for f in (site / 'assets/kennisbank/zoekindex').rglob('*.json')) / 2**20:.1f} |",
                flush=True,
            )
    print()
    print("Budget: verhouding hoogstens 1,10 bij 5.000 kaarten; piekgeheugen onder 1,5 GB bij 10.000.")
    with tempfile.TemporaryDirectory(prefix="kb-rebuild-") as folder:
        # What one save costs while editing with make serve: a full build of the real content.
        rebuilds = [build(HERE.parents[1], Path(folder) / "site")[0] for _ in range(3)]
    print(
        f"Herbouwen van de echte inhoud (zoals bij opslaan tijdens make serve): mediaan {statistics.median(rebuilds):.1f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
