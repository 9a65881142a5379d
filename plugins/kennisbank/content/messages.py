"""Dutch wording for pydantic's error types, with the suggestions editors need."""

from __future__ import annotations

import difflib
import re
from typing import Any

_FIELDS = "moet een groep velden zijn; zet er velden onder (veld: waarde), elk op een eigen, ingesprongen regel"

_BY_TYPE = {
    "missing": "verplicht veld ontbreekt; voeg het toe",
    "string_type": "moet tekst zijn{quote_hint}",
    "int_type": "moet een heel getal zijn; schrijf alleen cijfers, zonder aanhalingstekens",
    "int_parsing": "moet een heel getal zijn; schrijf alleen cijfers",
    "bool_type": "moet ja of nee zijn; schrijf true of false",
    "list_type": "moet een lijst zijn; zet elke waarde op een eigen regel die begint met '- '",
    "model_type": _FIELDS,
    "model_attributes_type": _FIELDS,
    "dict_type": _FIELDS,
    "date_type": "moet een datum zijn; schrijf JJJJ-MM-DD zonder aanhalingstekens, bijvoorbeeld 2026-03-01",
    "date_parsing": "moet een datum zijn; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01",
    "date_from_datetime_inexact": "moet een datum zonder tijd zijn; haal de tijd weg, zodat JJJJ-MM-DD overblijft",
    "too_short": "mag niet leeg zijn; zet er minstens één waarde in",
    "string_too_short": "mag niet leeg zijn; vul een tekst in",
    "greater_than_equal": "moet minstens {ge} zijn; vul een getal van {ge} of hoger in",
    "less_than_equal": "mag hoogstens {le} zijn; vul een getal van {le} of lager in",
}


def closest(value: str, choices: list[str]) -> str | None:
    """The choice an editor most likely meant, for a did-you-mean hint."""
    matches = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(value: str, choices: list[str]) -> str:
    """``; bedoelde je 'x'?`` or nothing, ready to append to a message."""
    suggestion = closest(value, choices)
    return f"; bedoelde je '{suggestion}'?" if suggestion else ""


def describe(error: dict[str, Any], allowed_fields: list[str]) -> str:
    """A Dutch message for one pydantic error dict."""
    kind = error["type"]
    context = error.get("ctx") or {}
    value = error.get("input")
    if kind == "kennisbank":
        return str(error["msg"])
    if kind == "extra_forbidden":
        field = str(error["loc"][-1])
        hint = did_you_mean(field, allowed_fields)
        if not hint:
            hint = (
                f"; gebruik een van deze velden: {', '.join(allowed_fields)}"
                if allowed_fields
                else "; haal het weg (welke velden er zijn, staat in data/README.md)"
            )
        return f"onbekend veld '{field}'{hint}"
    if kind == "literal_error":
        choices = str(context.get("expected", "")).replace(" or ", " of ")
        if value is None:
            return f"hier ontbreekt een waarde; kies uit {choices}"
        return f"'{value}' is geen toegestane waarde; kies uit {choices}"
    if kind == "date_type" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
        # Written as a date, but no day of the calendar (2026-13-01, 2026-02-30).
        return f"'{value}' is geen bestaande datum; schrijf JJJJ-MM-DD met een maand van 1 tot 12 en een dag die in die maand bestaat"
    if kind in _BY_TYPE:
        quote_hint = ""
        if kind == "string_type":
            if value is None:
                quote_hint = ", maar het veld is leeg; vul een tekst in"
            elif isinstance(value, (bool, int, float)):
                quote_hint = "; zet de waarde tussen aanhalingstekens (anders leest YAML haar als getal of als ja/nee)"
            else:
                quote_hint = "; schrijf één tekst achter de dubbele punt, geen lijst of velden"
        return _BY_TYPE[kind].format(quote_hint=quote_hint, **context)
    # A type no content field produces so far: still Dutch, pydantic's English only as detail.
    return f"deze waarde klopt hier niet; kijk in data/README.md wat dit veld verwacht ({error['msg']})"
