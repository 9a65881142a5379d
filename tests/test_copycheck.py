"""Facts carry over from the sources, sentences are our own: no text field of data/ may share a
run of 12 or more words with a source document, beyond the short allow-list of names and titles."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import copycheck

SEEDS = copycheck.DEFAULT_SEEDS


def test_no_text_in_data_copies_a_source_document() -> None:
    if not any(SEEDS.glob("*.txt")):
        message = f"de brondocumenten ontbreken in {SEEDS}: de kopieercontrole kan niets vergelijken"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    runs = copycheck.find_runs(ROOT / "data", SEEDS)
    assert not runs, "tekst overgenomen uit de bronnen (schrijf in eigen woorden):\n" + "\n".join(map(str, runs))


SOURCE = """Een eerste regel over iets anders.
Het regionale team bespreekt elke week samen met de ouders welke hulp het gezin
nodig heeft en wie daarvoor zorgt.
Gemeente Voorbeeldstad, Stichting Jeugdhulp Noord, Veilig Thuis Midden en de Raad voor de Kinderbescherming Oost werken samen.
"""


def _check(tmp_path: Path, text: str, allowed: list[str]) -> list[copycheck.Run]:
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir(parents=True)
    data.mkdir(parents=True)
    (seeds / "000_bron.txt").write_text(SOURCE, encoding="utf-8")
    (data / "practices.yaml").write_text(text, encoding="utf-8")
    return copycheck.find_runs(data, seeds, [copycheck.words(phrase) for phrase in allowed])


def test_a_copied_sentence_is_found_with_file_line_and_source(tmp_path: Path) -> None:
    text = textwrap.dedent("""\
        - id: voorbeeld
          title: Het regionale team bespreekt elke week samen met de ouders welke hulp het gezin nodig heeft
          summary: Eigen woorden.
          body: |
            Eerste regel in eigen woorden.
            Het regionale team bespreekt elke week samen met de ouders welke hulp het gezin nodig
            heeft, en dat werkt.
        """)
    runs = _check(tmp_path, text, [])
    assert [(run.file, run.line, run.field, run.source, run.source_line, run.length) for run in runs] == [
        ("data/practices.yaml", 6, "body", "000_bron.txt", 2, 17)
    ]  # the title is a name for the thing: titles may repeat their source


def test_reworded_text_passes_and_names_pass_by_the_allow_list(tmp_path: Path) -> None:
    reworded = "- id: x\n  summary: Elke week bespreekt het regionale team met de ouders welke hulp nodig is en wie die geeft.\n"
    assert _check(tmp_path, reworded, []) == []
    organisations = (
        "- id: y\n  body: Gemeente Voorbeeldstad, Stichting Jeugdhulp Noord, Veilig Thuis Midden en de Raad voor de "
        "Kinderbescherming Oost werken samen.\n"
    )
    assert len(_check(tmp_path / "a", organisations, [])) == 1
    allowed = [
        "Gemeente Voorbeeldstad, Stichting Jeugdhulp Noord, Veilig Thuis Midden en de Raad voor de Kinderbescherming Oost"
    ]
    assert _check(tmp_path / "b", organisations, allowed) == []


def test_the_allow_list_is_short_and_says_why() -> None:
    entries = yaml.safe_load(copycheck.ALLOW_LIST.read_text(encoding="utf-8")) or []
    assert len(entries) <= 15
    assert all(set(entry) == {"phrase", "why"} and entry["why"].strip() for entry in entries)


def test_without_the_sources_the_command_says_so(tmp_path: Path) -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "copycheck.py"), "--seeds", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "brondocumenten ontbreken" in result.stderr
