"""The scaffolder appends a valid entry of every type editors add, in the file's own style, and
keeps the file as it was: the diff is the new lines only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
    answers = "1\nNieuwe werkwijze\nhandelingskader\nzaanstreek waterlnd, 2\nzaanstreek-waterland\nSamenvatting.\nBeschrijving.\n"
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


# Per type: the options, and what the new entry must then hold.
EVERY_TYPE = {
    "praktijk": (
        ["--titel", "Samen sterk", "--kernelement", "lokale-teams", "--regio", "groningen", "--samenvatting",
         "Kort.", "--beschrijving", "Lang."],
        "practices.yaml", "practices", {"id": "samen-sterk", "core_element": "lokale-teams", "regions": ["groningen"]},
    ),
    "instrument": (
        ["--titel", "Werkkaart: samen beslissen", "--soort", "handreikng", "--kernelement", "Passende hulp",
         "--regio", "1", "--samenvatting", "Een werkkaart om samen met het gezin te beslissen wat er nodig is, "
         "met vragen voor elk gesprek en een overzicht van de afspraken die je maakt.", "--beschrijving", "A.\\n\\nB."],
        "instruments.yaml", "instruments", {"id": "werkkaart-samen-beslissen", "kind": "handreiking", "core_element": "passende-hulp", "body": "A.\n\nB."},
    ),
    "gesprekskaart": (
        ["--titel", "Ruimte maken", "--thema", "Ruimte maken voor het gezin.", "--beschrijving", "Tekst."],
        "conversation_cards.yaml", "conversation_cards", {"id": "ruimte-maken", "theme": "Ruimte maken voor het gezin."},
    ),
    "les": (
        ["--titel", "Begin klein", "--regio", "nijmegen, Haaglanden", "--kernelement", "regionale-veiligheidsteams",
         "--beschrijving", "Tekst."],
        "lessons.yaml", "lessons", {"id": "begin-klein", "regions": ["nijmegen", "haaglanden"]},
    ),
    "achtergrond": (
        ["--titel", "Netwerkzorg", "--termen", "netwerkzorg, zorgnetwerk", "--samenvatting", "Kort.", "--beschrijving", "Lang."],
        "kompas_background.yaml", "background_topics", {"id": "netwerkzorg", "terms": ["netwerkzorg", "zorgnetwerk"]},
    ),
    "regio": (
        ["--naam", "Teststreek", "--soort", "regio", "--omschrijving", "Een regio."],
        "regions.yaml", "regions", {"id": "teststreek", "name": "Teststreek", "kind": "regio"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", EVERY_TYPE)
def test_every_type_gets_a_valid_entry_and_only_new_lines(project: Path, kind: str) -> None:
    data = project / "data"
    options, file, content_type, expected = EVERY_TYPE[kind]
    before = (data / file).read_text(encoding="utf-8")
    result = run(data, "--type", kind, *options)
    if kind == "instrument":  # a typo in a choice: the answer is refused with a suggestion, nothing written
        assert (
            result.returncode == 1 and "--soort: 'handreikng' ken ik niet; bedoelde je 'handreiking'?" in result.stderr
        )
        assert (data / file).read_text(encoding="utf-8") == before
        options = [option.replace("handreikng", "handreiking") for option in options]
        result = run(data, "--type", kind, *options)
    assert result.returncode == 0, result.stderr
    after = (data / file).read_text(encoding="utf-8")
    assert after.startswith(before), "nothing above the new entry changed: comments, schema line, order"
    assert after.splitlines()[0] == before.splitlines()[0]  # the schema line
    new_lines = after[len(before) :].strip("\n").splitlines()
    assert new_lines[0] == f"- id: {expected['id']}" and all(
        line == "" or line.startswith("  ") for line in new_lines[1:]
    )
    if "\n\n- " in before:
        assert after[len(before.rstrip(chr(10))) :].startswith("\n\n- id:"), (
            "a blank line between entries, as in the file"
        )
    sys.path.insert(0, str(ROOT / "scripts"))
    import opmaak

    assert opmaak.formatted(after) == after, "the new entry is in the style make opmaak keeps"
    item = load_content(data)[content_type][-1]
    for field, value in expected.items():
        assert getattr(item, field) == value, field
    assert f"Toegevoegd: {expected['id']} in data/{file}" in result.stdout
    assert "Inhoud in orde:" in result.stdout  # make check's verdict at the end


def test_the_type_is_asked_first_and_a_missing_answer_without_a_terminal_changes_nothing(project: Path) -> None:
    data = project / "data"
    before = {path.name: path.read_text(encoding="utf-8") for path in data.glob("*.yaml")}
    result = run(data, answers="regoi\nregio\nNieuwe streek\nproeftuin\n")
    assert "'regoi' ken ik niet; bedoelde je 'regio'?" in result.stdout
    assert result.returncode == 1 and "--omschrijving ontbreekt" in result.stderr
    assert {path.name: path.read_text(encoding="utf-8") for path in data.glob("*.yaml")} == before
