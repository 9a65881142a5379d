"""The scaffolder appends a valid, well-formatted practice and keeps the file as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from kennisbank.content import load_content

SCRIPT = ROOT / "scripts" / "nieuw.py"


def run(data: Path, *arguments: str, answers: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(data), *arguments],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_appends_a_valid_entry_keeping_comments_and_order(project: Path) -> None:
    data = project / "data"
    before = (data / "practices.yaml").read_text(encoding="utf-8")
    result = run(
        data,
        "--titel",
        "Gezinsadvocaat Hart van Brabant",
        "--kernelement",
        "passende-hulp",
        "--regio",
        "Hart van Brabant",
        "--regio",
        "groningen",
        "--samenvatting",
        "Kort: wat het is.",
        "--beschrijving",
        "Eerste alinea.\n\nTweede alinea.",
    )
    assert result.returncode == 0, result.stderr
    after = (data / "practices.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # nothing above changed: comments, order, formatting
    practices = load_content(data)["practices"]
    new = practices[-1]
    assert new.id == "gezinsadvocaat-hart-van-brabant-2"  # the title's slug was taken
    assert new.regions == ["hart-van-brabant", "groningen"] and new.core_element == "passende-hulp"
    assert "body: |\n" in after[len(before) :]
    assert "Toegevoegd: gezinsadvocaat-hart-van-brabant-2" in result.stdout


def test_asks_when_run_without_options(project: Path) -> None:
    data = project / "data"
    answers = "Nieuwe werkwijze\nhandelingskader\nzaanstreek waterlnd, 2\nzaanstreek-waterland\nSamenvatting.\nBeschrijving.\n"
    result = run(data, answers=answers)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "'zaanstreek waterlnd' ken ik niet; bedoelde je 'zaanstreek-waterland'?" in result.stdout
    new = load_content(data)["practices"][-1]
    assert new.id == "nieuwe-werkwijze" and new.regions == ["zaanstreek-waterland"]


def test_unknown_core_element_changes_nothing(project: Path) -> None:
    data = project / "data"
    before = (data / "practices.yaml").read_text(encoding="utf-8")
    result = run(
        data,
        "--titel",
        "X",
        "--kernelement",
        "lokale-team",
        "--regio",
        "groningen",
        "--samenvatting",
        "S.",
        "--beschrijving",
        "B.",
    )
    assert result.returncode == 1 and "bedoelde je 'lokale-teams'?" in result.stderr
    assert (data / "practices.yaml").read_text(encoding="utf-8") == before
