"""Validate the loaded YAML documents into models and check references between them.

All problems of all files are collected, each with its file, line and field, and raised
together as :class:`ContentErrors` so one ``make check`` shows everything to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import ContentError, ContentErrors
from .fields import slugify
from .messages import describe, did_you_mean
from .models import CoreElement, Practice, Region, Source
from .yaml_source import SourceDocument, field_name, load_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)

#: Content files, in the order they are validated; the key names the collection.
CONTENT_FILES: dict[str, tuple[str, type[BaseModel], bool]] = {
    # name: (file name, model, required)
    "sources": ("sources.yaml", Source, False),
    "core_elements": ("core_elements.yaml", CoreElement, True),
    "regions": ("regions.yaml", Region, True),
    "practices": ("practices.yaml", Practice, True),
}


@dataclass
class Content:
    """Every validated item, by collection, plus the source documents for line look-ups."""

    sources: list[Source] = field(default_factory=list)
    core_elements: list[CoreElement] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    documents: dict[str, SourceDocument] = field(default_factory=dict)


def load_content(data_dir: Path, display_prefix: str = "data") -> Content:
    """Load and validate every content file under ``data_dir``; raise ContentErrors on any problem."""
    content = Content()
    errors: list[ContentError] = []
    for name, (file_name, model, required) in CONTENT_FILES.items():
        path = data_dir / file_name
        display = f"{display_prefix}/{file_name}"
        if not path.exists():
            if required:
                errors.append(ContentError(display, 1, "", "bestand ontbreekt"))
            continue
        document, load_errors = load_yaml(path, display)
        errors += load_errors
        if document is None:
            continue
        content.documents[name] = document
        items, item_errors = validate_items(document, model)
        errors += item_errors
        setattr(content, name, items)
    errors += check_references(content)
    if errors:
        raise ContentErrors(errors)
    return content


def validate_items(document: SourceDocument, model: type[ModelT]) -> tuple[list[ModelT], list[ContentError]]:
    """Validate a document's list of items; keep the valid ones and report the rest."""
    data = document.data
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [ContentError(document.file, 1, "", "het bestand moet een lijst van items zijn (elk item begint met '- id: ...')")]
    adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
    try:
        return adapter.validate_python(data), []
    except ValidationError as exc:
        errors = [_to_content_error(document, model, error) for error in exc.errors()]
        failed = {error["loc"][0] for error in exc.errors() if error["loc"]}
        valid = [model.model_validate(item) for index, item in enumerate(data) if index not in failed]
        return valid, errors


def _to_content_error(document: SourceDocument, model: type[BaseModel], error: dict[str, Any]) -> ContentError:
    location = tuple(error["loc"])
    return ContentError(
        document.file,
        document.line_of(location),
        field_name(location),
        describe(error, _allowed_fields(model, location[1:])),
    )


def _allowed_fields(model: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """Field names of the (sub)model that holds the last key of ``path``."""
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field_info = current.model_fields.get(part) if isinstance(current, type) else None
        if field_info is None:
            return []
        current = _model_in(field_info.annotation)
        if current is None:
            return []
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside ``list[X]``, ``X | None`` or ``X``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def check_references(content: Content) -> list[ContentError]:
    """Duplicate ids within a collection and ids that point at nothing.

    Works on the raw documents, not the models, so that references are checked even in
    items that have other errors: the editor sees every problem in one run.
    """
    errors: list[ContentError] = []
    for document in content.documents.values():
        errors += _duplicate_ids(document)
    practices = content.documents.get("practices")
    if practices is None:
        return errors
    known = {name: _raw_ids(content.documents[name]) for name in ("core_elements", "regions", "sources") if name in content.documents}
    for index, item in enumerate(_raw_items(practices)):
        if "core_elements" in known:
            errors += _reference(practices, (index, "core_element"), item.get("core_element"), known["core_elements"], "kernelement", "data/core_elements.yaml")
        regions = item.get("regions")
        if isinstance(regions, list):
            if "regions" in known:
                for position, region in enumerate(regions):
                    errors += _reference(practices, (index, "regions", position), region, known["regions"], "regio", "data/regions.yaml")
            errors += _repeated(practices, (index, "regions"), regions, "regio")
        if item.get("source") is not None:
            errors += _reference(practices, (index, "source"), item.get("source"), known.get("sources", []), "bron", "data/sources.yaml")
    return errors


def _raw_items(document: SourceDocument) -> list[dict[str, Any]]:
    data = document.data if isinstance(document.data, list) else []
    return [item if isinstance(item, dict) else {} for item in data]


def _raw_ids(document: SourceDocument) -> list[str]:
    return [item["id"] for item in _raw_items(document) if isinstance(item.get("id"), str)]


def _duplicate_ids(document: SourceDocument) -> list[ContentError]:
    seen: dict[str, int] = {}
    errors = []
    for index, item in enumerate(_raw_items(document)):
        identifier = item.get("id")
        if not isinstance(identifier, str):
            continue
        line = document.line_of((index, "id"))
        if identifier in seen:
            errors.append(
                ContentError(document.file, line, "id", f"id '{identifier}' bestaat al (regel {seen[identifier]}); kies een unieke id")
            )
        else:
            seen[identifier] = line
    return errors


def _reference(
    document: SourceDocument, path: tuple[Any, ...], value: Any, known: list[str], noun: str, where: str
) -> list[ContentError]:
    if not isinstance(value, str) or not value.strip() or value in known:
        return []
    hint = did_you_mean(value, known)
    if not hint and slugify(value) in known:
        hint = f"; bedoelde je '{slugify(value)}'?"
    return [
        ContentError(document.file, document.line_of(path), field_name(path), f"onbekende {noun} '{value}'{hint} (zie {where})")
    ]


def _repeated(document: SourceDocument, path: tuple[Any, ...], values: list[Any], noun: str) -> list[ContentError]:
    errors = []
    for position, value in enumerate(values):
        if value in values[:position]:
            errors.append(
                ContentError(document.file, document.line_of(path + (position,)), field_name(path + (position,)), f"{noun} '{value}' staat dubbel in de lijst")
            )
    return errors
