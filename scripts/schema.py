"""Write the JSON Schemas of the content files (schemas/*.schema.json) from the models.

VS Code (with the YAML extension) reads them through the modeline at the top of every data
file and checks and completes while you type. The models stay the source of truth; a test
fails when the committed schemas no longer match them (run `make schema`).

Usage: python scripts/schema.py [--check]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from kennisbank.content.registry import CONTENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"


def schema_text(collection) -> str:
    schema = TypeAdapter(collection.model if collection.single else list[collection.model]).json_schema()  # type: ignore[name-defined]
    own = {key: value for key, value in schema.items() if key not in ("title", "description")}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"data/{collection.file}",
        "description": " ".join((collection.model.__doc__ or "").strip().split("\n\n")[0].split()),
        **own,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_path(collection) -> Path:
    return SCHEMAS / collection.file.replace(".yaml", ".schema.json")


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    SCHEMAS.mkdir(exist_ok=True)
    for collection in CONTENT_TYPES:
        path, text = schema_path(collection), schema_text(collection)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.relative_to(ROOT).as_posix())
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("Verouderde schema's (draai 'make schema'): " + ", ".join(stale), file=sys.stderr)
        return 1
    print("Schema's zijn actueel." if check else f"{len(CONTENT_TYPES)} schema's geschreven in schemas/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
