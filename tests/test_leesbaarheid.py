"""The plain-language report (make leesbaarheid) on fixed Dutch sentences: offline, expected flags."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import leesbaarheid

LONG_SENTENCE = (
    "Het regionale veiligheidsteam bespreekt samen met de ouders, de kinderen, de school, de huisarts en "
    "het lokale team elke twee weken welke hulp het gezin op dit moment nodig heeft en wie die hulp geeft."
)


def test_a_sentence_over_25_words_is_flagged_and_a_short_one_is_not() -> None:
    from kennisbank.readability import sentences, words

    text = f"Het team helpt het gezin.\n\n{LONG_SENTENCE}"
    flagged = [sentence for sentence in sentences(text) if len(words(sentence)) > leesbaarheid.LONG]
    assert flagged == [LONG_SENTENCE]


def test_rare_words_leave_out_names_and_explained_terms() -> None:
    text = (
        "De Gezinsadvocaat werkt in Zaanstreek-Waterland met een ontvlechtingsregisseur en het RVT. Het huis is groot."
    )
    rare = leesbaarheid.rare_words(text, known={"zaanstreek-waterland", "rvt"})
    assert "ontvlechtingsregisseur" in rare
    assert "huis" not in rare and "groot" not in rare  # everyday words
    assert "zaanstreek-waterland" not in rare and "rvt" not in rare  # names and glossary terms
    assert "gezinsadvocaat" not in rare  # a capitalised word inside a sentence is a name here


def test_flesch_douma_rates_plain_text_above_hard_text() -> None:
    plain = "Het kind speelt buiten. De moeder kookt. Ze eten samen."
    hard = (
        "Domeinoverstijgende samenwerkingsverbanden vereisen institutionele verankering van "
        "multidisciplinaire verantwoordelijkheidsverdeling binnen jeugdbeschermingsketens."
    )
    assert leesbaarheid.flesch_douma(plain) > 80 > leesbaarheid.flesch_douma(hard)
    assert leesbaarheid.flesch_douma("") is None


def test_the_report_names_file_line_and_the_long_sentence(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("core_elements.yaml", "regions.yaml", "sources.yaml", "programme.yaml", "glossary.yaml"):
        (data / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (data / "practices.yaml").write_text(
        "- id: lang\n  title: Lange zinnen\n  core_element: lokale-teams\n  regions: [groningen]\n"
        "  summary: Korte samenvatting.\n  body: |\n    Een korte zin.\n    " + LONG_SENTENCE + "\n",
        encoding="utf-8",
    )
    report = tmp_path / "leesbaarheid.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "leesbaarheid.py"), "--data", str(data), "--report", str(report)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    text = report.read_text(encoding="utf-8")
    from kennisbank.readability import words

    # line 7 holds "Een korte zin.", the long sentence starts on line 8
    assert f"`data/practices.yaml:8` (Lange zinnen, {len(words(LONG_SENTENCE))} woorden): {LONG_SENTENCE}" in text
    assert "Flesch-Douma" in text and "niet als oordeel" in text  # the limits are stated
