"""make opmaak: one style for data/*.yaml, written by a tool that changes only what the style
says, keeps every comment and block of text, and refuses when the data would change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import opmaak

MESSY = (
    "# yaml-language-server: $schema=../schemas/regions.schema.json\r\n"
    "# Kop van het bestand.\r\n"
    "- id: a   \r\n"
    "  name: A\r\n"
    "  kind: regio # waarom\r\n"
    "  description: |\r\n"
    "    ## Een kop in Markdown, geen opmerking\r\n"
    "\r\n"
    "\r\n"
    "    # ook geen opmerking   \r\n"
    "- id: b\r\n"
    "  name: 'B # met hekje'\r\n"
    "  kind: proeftuin\r\n"
    "\r\n"
    "\r\n"
    "\r\n"
    "# --- een sectie ---\r\n"
    "- id: c\r\n"
    "  name: C\r\n"
    "  kind: landelijk"
)
TIDY = (
    "# yaml-language-server: $schema=../schemas/regions.schema.json\n"
    "# Kop van het bestand.\n"
    "- id: a\n"
    "  name: A\n"
    "  kind: regio  # waarom\n"
    "  description: |\n"
    "    ## Een kop in Markdown, geen opmerking\n"
    "\n"
    "\n"
    "    # ook geen opmerking   \n"
    "\n"
    "- id: b\n"
    "  name: 'B # met hekje'\n"
    "  kind: proeftuin\n"
    "\n"
    "# --- een sectie ---\n"
    "- id: c\n"
    "  name: C\n"
    "  kind: landelijk\n"
)


def test_the_style_is_written_and_nothing_else_changes() -> None:
    assert opmaak.formatted(MESSY) == TIDY
    assert yaml.safe_load(MESSY) == yaml.safe_load(TIDY)  # the data, the block of text included
    assert (
        opmaak.comments(MESSY.replace("\r\n", "\n"))
        == opmaak.comments(TIDY)
        == [
            "# yaml-language-server: $schema=../schemas/regions.schema.json",
            "# Kop van het bestand.",
            "# waarom",
            "# --- een sectie ---",
        ]
    )


def test_formatting_twice_is_formatting_once() -> None:
    assert opmaak.formatted(TIDY) == TIDY
    for path in sorted((ROOT / "data").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert opmaak.formatted(opmaak.formatted(text)) == opmaak.formatted(text), path.name


def test_the_content_files_are_in_the_style() -> None:
    """What make lint checks: every file in data/ as make opmaak would write it."""
    for path in sorted((ROOT / "data").glob("*.yaml")):
        assert opmaak.formatted(path.read_text(encoding="utf-8")) == path.read_text(encoding="utf-8"), path.name


def test_check_names_the_file_and_make_opmaak_fixes_it(tmp_path: Path) -> None:
    path = tmp_path / "regions.yaml"
    path.write_bytes(MESSY.encode("utf-8"))
    script = [sys.executable, str(ROOT / "scripts" / "opmaak.py")]
    check = subprocess.run([*script, "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 1 and "regions.yaml:3" in check.stderr and "make opmaak" in check.stderr
    assert path.read_bytes() == MESSY.encode("utf-8")  # --check writes nothing
    fix = subprocess.run([*script, str(path)], capture_output=True, text=True, timeout=60)
    assert fix.returncode == 0 and path.read_bytes() == TIDY.encode("utf-8")


def test_a_change_of_the_data_is_refused_with_the_line(tmp_path: Path, monkeypatch, capsys) -> None:
    """The safety net: should a rule ever change a value or drop a comment, the file stays as it was."""
    path = tmp_path / "regions.yaml"
    path.write_text(TIDY, encoding="utf-8")
    monkeypatch.setattr(opmaak, "formatted", lambda text: text.replace("name: A", "name: AA"))
    monkeypatch.setattr(sys, "argv", ["opmaak.py", str(path)])
    assert opmaak.main() == 1
    assert path.read_text(encoding="utf-8") == TIDY
    assert "regions.yaml:4: opmaken zou hier de inhoud of een opmerking veranderen" in capsys.readouterr().err
    monkeypatch.setattr(opmaak, "formatted", lambda text: text.replace("  # waarom", ""))
    assert opmaak.main() == 1 and path.read_text(encoding="utf-8") == TIDY
