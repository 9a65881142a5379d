"""Validation of the other content types: bad references name file:line, like practices."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from kennisbank.content import ContentErrors, load_content


def broken(tmp_path: Path, file: str, old: str, new: str) -> tuple[list[str], int]:
    """The real data with one replacement in ``file``; the errors and the line of the change."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    position = text.index(old)
    path.write_text(text[:position] + new + text[position + len(old) :], encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content(data)
    return [str(error) for error in caught.value.errors], text[:position].count("\n") + 1


def test_kompas_block_with_unknown_practice(tmp_path: Path) -> None:
    errors, line = broken(
        tmp_path,
        "kompas_steps.yaml",
        "practice: routekaart-naar-veiligheid-haaglanden",
        "practice: routekaart-naar-veiligheid",
    )
    assert errors == [
        f"data/kompas_steps.yaml:{line}: blocks[4].practice: onbekende praktijk 'routekaart-naar-veiligheid'; "
        "bedoelde je 'routekaart-naar-veiligheid-haaglanden'? (zie data/practices.yaml)"
    ]


def test_kompas_block_with_unknown_tool(tmp_path: Path) -> None:
    errors, line = broken(tmp_path, "kompas_steps.yaml", "tool: netwerk-in-kaart", "tool: netwerkkaart")
    assert len(errors) == 1 and errors[0].startswith(
        f"data/kompas_steps.yaml:{line}: blocks[1].tool: onbekend Kompas-werkblad 'netwerkkaart'"
    )


def test_kompas_block_missing_what_its_type_needs(tmp_path: Path) -> None:
    errors, line = broken(tmp_path, "kompas_steps.yaml", "      tool: netwerk-in-kaart\n", "")
    assert errors == [
        f"data/kompas_steps.yaml:{line - 2}: blocks[1]: een blok van type tool heeft 'tool' nodig; voeg dat veld toe"
    ]


def test_step_in_the_wrong_phase(tmp_path: Path) -> None:
    errors, line = broken(tmp_path, "kompas_steps.yaml", "phase: voorbereiding", "phase: analyse")
    assert errors == [
        f"data/kompas_steps.yaml:{line}: phase: fase 'analyse' noemt stap 1 niet in haar lijst 'steps'; zet 1 in die "
        "lijst (data/kompas_phases.yaml), of kies hier de fase die stap 1 wel noemt"
    ]


def test_tool_table_row_that_does_not_fit_its_columns(tmp_path: Path) -> None:
    data_file = (ROOT / "data" / "kompas_tools.yaml").read_text(encoding="utf-8")
    first_row = next(
        line for line in data_file.splitlines() if line.strip().startswith("- [") and line.strip().endswith("]")
    )
    errors, _ = broken(tmp_path, "kompas_tools.yaml", first_row, first_row[:-1] + ", extra]")
    assert len(errors) == 1 and "cellen, maar de tabel heeft" in errors[0]
    assert "geef elke rij evenveel cellen als er kolommen zijn" in errors[0]


def test_unknown_kompas_tool_kind(tmp_path: Path) -> None:
    errors, line = broken(tmp_path, "kompas_tools.yaml", "kind: checklist", "kind: lijstje")
    assert errors == [
        f"data/kompas_tools.yaml:{line}: kind: 'lijstje' is geen toegestane waarde; kies uit 'werkvorm', 'checklist', "
        "'format', 'draaiboek', 'interviewleidraad', 'indicatoren' of 'formulier'"
    ]


def test_profile_with_unknown_practice(tmp_path: Path) -> None:
    errors, line = broken(tmp_path, "violence_profiles.yaml", "gezinsadvocaat-hart-van-brabant", "gezinsadvocaat")
    assert len(errors) == 1
    assert errors[0].startswith(f"data/violence_profiles.yaml:{line}: editorial.practices[")
    assert "onbekende praktijk 'gezinsadvocaat'; bedoelde je 'gezinsadvocaat-hart-van-brabant'?" in errors[0]


def test_instrument_with_unknown_core_element(tmp_path: Path) -> None:
    errors, line = broken(tmp_path, "instruments.yaml", "core_element: lokale-teams", "core_element: lokale-team")
    assert errors == [
        f"data/instruments.yaml:{line}: core_element: onbekend kernelement 'lokale-team'; bedoelde je 'lokale-teams'? (zie data/core_elements.yaml)"
    ]


def test_practice_naming_an_unknown_principle(tmp_path: Path) -> None:
    errors, line = broken(
        tmp_path,
        "practices.yaml",
        "  core_element: lokale-teams\n",
        "  core_element: lokale-teams\n  principles: [lerendd]\n",
    )
    assert len(errors) == 1 and errors[0].startswith(
        f"data/practices.yaml:{line + 1}: principles[0]: onbekend basisprincipe 'lerendd'"
    )


def test_duplicate_glossary_term(tmp_path: Path) -> None:
    data_file = (ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8")
    first_term = next(line for line in data_file.splitlines() if line.startswith("- term: "))
    errors, _ = broken(tmp_path, "glossary.yaml", first_term, first_term + "\n  meaning: x\n" + first_term)
    assert len(errors) == 1 and "bestaat al (regel" in errors[0]


def test_syntax_error_in_one_file_is_one_error(tmp_path: Path) -> None:
    # References into a file that cannot be read are not reported as unknown ids.
    errors, _line = broken(
        tmp_path, "kompas_steps.yaml", "      tool: netwerk-in-kaart\n", "    tool: netwerk-in-kaart\n"
    )
    assert len(errors) == 1 and errors[0].startswith("data/kompas_steps.yaml:") and "YAML-fout" in errors[0]


def test_a_single_reference_to_a_withdrawn_card_is_an_error(tmp_path: Path) -> None:
    """An instrument whose description lives at a practice cannot lean on a withdrawn practice."""
    import yaml as _yaml

    instruments = _yaml.safe_load((ROOT / "data" / "instruments.yaml").read_text(encoding="utf-8"))
    home = next(i for i in instruments if i.get("practice"))
    errors, _ = broken(
        tmp_path,
        "practices.yaml",
        f"- id: {home['practice']}\n",
        f"- id: {home['practice']}\n  withdrawn:\n    date: 2026-01-01\n    reason: Niet meer in gebruik.\n",
    )
    assert len(errors) == 1
    assert errors[0].startswith("data/instruments.yaml:") and ": practice: praktijk '" in errors[0]
    assert (
        "is ingetrokken (zie data/practices.yaml); verwijs naar een andere praktijk of haal de verwijzing weg"
        in errors[0]
    )
