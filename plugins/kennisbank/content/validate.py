"""Validate the loaded YAML documents into models and check references between them.

All problems of all files are collected, each with its file, line and field, and raised
together as :class:`ContentErrors` so one ``make check`` shows everything to fix.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..exports.synonyms import search_key
from .errors import ContentError, ContentErrors
from .fields import slugify
from .messages import describe, did_you_mean
from .registry import BY_NAME, CONTENT_TYPES, REFERENCES, ContentType, Noun
from .yaml_source import Path_, SourceDocument, field_name, load_yaml


@dataclass
class Content:
    """Every validated item by collection name, plus the documents for line look-ups."""

    items: dict[str, list[BaseModel]] = field(default_factory=dict)
    documents: dict[str, SourceDocument] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)  # files present but not parseable

    def __getitem__(self, name: str) -> list[BaseModel]:
        return self.items.get(name, [])


def load_content(data_dir: Path, display_prefix: str = "data") -> Content:
    """Load and validate every content file under ``data_dir``; raise ContentErrors on any problem."""
    content = Content()
    errors: list[ContentError] = []
    for collection in CONTENT_TYPES:
        path = data_dir / collection.file
        display = f"{display_prefix}/{collection.file}"
        if not path.exists():
            if collection.required:
                errors.append(ContentError(display, 1, "", "dit bestand is verplicht, maar ontbreekt; zet het terug"))
            continue
        document, load_errors = load_yaml(path, display)
        errors += load_errors
        if document is None:
            content.unreadable.add(collection.name)
            continue
        if collection.single:
            single_errors = _as_one_item(document)
            if single_errors:
                errors += single_errors
                content.unreadable.add(collection.name)
                continue
        content.documents[collection.name] = document
        items, item_errors = validate_items(document, collection.model)
        errors += item_errors
        content.items[collection.name] = items
    errors += check_references(content)
    errors += check_kompas_phases(content)
    errors += check_previous_ids(content)
    errors += check_withdrawn_references(content)
    errors += check_synonyms(content)
    if errors:
        raise ContentErrors(errors)
    return content


def _as_one_item(document: SourceDocument) -> list[ContentError]:
    """A file that holds one item (a mapping) as a list of that one item, so every check that
    works on lists of items works on it; its lines are found with or without the item index."""
    if not isinstance(document.data, dict):
        return [
            ContentError(
                document.file,
                1,
                "",
                "dit bestand moet één item met velden zijn, geen lijst of losse tekst; begin elke regel "
                "met 'veld: waarde', zonder '- ' ervoor",
            )
        ]
    document.data = [document.data]
    document.lines.update({(0, *path): line for path, line in list(document.lines.items())})
    return []


def validate_items(document: SourceDocument, model: type[BaseModel]) -> tuple[list[BaseModel], list[ContentError]]:
    """Validate a document's list of items; keep the valid ones and report the rest."""
    data = document.data
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [
            ContentError(
                document.file,
                1,
                "",
                "dit bestand moet een lijst van items zijn; begin elk item met '- ' vooraan de regel",
            )
        ]
    try:
        return TypeAdapter(list[model]).validate_python(data), []  # type: ignore[valid-type]
    except ValidationError as exc:
        errors = [_to_content_error(document, model, dict(error)) for error in exc.errors()]
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
        field_info = (
            current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        )
        if field_info is None:
            return []
        current = _model_in(field_info.annotation)
        if current is None:
            return []
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The BaseModel inside ``list[X]``, ``X | None``, ``Annotated[X, ...]`` or ``X``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


# --- checks across items and files -----------------------------------------------------------
# They work on the raw documents, not the models, so references are checked even in items
# with other errors: the editor sees every problem in one run.


def raw_items(document: SourceDocument | None) -> list[dict[str, Any]]:
    """The items of a document as mappings (anything else as an empty mapping)."""
    data = document.data if document is not None and isinstance(document.data, list) else []
    return [item if isinstance(item, dict) else {} for item in data]


def _keys(content: Content, collection: ContentType) -> list[Any]:
    return [
        item[collection.key] for item in raw_items(content.documents.get(collection.name)) if collection.key in item
    ]


def _matches(value: Any, path: tuple[str, ...], at: Path_) -> Iterator[tuple[Path_, Any]]:
    """Every value at ``path`` below ``value`` (``*`` walks a list), with its full location."""
    if not path:
        yield at, value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _matches(item, rest, (*at, index))
    elif isinstance(value, dict) and value.get(head) is not None:
        yield from _matches(value[head], rest, (*at, head))


