"""Write ``dossier.pdf`` next to every dossier page of a built site (``make pdf``).

Each dossier (``/regio/<id>/dossier/``, ``/kernelementen/<id>/dossier/``) is printed by Debian's
chromium exactly as a reader's browser prints it (the site's print stylesheet, A4), as a tagged
PDF: with structure for screen readers, the page's language and its title, which the rules for
public-sector websites ask of documents as of pages. Not part of ``make build`` or of CI's gate.

Usage: python scripts/make_pdf.py [site-dir]     (default: site/, as ``make build`` leaves it)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, CHROMIUM_ARGS, MISSING_BROWSER
from internal_links import serve


def dossiers(site: Path) -> list[str]:
    """Site-relative addresses of the dossiers of one region or core element (not the lists',
    which print whatever selection a reader makes)."""
    found = []
    for page in sorted(site.glob("*/*/dossier/index.html")):
        found.append(page.parent.relative_to(site).as_posix() + "/")
    return found


def write_pdfs(site: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    server, base = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(locale="nl-NL")
            for url in dossiers(site):
                page.goto(base + url, wait_until="networkidle")
                page.emulate_media(media="print")
                target = site / url / "dossier.pdf"
                page.pdf(path=str(target), prefer_css_page_size=True, tagged=True, outline=True)
                written.append(target)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    arguments = parser.parse_args()
    if not CHROMIUM.exists():
        print(MISSING_BROWSER, file=sys.stderr)
        return 1
    if not (arguments.site / "index.html").exists():
        print(f"Geen gebouwde site in {arguments.site}/; draai eerst 'make build'.", file=sys.stderr)
        return 1
    written = write_pdfs(arguments.site)
    print(f"{len(written)} dossiers als pdf geschreven (dossier.pdf naast elke dossierpagina in {arguments.site}/).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
