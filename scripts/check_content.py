"""Validate data/ without building the site: the same checks and messages as the build.

Usage: python scripts/check_content.py [data-dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

from kennisbank.catalogue import build_catalogue
from kennisbank.content import ContentErrors, load_content


def main() -> int:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data")
    try:
        catalogue = build_catalogue(load_content(data_dir, display_prefix=str(data_dir).rstrip("/")))
    except ContentErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    counts = {
        "praktijken": catalogue.practices,
        "kernelementen": catalogue.core_elements,
        "regio's": catalogue.regions,
        "Kompas-stappen": catalogue.kompas_steps,
        "Kompas-tools": catalogue.kompas_tools,
        "instrumenten": catalogue.instruments,
        "geweldsprofielen": catalogue.violence_profiles,
        "gesprekskaarten": catalogue.conversation_cards,
        "basisprincipes": catalogue.principles,
        "afkortingen": catalogue.glossary,
        "achtergrondonderwerpen": catalogue.background_topics,
        "begrippen": catalogue.concepts,
        "lessen": catalogue.lessons,
    }
    print("Inhoud in orde: " + ", ".join(f"{len(items)} {name}" for name, items in counts.items()) + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
