"""Benchmark of the catalogue at scale: build, index and browser figures per number of cards.

Usage: python scripts/bench/bench.py [--sizes 1000 5000 10000] [--keystrokes 20]

For each size it generates that many synthetic practices (scripts/bench/generate.py),
builds the site, and reports:
- the site's build time and the share of it spent building the catalogue text index;
- the catalogue page's transfer size (gzip) before any interaction: every file the browser
  requests until the network is idle;
- the text index's transfer size (gzip), and whether it was requested before typing;
- in headless Chromium: median time from a facet click, and from a keystroke, to the
  updated result list (the ``kennisbank:rendered`` event of filters.js).

Figures are measurements on this machine, not tests: budgets are printed next to them.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from generate import write_project  # noqa: E402

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one launch recipe for tests and benchmarks)


def build_site(project: Path, site: Path, config: str = "mkdocs.yml") -> float:
    """Wall time of ``mkdocs build`` in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--config-file",
            config,
            "--site-dir",
            str(site),
        ],
        cwd=project,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - started


def without_text_index(project: Path) -> str:
    """A config file next to mkdocs.yml that builds the same site without the text index."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    marker = "  - kennisbank:\n"
    assert marker in text, "kennisbank-plugin niet gevonden in mkdocs.yml"
    (project / "mkdocs-zonder-index.yml").write_text(
        text.replace(marker, marker + "      text_index: false\n"), encoding="utf-8"
    )
    return "mkdocs-zonder-index.yml"


def index_cost(project: Path, site: Path, pairs: int) -> tuple[float, float]:
    """Median build time with the index, and its median extra share, over alternating pairs."""
    other = without_text_index(project)
    with_index, shares = [], []
    for _ in range(pairs):
        plain = build_site(project, site.with_name("site-zonder-index"), other)
        full = build_site(project, site)
        with_index.append(full)
        shares.append((full - plain) / plain)
    return statistics.median(with_index), statistics.median(shares)


def index_build_time(project: Path) -> float:
    """Seconds to build the practices text index from the project's data, as the plugin does."""
    from kennisbank.catalogue import build_catalogue
    from kennisbank.content import load_content
    from kennisbank.exports.search_index import export_texts, practice_documents
    from kennisbank.views import Site

    catalogue = build_catalogue(load_content(project / "data"))
    started = time.perf_counter()
    export_texts(practice_documents(Site(catalogue)))
    return time.perf_counter() - started


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def browser_figures(site: Path, keystrokes: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from browser import serve

    server = serve(site)
    base = next(server)
    figures: dict[str, float] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(base + "praktijken/", wait_until="networkidle")
            paths = {urlsplit(url).path for url in requested if url.startswith(base)}
            files = [site / path.lstrip("/") / ("index.html" if path.endswith("/") else "") for path in paths]
            figures["page_gzip_kb"] = sum(gzip_size(file) for file in files if file.is_file()) / 1024
            figures["index_before_typing"] = float(any("/zoekindex/" in path for path in paths))
            index_files = sorted((site / "assets/kennisbank/zoekindex/praktijken").glob("*.json"))
            figures["index_gzip_kb"] = sum(gzip_size(file) for file in index_files) / 1024

            timer = """
              async ([selector, action]) => {
                const form = document.querySelector('[data-kb-filters]');
                const done = new Promise(resolve => form.addEventListener('kennisbank:rendered', resolve, { once: true }));
                const started = performance.now();
                if (action === 'click') { document.querySelector(selector).click(); }
                else { const input = document.querySelector('#kb-q'); input.value = action; input.dispatchEvent(new Event('input')); }
                await done;
                return performance.now() - started;
              }"""
            boxes = page.eval_on_selector_all("[data-kb-facet] input", "boxes => boxes.map(box => '#' + box.id)")
            clicks = [page.evaluate(timer, [boxes[i % len(boxes)], "click"]) for i in range(2 * len(boxes))]
            figures["facet_ms"] = statistics.median(clicks)
            figures["index_after_facets"] = float(any("/zoekindex/" in url for url in requested))

            # The first query, typed one letter at a time as a person does: everything it downloads
            # (lunr's pipeline, the manifest, the shards of every prefix, the excerpt texts).
            query = "samenwerking veiligheid gezin"
            before = len(requested)
            started = time.perf_counter()
            for end in range(1, len(query) + 1):
                page.evaluate(
                    "text => { const input = document.querySelector('#kb-q'); input.value = text; input.dispatchEvent(new Event('input')); }",
                    query[:end],
                )
                page.wait_for_timeout(60)  # a fast typist
            page.wait_for_function("!document.querySelector('[data-result-count]').textContent.includes('Zoeken')")
            page.wait_for_load_state("networkidle")
            figures["first_query_s"] = time.perf_counter() - started
            query_paths = {urlsplit(url).path for url in requested[before:] if url.startswith(base)}
            figures["first_query_gzip_kb"] = (
                sum(gzip_size(site / path.lstrip("/")) for path in query_paths if (site / path.lstrip("/")).is_file())
                / 1024
            )
            figures["first_query_files"] = float(len(query_paths))
            # Once loaded: a keystroke within the words already typed.
            typed = [page.evaluate(timer, ["", query[: len(query) - i % 8]]) for i in range(keystrokes)]
            figures["keystroke_ms"] = statistics.median(typed)
            browser.close()
    finally:
        server.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--keystrokes", type=int, default=20)
    parser.add_argument("--pairs", type=int, default=2, help="builds with and without index, alternating")
    arguments = parser.parse_args()

    rows = []
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory(prefix=f"kb-bench-{size}-") as folder:
            project = write_project(Path(folder) / "project", size)
            site = Path(folder) / "site"
            build_s, added = index_cost(project, site, arguments.pairs)
            index_s = index_build_time(project)
            figures = browser_figures(site, arguments.keystrokes)
            rows.append((size, build_s, index_s, added, figures))
            print(
                f"  {size} kaarten gemeten: {build_s:.1f} s bouwen, index {100 * added:+.1f}%, {figures}",
                file=sys.stderr,
                flush=True,
            )

    print()
    print(
        "| kaarten | bouwen (s) | tekstindex bouwen, los (s) | index extra op bouwtijd | pagina gzip (KB) | hele index gzip (KB) | index vóór typen of bij facetten | facetklik mediaan (ms) | eerste zoekvraag: download gzip (KB) | bestanden | toets mediaan (ms) |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: | ---: |")
    for size, build_s, index_s, added, f in rows:
        print(
            f"| {size} | {build_s:.1f} | {index_s:.2f} | {100 * added:+.1f}% | {f['page_gzip_kb']:.0f} | "
            f"{f['index_gzip_kb']:.0f} | {'ja' if f['index_before_typing'] or f['index_after_facets'] else 'nee'} | {f['facet_ms']:.1f} | "
            f"{f['first_query_gzip_kb']:.0f} | {f['first_query_files']:.0f} | {f['keystroke_ms']:.1f} |"
        )
    print()
    print("Budgetten: niets van de tekstindex vóór de eerste toets of bij facetklikken; facetklik < 50 ms;")
    print(
        "eerste zoekvraag downloadt < 300 KB gzip bij 1.000 en < 1,5 MB bij 10.000; toets < 50 ms bij 1.000, < 150 ms bij 10.000;"
    )
    print("bouwtijd tegenover gewone MkDocs bij 5.000 ≤ 1,10 (compare.py).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
