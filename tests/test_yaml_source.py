"""Load stage: YAML into data with line numbers; problems become located Dutch errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kennisbank.content.yaml_source import MAX_ALIAS_EXPANSION, load_yaml


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "practices.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return load_yaml(path, "data/practices.yaml")


def test_keeps_the_line_of_every_key_and_item(tmp_path: Path) -> None:
    document, errors = load(tmp_path, "# comment\n- id: a\n  title: A\n- id: b\n  contacts:\n    - email: x@y.nl\n")
    assert errors == []
    assert document.data[1]["contacts"][0]["email"] == "x@y.nl"
    assert document.line_of((0,)) == 2
    assert document.line_of((1, "id")) == 4
    assert document.line_of((1, "contacts", 0, "email")) == 6
    # a key that is not there points at its nearest ancestor: the item
    assert document.line_of((1, "title")) == 4


def test_duplicate_key_in_one_mapping_is_an_error_with_both_lines(tmp_path: Path) -> None:
    _document, errors = load(tmp_path, "- id: a\n  title: A\n  summary: x\n  title: B\n")
    assert [str(error) for error in errors] == [
        "data/practices.yaml:4: title: dit veld staat twee keer in hetzelfde item (eerst op regel 2); houd er één over"
    ]


def test_same_key_in_different_items_is_fine(tmp_path: Path) -> None:
    _, errors = load(tmp_path, "- id: a\n- id: b\n")
    assert errors == []


def test_syntax_error_names_line_in_dutch(tmp_path: Path) -> None:
    document, errors = load(tmp_path, "- id: a\n  title: Een titel: met dubbele punt\n")
    assert document is None
    assert len(errors) == 1
    assert errors[0].line == 2
    assert "zet tekst met een dubbele punt tussen aanhalingstekens" in errors[0].message


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    _, errors = load(tmp_path, "- id: a\n\ttitle: A\n")
    assert errors[0].line == 2
    assert "hier staat een tab; spring in met spaties" in errors[0].message


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    _, errors = load(tmp_path, "- id: a\n- title: caf\xe9\n".encode("latin-1"))
    assert errors[0].line == 2
    assert "UTF-8" in errors[0].message


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    document, errors = load(tmp_path, "\ufeff- id: a\n".encode("utf-8"))
    assert errors == [] and document.data == [{"id": "a"}]


def test_alias_bomb_is_stopped(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    document, errors = load(tmp_path, "\n".join(lines) + "\n")
    assert document is None
    assert f"meer dan {MAX_ALIAS_EXPANSION} waarden" in errors[0].message


def test_a_large_file_without_aliases_is_fine(tmp_path: Path) -> None:
    items = "".join(
        f"- id: item-{number}\n  regions: [a, b, c]\n  contacts:\n    - name: X\n      email: x@y.nl\n"
        for number in range(10_000)
    )
    document, errors = load(tmp_path, items)
    assert errors == [] and len(document.data) == 10_000


def test_python_tags_are_refused(tmp_path: Path) -> None:
    document, errors = load(tmp_path, "- id: !!python/object/apply:os.system ['true']\n")
    assert document is None
    assert errors[0].line == 1


def test_plain_files_are_read_from_events_with_the_same_data_and_lines() -> None:
    """Content files take the fast reading (_read_plain); it gives what the full one gives."""
    import yaml

    from conftest import ROOT
    from kennisbank.content import yaml_source

    files = sorted((ROOT / "data").glob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        plain = yaml_source._read_plain(yaml.CSafeLoader, text, path.name)
        full, errors = yaml_source._parse(yaml.CSafeLoader, text, path.name)
        assert plain is not None, f"{path.name} is plain YAML and should take the fast reading"
        assert full is not None and not errors
        assert plain.data == full.data and plain.lines == full.lines, path.name


def test_what_is_not_plain_goes_to_the_full_reading(tmp_path: Path) -> None:
    """Anchors and merge keys, a key twice, a second document: the full reading, with its errors."""
    import yaml

    from kennisbank.content import yaml_source

    for text in (
        "- &a {x: 1}\n- *a\n",
        "- base: &b {x: 1}\n  <<: *b\n",
        "- email: a\n  email: b\n",
        "- a\n---\n- b\n",
        "- !!str 1\n",
        "- ? [a]\n  : b\n",
        "- 1: x\n",
    ):
        assert yaml_source._read_plain(yaml.CSafeLoader, text, "t.yaml") is None, text
    _, errors = load(tmp_path, "- email: a\n  email: b\n")
    assert errors and "twee keer" in errors[0].message


BROKEN = {
    "a bare '='": ("- id: a\n  title: =\n", 2, "een waarde die alleen uit '=' bestaat"),
    "an unclosed [ ]": ("- id: a\n  regions: [a, b\n", 3, "een lijst tussen [ en ] is niet goed gesloten"),
    "an unclosed { }": ("- id: a\n  c: {a: b\n", 3, "een groep tussen { en } is niet goed gesloten"),
    "a value starting with '%'": ("- id: a\n  title: %x\n", 2, "een waarde mag niet met '%' beginnen"),
    "a value starting with ']'": ("- id: a\n  title: ]\n", 2, "een waarde begint met ']'"),
    "an alias to no anchor": ("- id: a\n  title: *nadruk\n", 2, "leest YAML als verwijzing naar een anker"),
    "a '*' that is no alias": ("- id: a\n  title: *nadruk*\n", 2, "leest YAML als anker of verwijzing"),
    "text after a quote": ('- id: a\n  title: "a" b\n', 2, "na de waarde staat nog tekst"),
    "a list item on the wrong indentation": ("- id: a\n  regions:\n  - a\n - b\n", 4, "dit lijstitem ('- ')"),
    "a second document": ("- id: a\n---\n- id: b\n", 2, "haal '---' weg"),
    "a list on the line of its key": ("- id: a\n  regions: - a\n", 2, "hier mag geen lijstitem ('- ') staan"),
    "text after '|'": ("- id: a\n  body: |x\n", 2, "na '|' of '>' hoort de tekst op de regels eronder"),
    "a tag": ("- id: a\n  title: !foo x\n", 2, "YAML-tag '!foo' is in de inhoud niet toegestaan"),
    "a tag on a mapping": ("!!set {a, b}\n", 1, "YAML-tag '!!set' is in de inhoud niet toegestaan"),
    "a control character": ("- id: a\n  title: a\x07b\n", 1, "onzichtbaar stuurteken (U+0007)"),
}


@pytest.mark.parametrize("text, line, message", BROKEN.values(), ids=BROKEN.keys())
def test_common_yaml_mistakes_are_explained_in_dutch(tmp_path: Path, text: str, line: int, message: str) -> None:
    document, errors = load(tmp_path, text)
    assert document is None and len(errors) == 1
    assert errors[0].line == line
    assert errors[0].message.startswith("YAML-fout: ") and message in errors[0].message
    assert ";" in errors[0].message  # and what to do about it


def test_a_yaml_problem_without_dutch_words_is_still_dutch_with_the_english_as_detail(tmp_path: Path) -> None:
    _, errors = load(tmp_path, "%YAML 1.1\n%YAML 1.1\n---\n- a\n")
    assert errors[0].message == (
        "YAML-fout: YAML kan deze regel niet lezen; kijk na of inspringen, aanhalingstekens en haakjes kloppen "
        "(found duplicate YAML directive)"
    )
