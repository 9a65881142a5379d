"""Editor support: committed JSON Schemas match the models, describe every field, are used."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import jsonschema
import yaml

from conftest import ROOT


def test_committed_schemas_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "schema.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def _properties(schema: Any, where: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(schema, dict):
        for name, prop in (schema.get("properties") or {}).items():
            yield f"{where}.{name}", prop
        for key, value in schema.items():
            if key != "properties":
                yield from _properties(value, f"{where}/{key}")
        for name, prop in (schema.get("properties") or {}).items():
            yield from _properties(prop, f"{where}.{name}")
    elif isinstance(schema, list):
        for item in schema:
            yield from _properties(item, where)


def test_every_field_has_a_dutch_description() -> None:
    missing = []
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        for where, prop in _properties(json.loads(path.read_text(encoding="utf-8"))):
            if "description" not in prop:
                missing.append(f"{path.name}{where}")
    assert not missing, missing


def test_every_data_file_names_its_schema_and_validates_against_it() -> None:
    for data_file in sorted((ROOT / "data").glob("*.yaml")):
        first_line = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schemas/{data_file.stem}.schema.json", data_file.name
        schema = json.loads((ROOT / "schemas" / f"{data_file.stem}.schema.json").read_text(encoding="utf-8"))
        data = json.loads(json.dumps(yaml.safe_load(data_file.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_schema_catches_what_editors_get_wrong() -> None:
    schema = json.loads((ROOT / "schemas" / "practices.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = {
        "id": "x",
        "title": "X",
        "core_element": "lokale-teams",
        "regions": ["landelijk"],
        "summary": "S.",
        "body": "B.",
    }
    assert not list(validator.iter_errors([good]))
    for broken in (
        {**good, "id": "Niet Goed"},
        {**good, "emial": "x"},
        {**good, "links": [{"title": "t", "url": "www.x.nl"}]},
    ):
        assert list(validator.iter_errors([broken])), broken
