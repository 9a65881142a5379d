"""The plugin is a package others can install: its wheel, installed with its declared
dependencies in a fresh virtual environment (not editable, without this checkout on the path),
builds a site that has only mkdocs.yml, content/, data/ and an empty overrides/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts" / "dev"))
from site_snapshot import snapshot

pytestmark = pytest.mark.build


def test_the_wheel_alone_builds_the_site(tmp_path: Path, built_site: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)],
        check=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("kennisbank-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr

    site_sources = tmp_path / "site-sources"
    site_sources.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", site_sources / "mkdocs.yml")
    shutil.copytree(ROOT / "content", site_sources / "content")
    shutil.copytree(ROOT / "data", site_sources / "data")
    (site_sources / "overrides").mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    site = tmp_path / "site"
    built = subprocess.run(
        [str(venv / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=site_sources,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    # The installed package, not this checkout, made the site.
    where = subprocess.run(
        [str(python), "-c", "import kennisbank; print(kennisbank.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert str(venv) in where and str(ROOT) not in where
    assert snapshot(site) == snapshot(built_site)  # the same pages, the same cards on every list
