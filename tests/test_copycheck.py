"""Facts carry over from the sources, sentences are our own: no text field of data/ may share a
run of 12 or more words with a source document, beyond the short allow-list of names and titles."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import copycheck

SEEDS = copycheck.DEFAULT_SEEDS


def test_no_text_in_data_copies_a_source_document() -> None:
    """Against the source documents where they are beside the checkout, and against their
    fingerprint (hashes of every run of words, no text) in every other clone."""
    if any(SEEDS.glob("*.txt")):
        index = copycheck.SourceIndex.from_seeds(SEEDS)
        assert index.starts == copycheck.SourceIndex.from_fingerprint().starts, (
            "scripts/copycheck_sources.gz is achter op de bronnen: python scripts/copycheck.py --write-fingerprint"
        )
    else:
        index = copycheck.SourceIndex.from_fingerprint()
    assert len(index.starts) > 10_000
    runs = copycheck.find_runs(ROOT / "data", index)
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


def test_without_the_sources_the_command_checks_their_fingerprint(tmp_path: Path) -> None:
    import subprocess

    command = [sys.executable, str(ROOT / "scripts" / "copycheck.py"), "--seeds", str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "vingerafdruk" in result.stderr and "0 stukken tekst" in result.stderr
    refused = subprocess.run([*command, "--write-fingerprint"], capture_output=True, text=True)
    assert refused.returncode == 2 and "brondocumenten ontbreken" in refused.stderr
