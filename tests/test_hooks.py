"""The pre-commit hooks work from any folder and for any user: they run the project's own
checks with the project's own .venv, and stop a commit that breaks the content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build  # builds a site or runs the project's commands

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _repository(folder: Path) -> Path:
    """A git repository in a private folder with the files the hooks read, and the project's .venv."""
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)
    for part in (".pre-commit-config.yaml", "data", "schemas", "scripts"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    (folder / ".venv").symlink_to(Path(sys.prefix))
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    subprocess.run(["git", "add", "."], cwd=folder, check=True)
    return folder


def _run_hooks(repository: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "HOME": str(home)}
    return subprocess.run(
        [str(PRE_COMMIT), "run", "--all-files"], cwd=repository, env=env, capture_output=True, text=True, timeout=300
    )


def test_hooks_pass_on_the_real_content_and_stop_a_broken_card(tmp_path: Path) -> None:
    repository = _repository(tmp_path / "privé")
    passed = _run_hooks(repository, tmp_path / "home")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "inhoud controleren" in passed.stdout and "Passed" in passed.stdout

    practices = repository / "data" / "practices.yaml"
    practices.write_text(
        practices.read_text(encoding="utf-8").replace("regions: [hart-van-brabant]", "regions: [hart-van-brabnt]", 1),
        encoding="utf-8",
    )
    subprocess.run(["git", "add", "data/practices.yaml"], cwd=repository, check=True)
    failed = _run_hooks(repository, tmp_path / "home")
    assert failed.returncode != 0
    assert "bedoelde je 'hart-van-brabant'?" in failed.stdout
    assert "Traceback" not in failed.stdout


def test_hooks_say_how_to_make_the_venv_when_it_is_missing(tmp_path: Path) -> None:
    repository = _repository(tmp_path / "zonder-venv")
    (repository / ".venv").unlink()
    result = _run_hooks(repository, tmp_path / "home")
    assert result.returncode != 0
    assert "make venv" in result.stdout
