"""Field types shared by every content model, each carrying its own Dutch error message.

Validators raise ``PydanticCustomError`` of type ``kennisbank`` so that :mod:`.validate`
can pass their message through unchanged; pydantic's own error types are translated there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Annotated
from urllib.parse import parse_qs, urlsplit

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Deliberately simple: one @, no spaces, a dot in the domain. Full RFC 5322 would accept
# addresses no mail client of the team's users can send to.
EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
SAFELINKS_HOST = re.compile(r"(^|\.)safelinks\.protection\.outlook\.com$", re.IGNORECASE)


def _error(message: str, **context: object) -> PydanticCustomError:
    return PydanticCustomError("kennisbank", message, context or None)


def slugify(text: str) -> str:
    """The slug an editor most likely meant: ``Zaanstreek Waterland`` → ``zaanstreek-waterland``."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


#: Control characters (besides tab and line breaks): invisible in an editor, invalid in XML
#: (the Atom feeds), and never meant; usually pasted from another program.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _not_blank(value: str) -> str:
    if not value:
        raise _error("mag niet leeg zijn; vul een tekst in")
    found = _CONTROL.search(value)
    if found:
        raise _error(
            "bevat een onzichtbaar stuurteken (U+{code}), waarschijnlijk meegeplakt; typ de tekst rond "
            "positie {position} opnieuw",
            code=f"{ord(found.group()):04X}",
            position=found.start() + 1,
        )
    return value


def _check_slug(value: str) -> str:
    if not SLUG_PATTERN.match(value):
        suggestion = slugify(value)
        hint = f", bijvoorbeeld '{suggestion}'" if suggestion else ""
        raise _error(
            "'{value}' is geen geldige id; gebruik alleen kleine letters a-z, cijfers en losse koppeltekens{hint}",
            value=value,
            hint=hint,
        )
    return value


def _check_email(value: str) -> str:
    if value.lower().startswith("mailto:"):
        raise _error("schrijf het e-mailadres zonder 'mailto:' ('{bare}')", bare=value[7:])
    if not EMAIL_PATTERN.match(value):
        raise _error("'{value}' is geen geldig e-mailadres; schrijf het als naam@domein.nl", value=value)
    return value


def unwrap_safelink(url: str) -> str | None:
    """The real target of an Outlook SafeLinks URL, or ``None`` when ``url`` is not one."""
    parts = urlsplit(url)
    if not SAFELINKS_HOST.search(parts.hostname or ""):
        return None
    targets = parse_qs(parts.query).get("url")
    return targets[0] if targets else ""


def _check_url(value: str) -> str:
    if any(character.isspace() for character in value):
        raise _error(
            "'{value}' bevat spaties, en een webadres mag er geen bevatten; haal ze weg of vervang ze door %20",
            value=value,
        )
    target = unwrap_safelink(value)
    if target is not None:
        if target:
            raise _error("dit is een Outlook SafeLinks-adres; gebruik het echte adres: {target}", target=target)
        raise _error("dit is een Outlook SafeLinks-adres zonder doeladres; zoek het echte adres op en zet dat hier")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
        raise _error(
            "'{value}' is geen volledig webadres; begin met https:// (of http://) en een domeinnaam",
            value=value,
        )
    return value


#: An icon from the sets Material for MkDocs ships (``material/account-group``): drawn inline
#: from the installed theme, so the site loads no icon font and asks no other server for it.
ICON_PATTERN = re.compile(
    r"^(?:material|octicons|simple|fontawesome/(?:brands|regular|solid))/[a-z0-9]+(?:-[a-z0-9]+)*$"
)
ICON_HELP = "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"


def material_icon_file(name: str) -> Traversable:
    """Where the installed Material theme keeps the SVG of icon ``name``."""
    return resources.files("material") / "templates" / ".icons" / f"{name}.svg"


