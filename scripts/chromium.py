"""Debian's chromium, as the tests, ``make bench`` and ``make pdf`` launch it (one place).

Playwright only drives it and never downloads a browser of its own.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Lets a host page on one 127.0.0.1 port frame the site on another (the embed tests).
    # Chromium honours only the last --disable-features switch: keep this the only one.
    "--disable-features=LocalNetworkAccessChecks",
]
MISSING_BROWSER = (
    "Chromium ontbreekt (/usr/bin/chromium). Installeer het met "
    "'sudo apt-get install -y chromium' of draai 'make test', dat het zelf installeert."
)
