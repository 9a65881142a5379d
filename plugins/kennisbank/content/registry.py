"""Which content files exist, what model each holds, and which fields refer to which ids.

Adding a content type means adding a :class:`Collection` and its :class:`Reference` rules
here; loading, validation, duplicate and reference checks follow from these tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from . import models


@dataclass(frozen=True)
class Collection:
    """One YAML file of items of one model."""

    name: str
    file: str
    model: type[BaseModel]
    required: bool = False
    key: str = "id"  # the field that identifies an item and that references point at
    single: bool = False  # the file is one mapping (one item), not a list of items


@dataclass(frozen=True)
class Reference:
    """Field ``path`` in items of ``source`` holds keys of ``target`` (``*``: every list item)."""

    source: str
    path: tuple[str, ...]
    target: str
    noun: str


COLLECTIONS: tuple[Collection, ...] = (
    Collection("sources", "sources.yaml", models.Source),
    Collection("core_elements", "core_elements.yaml", models.CoreElement, required=True),
    Collection("regions", "regions.yaml", models.Region, required=True),
    Collection("principles", "principles.yaml", models.Principle),
    Collection("practices", "practices.yaml", models.Practice, required=True),
    Collection("instruments", "instruments.yaml", models.Instrument),
    Collection("kompas_phases", "kompas_phases.yaml", models.KompasPhase),
    Collection("kompas_steps", "kompas_steps.yaml", models.KompasStep, key="number"),
    Collection("kompas_tools", "kompas_tools.yaml", models.KompasTool),
    Collection("violence_profiles", "violence_profiles.yaml", models.ViolenceProfile),
    Collection("conversation_cards", "conversation_cards.yaml", models.ConversationCard),
    Collection("glossary", "glossary.yaml", models.GlossaryEntry, key="term"),
    Collection("programme", "programme.yaml", models.Programme, required=True, single=True),
    Collection("kompas_intro", "kompas.yaml", models.KompasIntro, single=True),
    Collection("background_topics", "kompas_background.yaml", models.BackgroundTopic),
    Collection("concepts", "concepts.yaml", models.Concept),
    Collection("lessons", "lessons.yaml", models.Lesson),
)

REFERENCES: tuple[Reference, ...] = (
    Reference("practices", ("core_element",), "core_elements", "kernelement"),
    Reference("practices", ("regions", "*"), "regions", "regio"),
    Reference("practices", ("principles", "*"), "principles", "basisprincipe"),
    Reference("practices", ("source",), "sources", "bron"),
    Reference("instruments", ("core_element",), "core_elements", "kernelement"),
    Reference("instruments", ("regions", "*"), "regions", "regio"),
    Reference("instruments", ("source",), "sources", "bron"),
    Reference("instruments", ("practice",), "practices", "praktijk"),
    Reference("kompas_phases", ("steps", "*"), "kompas_steps", "Kompas-stap"),
    Reference("kompas_steps", ("phase",), "kompas_phases", "fase"),
    Reference("kompas_steps", ("blocks", "*", "practice"), "practices", "praktijk"),
    Reference("kompas_steps", ("blocks", "*", "tool"), "kompas_tools", "Kompas-tool"),
    Reference("kompas_steps", ("editorial", "practices", "*"), "practices", "praktijk"),
    Reference("kompas_steps", ("editorial", "instruments", "*"), "instruments", "instrument"),
    Reference("kompas_steps", ("profiles", "*"), "violence_profiles", "geweldsprofiel"),
    Reference("kompas_tools", ("profiles", "*"), "violence_profiles", "geweldsprofiel"),
    Reference("kompas_tools", ("step",), "kompas_steps", "Kompas-stap"),
    Reference("violence_profiles", ("practices", "*"), "practices", "praktijk"),
    Reference("violence_profiles", ("instruments", "*"), "instruments", "instrument"),
    Reference("violence_profiles", ("editorial", "practices", "*"), "practices", "praktijk"),
    Reference("violence_profiles", ("editorial", "instruments", "*"), "instruments", "instrument"),
    Reference("violence_profiles", ("source",), "sources", "bron"),
    Reference("principles", ("source",), "sources", "bron"),
    Reference("conversation_cards", ("source",), "sources", "bron"),
    Reference("regions", ("source",), "sources", "bron"),
    Reference("kompas_intro", ("source",), "sources", "bron"),
    Reference("background_topics", ("source",), "sources", "bron"),
    Reference("concepts", ("source",), "sources", "bron"),
    Reference("lessons", ("regions", "*"), "regions", "regio"),
    Reference("lessons", ("core_element",), "core_elements", "kernelement"),
    Reference("lessons", ("source",), "sources", "bron"),
)

BY_NAME = {collection.name: collection for collection in COLLECTIONS}
