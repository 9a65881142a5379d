"""The edit loop: make serve rebuilds on a data change; bad content shows its errors and the
last good site keeps being served."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

import pytest

from preview import free_port

pytestmark = pytest.mark.build  # builds a site or runs the project's commands


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("niet op tijd")


def start_serve(project: Path, tmp_path: Path) -> tuple[int, subprocess.Popen[bytes], IO[str]]:
    """`make serve`'s command in ``project`` on a free port, its output in tmp_path/serve.log."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return port, server, log


def test_serve_keeps_the_last_good_site_while_content_is_broken(project: Path, tmp_path: Path) -> None:
    port, server, log = start_serve(project, tmp_path)
    card = f"http://127.0.0.1:{port}/praktijken/gezinsadvocaat-hart-van-brabant/"
    practices = project / "data" / "practices.yaml"
    good = practices.read_text(encoding="utf-8")
    try:
        wait_for(lambda: "De Gezinsadvocaat" in fetch(card))
        practices.write_text(
            good.replace("regions: [hart-van-brabant]", "regions: [hart-van-brabnt]", 1), encoding="utf-8"
        )
        wait_for(lambda: "bedoelde je 'hart-van-brabant'?" in (tmp_path / "serve.log").read_text(encoding="utf-8"))
        # Still served, not stuck: MkDocs holds a page back while it builds, and the build goes
        # on with the last good content, so the answer may take a build's time (longer on a
        # busy machine) but must come and be the old card.
        wait_for(lambda: "De Gezinsadvocaat" in fetch(card))
        assert "laatste goede versie" in (tmp_path / "serve.log").read_text(encoding="utf-8")
        practices.write_text(
            good.replace("title: De Gezinsadvocaat bij complexe scheiding", "title: Gezinsadvocaat (nieuw)", 1),
            encoding="utf-8",
        )
        wait_for(lambda: "Gezinsadvocaat (nieuw)" in fetch(card))
        assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.mark.browser
def test_an_open_page_shows_the_errors_of_a_broken_save_until_the_next_good_one(
    project: Path, tmp_path: Path, browser_page
) -> None:
    """The editor's browser, not only the terminal: on a broken save every open page reloads with
    the errors (file:line: field: message) over it; the next good save takes them away."""
    from browser import axe_violations

    page, watch = browser_page
    port, server, log = start_serve(project, tmp_path)
    card = f"http://127.0.0.1:{port}/praktijken/gezinsadvocaat-hart-van-brabant/"
    practices = project / "data" / "practices.yaml"
    good = practices.read_text(encoding="utf-8")

    def shown() -> bool:
        try:
            return bool(page.evaluate("!!document.querySelector('[data-kb-serve-errors]:not([hidden])')"))
        except Exception:  # the page is reloading
            return False

    try:
        wait_for(lambda: "De Gezinsadvocaat" in fetch(card))
        page.goto(card, wait_until="load")  # never "networkidle": live reload keeps a request open
        assert not shown()
        line = good[: good.index("regions: [hart-van-brabant]")].count("\n") + 1
        practices.write_text(
            good.replace("regions: [hart-van-brabant]", "regions: [hart-van-brabnt]", 1), encoding="utf-8"
        )
        wait_for(shown)  # live reload brought the message, without the editor doing anything
        box = page.locator("[data-kb-serve-errors]")
        text = box.inner_text()
        assert f"data/practices.yaml:{line}: regions[0]:" in text and "bedoelde je 'hart-van-brabant'?" in text
        assert "laatste goede versie" in text
        assert box.get_attribute("role") == "alertdialog"
        assert page.evaluate("document.activeElement.matches('[data-kb-serve-errors]')"), "focus on the message"
        assert page.locator("h1").inner_text().startswith("De Gezinsadvocaat")  # the last good page below it
        assert axe_violations(page) == []
        page.keyboard.press("Escape")
        assert not shown()
        practices.write_text(good, encoding="utf-8")
        wait_for(lambda: _gone(page))
        assert watch.page_errors == []
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def _gone(page) -> bool:
    """After the good save: the page reloaded (the dismissed message would still be in the DOM)
    and has no message at all."""
    try:
        return bool(
            page.evaluate("document.readyState === 'complete' && !document.querySelector('[data-kb-serve-errors]')")
        )
    except Exception:
        return False
