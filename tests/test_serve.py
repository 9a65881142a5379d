"""The edit loop: make serve rebuilds on a data change; bad content shows its errors and the
last good site keeps being served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.build  # builds a site or runs the project's commands


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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


def test_serve_keeps_the_last_good_site_while_content_is_broken(project: Path, tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    card = f"http://127.0.0.1:{port}/praktijken/gezinsadvocaat-hart-van-brabant/"
    practices = project / "data" / "practices.yaml"
    good = practices.read_text(encoding="utf-8")
    try:
        wait_for(lambda: "De Gezinsadvocaat" in fetch(card))
        practices.write_text(
            good.replace("regions: [hart-van-brabant]", "regions: [hart-van-brabnt]", 1), encoding="utf-8"
        )
        wait_for(lambda: "bedoelde je 'hart-van-brabant'?" in (tmp_path / "serve.log").read_text(encoding="utf-8"))
        time.sleep(1)
        assert "De Gezinsadvocaat" in fetch(card)  # still served, not stuck
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