def check_references(content: Content) -> list[ContentError]:
    """Duplicate keys within a collection, and references to keys that do not exist."""
    errors: list[ContentError] = []
    for collection in CONTENT_TYPES:
        document = content.documents.get(collection.name)
        if document is not None:
            errors += _duplicates(document, collection.key)
    for reference in REFERENCES:
        document = content.documents.get(reference.source)
        target = BY_NAME[reference.target]
        if document is None or target.name in content.unreadable:
            continue  # an unreadable target is reported once, as its own syntax error
        known = _keys(content, target) if target.name in content.documents else []
        for index, item in enumerate(raw_items(document)):
            for location, value in _matches(item, reference.path, (index,)):
                errors += _unknown(document, location, value, known, target.noun, target.file)
        if reference.path[-1] == "*":
            for index, item in enumerate(raw_items(document)):
                for location, values in _matches(item, reference.path[:-1], (index,)):
                    errors += _repeated(document, location, values, target.noun)
    return errors


def check_kompas_phases(content: Content) -> list[ContentError]:
    """Each Kompas step names the phase that lists it."""
    steps = content.documents.get("kompas_steps")
    if steps is None:
        return []
    phases = {item.get("id"): item.get("steps") for item in raw_items(content.documents.get("kompas_phases"))}
    errors = []
    for index, step in enumerate(raw_items(steps)):
        phase, number = step.get("phase"), step.get("number")
        listed = phases.get(phase)
        if isinstance(listed, list) and number not in listed:
            errors.append(
                ContentError(
                    steps.file,
                    steps.line_of((index, "phase")),
                    "phase",
                    f"fase '{phase}' noemt stap {number} niet in haar lijst 'steps'; zet {number} in die lijst "
                    f"(data/kompas_phases.yaml), of kies hier de fase die stap {number} wel noemt",
                )
            )
    return errors


#: Addresses below a list that are not cards (``praktijken/dossier/``): no card may take them.
RESERVED_IDS = frozenset({"dossier"})


def check_previous_ids(content: Content) -> list[ContentError]:
    """An old id leads to one card: it is no live id of the type and no other card's old id;
    neither a card's id nor an old one is an address the site uses for something else."""
    errors: list[ContentError] = []
    for content_type in CONTENT_TYPES:
        document = content.documents.get(content_type.name)
        if not content_type.followed or document is None:
            continue
        items = raw_items(document)
        for index, item in enumerate(items):
            if item.get("id") in RESERVED_IDS:
                errors.append(
                    ContentError(
                        document.file,
                        document.line_of((index, "id")),
                        "id",
                        f"'{item['id']}' is het adres van iets anders op de site ({listing_of(content_type)}"
                        f"{item['id']}/); kies een andere id",
                    )
                )
        live = {item.get("id"): document.line_of((index,)) for index, item in enumerate(items)}
        claimed: dict[str, int] = {}
        for index, item in enumerate(items):
            previous = item.get("previous_ids")
            if not isinstance(previous, list):
                continue
            for position, old in enumerate(previous):
                if not isinstance(old, str):
                    continue
                location = (index, "previous_ids", position)
                line = document.line_of(location)
                if old in RESERVED_IDS:
                    problem = (
                        f"'{old}' is het adres van iets anders op de site en kan geen oude id zijn; haal hem hier weg"
                    )
                elif old == item.get("id"):
                    problem = f"'{old}' is de id van {content_type.noun.this()} zelf; haal hem hier weg"
                elif old in live:
                    problem = (
                        f"'{old}' is de id van {content_type.noun.another()} (regel {live[old]}), en een oude id "
                        f"kan maar naar één {content_type.noun.singular} leiden; haal hem hier weg"
                    )
                elif old in claimed:
                    problem = (
                        f"'{old}' staat al bij previous_ids van {content_type.noun.another()} (regel {claimed[old]}), "
                        f"en een oude id kan maar naar één {content_type.noun.singular} leiden; haal hem bij een van "
                        "de twee weg"
                    )
                else:
                    claimed[old] = line
                    continue
                errors.append(ContentError(document.file, line, field_name(location), problem))
    return errors


def listing_of(content_type: ContentType) -> str:
    return content_type.listing.url if content_type.listing else ""