def _check_icon(value: str) -> str:
    if not ICON_PATTERN.match(value):
        raise _error(
            "'{value}' is geen pictogram; schrijf de set en de naam, bijvoorbeeld 'material/account-group' "
            "(alle namen: {help})",
            value=value,
            help=ICON_HELP,
        )
    if not material_icon_file(value).is_file():
        raise _error(
            "het pictogram '{value}' bestaat niet in de iconensets van Material; zoek de juiste naam op ({help})",
            value=value,
            help=ICON_HELP,
        )
    return value


# The JSON Schemas (for editors' autocompletion and checks while typing) say the same as the
# validators; the validators stay the authority and give the Dutch messages.
_TEXT_SCHEMA = WithJsonSchema({"type": "string", "minLength": 1})
_SLUG_SCHEMA = WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN.pattern})
_EMAIL_SCHEMA = WithJsonSchema({"type": "string", "format": "email", "pattern": EMAIL_PATTERN.pattern})
_ICON_SCHEMA = WithJsonSchema({"type": "string", "pattern": ICON_PATTERN.pattern})
_URL_SCHEMA = WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://[^\\s]+\\.[^\\s]+$"})

#: Non-empty single-line or multi-line text (surrounding white space removed).
Text = Annotated[str, BeforeValidator(_strip), StringConstraints(strict=True), AfterValidator(_not_blank), _TEXT_SCHEMA]
#: A table cell; may be empty (a cell left blank to fill in on paper).
Cell = Annotated[str, BeforeValidator(_strip), StringConstraints(strict=True)]
#: Markdown source; rendered and sanitised by the pages stage.
Markdown = Text


def _check_search_term(value: str) -> str:
    if value != value.lower():
        raise _error(
            "schrijf een zoekwoord in kleine letters ('{lower}'); bij zoeken maken hoofdletters niet uit",
            lower=value.lower(),
        )
    if "  " in value or "\n" in value:
        raise _error(
            "zet tussen de woorden van een zoekwoord steeds één spatie ('{single}')", single=" ".join(value.split())
        )
    return value


#: A word or phrase someone types in a search box: lower case, words split by one space.
SearchTerm = Annotated[
    str,
    BeforeValidator(_strip),
    StringConstraints(strict=True),
    AfterValidator(_not_blank),
    AfterValidator(_check_search_term),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": "^[^A-Z]+$"}),
]
#: A lowercase ASCII id, used in URLs and references.
Slug = Annotated[
    str, BeforeValidator(_strip), StringConstraints(strict=True), AfterValidator(_check_slug), _SLUG_SCHEMA
]
#: An e-mail address a professional can write to.
Email = Annotated[
    str, BeforeValidator(_strip), StringConstraints(strict=True), AfterValidator(_check_email), _EMAIL_SCHEMA
]
#: An absolute http(s) URL that is not wrapped by a mail filter.
WebUrl = Annotated[
    str, BeforeValidator(_strip), StringConstraints(strict=True), AfterValidator(_check_url), _URL_SCHEMA
]


@dataclass(frozen=True)
class Ref:
    """Marks a field as holding the key of an item of another content type (``target`` is the
    type's name in the registry). Validation checks that the item exists; the catalogue and the
    views follow the reference both ways. Declared here, on the field, and nowhere else."""

    target: str


#: Keys of items of other content types (one alias per type, so models read as what they hold).
CoreElementId = Annotated[Slug, Ref("core_elements")]
RegionId = Annotated[Slug, Ref("regions")]
PracticeId = Annotated[Slug, Ref("practices")]
InstrumentId = Annotated[Slug, Ref("instruments")]
PrincipleId = Annotated[Slug, Ref("principles")]
SourceId = Annotated[Slug, Ref("sources")]
PhaseId = Annotated[Slug, Ref("kompas_phases")]
ToolId = Annotated[Slug, Ref("kompas_tools")]
ProfileId = Annotated[Slug, Ref("violence_profiles")]
StepNumber = Annotated[int, Ref("kompas_steps")]
#: An icon of Material's bundled sets (checked against the installed theme).
Icon = Annotated[
    str, BeforeValidator(_strip), StringConstraints(strict=True), AfterValidator(_check_icon), _ICON_SCHEMA
]