def check_withdrawn_references(content: Content) -> list[ContentError]:
    """A live card may not lean on a withdrawn one through a single reference (an instrument's
    ``practice``, a Kompas block's example): the page would send readers to a withdrawal notice.
    Lists of references leave withdrawn cards out by themselves."""
    withdrawn: dict[str, set[Any]] = {}
    for content_type in CONTENT_TYPES:
        if content_type.followed:
            items = raw_items(content.documents.get(content_type.name))
            withdrawn[content_type.name] = {item.get("id") for item in items if item.get("withdrawn")}
    errors: list[ContentError] = []
    for reference in REFERENCES:
        gone = withdrawn.get(reference.target)
        document = content.documents.get(reference.source)
        if not gone or document is None or reference.path[-1] == "*":
            continue
        noun = BY_NAME[reference.target].noun
        for index, item in enumerate(raw_items(document)):
            if item.get("withdrawn"):
                continue  # a withdrawn card may keep pointing where it pointed
            for location, value in _matches(item, reference.path, (index,)):
                if value in gone:
                    errors.append(
                        ContentError(
                            document.file,
                            document.line_of(location),
                            field_name(location),
                            f"{noun.singular} '{value}' is ingetrokken (zie data/{BY_NAME[reference.target].file}); "
                            f"verwijs naar {noun.another()} of haal de verwijzing weg",
                        )
                    )
    return errors


def check_synonyms(content: Content) -> list[ContentError]:
    """A word searches for one group only: two terms that the search makes the same of (the
    same words, or forms of them like "vechtscheiding" and "vechtscheidingen") stand in one
    place in data/synonyms.yaml, and a term of stop words alone would find nothing."""
    document = content.documents.get("synonyms")
    if document is None:
        return []
    errors: list[ContentError] = []
    seen: dict[tuple[str, ...], tuple[str, int, Any]] = {}  # search key -> (term, line, group id)
    for index, item in enumerate(raw_items(document)):
        terms = item.get("terms")
        if not isinstance(terms, list):
            continue
        for position, term in enumerate(terms):
            if not isinstance(term, str) or not term.strip():
                continue  # the model reports it
            location = (index, "terms", position)
            line = document.line_of(location)
            key = search_key(term)
            if not key:
                errors.append(
                    ContentError(
                        document.file,
                        line,
                        field_name(location),
                        f"'{term}' bestaat alleen uit woorden waar de zoekfunctie overheen leest (zoals 'de' of "
                        "'en'), en vindt dus niets; kies een woord met betekenis",
                    )
                )
                continue
            if key in seen:
                other, other_line, group = seen[key]
                if group == item.get("id"):
                    problem = (
                        f"'{term}' zoekt al hetzelfde als '{other}' (regel {other_line}): de zoekfunctie maakt van "
                        "beide hetzelfde woord; haal er één weg"
                    )
                else:
                    like = "staat ook" if other == term.strip() else f"zoekt hetzelfde als '{other}'"
                    problem = (
                        f"'{term}' {like} in groep '{group}' (regel {other_line}); een zoekwoord hoort in één "
                        "groep: haal het bij een van de twee weg, of voeg de groepen samen"
                    )
                errors.append(ContentError(document.file, line, field_name(location), problem))
                continue
            seen[key] = (term.strip(), line, item.get("id"))
    return errors


def _duplicates(document: SourceDocument, key: str) -> list[ContentError]:
    seen: dict[Any, int] = {}
    errors = []
    for index, item in enumerate(raw_items(document)):
        value = item.get(key)
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        line = document.line_of((index, key))
        if value in seen:
            errors.append(
                ContentError(
                    document.file, line, key, f"{key} '{value}' bestaat al (regel {seen[value]}); kies een unieke {key}"
                )
            )
        else:
            seen[value] = line
    return errors


def _unknown(
    document: SourceDocument, location: Path_, value: Any, known: list[Any], noun: Noun, where: str
) -> list[ContentError]:
    if (
        not isinstance(value, (str, int))
        or isinstance(value, bool)
        or value in known
        or (isinstance(value, str) and not value.strip())
    ):
        return []
    hint = ""
    if isinstance(value, str):
        choices = [key for key in known if isinstance(key, str)]
        hint = did_you_mean(value, choices)
        if not hint and slugify(value) in choices:
            hint = f"; bedoelde je '{slugify(value)}'?"
    return [
        ContentError(
            document.file,
            document.line_of(location),
            field_name(location),
            f"{noun.unknown()} '{value}'{hint} (zie data/{where})"
            if hint
            else f"{noun.unknown()} '{value}'; kies {noun.existing()} uit data/{where}",
        )
    ]


def _repeated(document: SourceDocument, location: Path_, values: Any, noun: Noun) -> list[ContentError]:
    if not isinstance(values, list):
        return []
    return [
        ContentError(
            document.file,
            document.line_of((*location, position)),
            field_name((*location, position)),
            f"{noun.singular} '{value}' staat dubbel in de lijst; haal er één weg",
        )
        for position, value in enumerate(values)
        if value in values[:position]
    ]
