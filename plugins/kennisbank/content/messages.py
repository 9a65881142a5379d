"""Dutch wording for pydantic's error types, with the suggestions editors need."""

from __future__ import annotations

import difflib
import re
from typing import Any

_BY_TYPE = {
    "missing": "verplicht veld ontbreekt",
    "string_type": "moet tekst zijn{quote_hint}",
    "int_type": "moet een heel getal zijn (zonder aanhalingstekens)",
    "int_parsing": "moet een heel getal zijn",
    "bool_type": "moet ja of nee zijn (true/false)",
    "list_type": "moet een lijst zijn (items beginnend met '- ')",
    "model_type": "moet een item met velden zijn (veld: waarde)",
    "model_attributes_type": "moet een item met velden zijn (veld: waarde)",
    "dict_type": "moet een item met velden zijn (veld: waarde)",
    "date_type": "moet een datum zijn in de vorm JJJJ-MM-DD, zonder aanhalingstekens",
    "date_parsing": "moet een datum zijn in de vorm JJJJ-MM-DD",
    "date_from_datetime_inexact": "moet een datum zijn zonder tijd (JJJJ-MM-DD)",
    "too_short": "mag niet leeg zijn",
    "string_too_short": "mag niet leeg zijn",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than_equal": "mag hoogstens {le} zijn",
}


def closest(value: str, choices: list[str]) -> str | None:
    """The choice an editor most likely meant, for a did-you-mean hint."""
    matches = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(value: str, choices: list[str]) -> str:
    """`` (bedoelde je 'x'?)`` or nothing, ready to append to a message."""
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
        known = ", ".join(allowed_fields)
        return f"onbekend veld '{field}'{hint or f'; toegestaan zijn: {known}'}"
    if kind == "literal_error":
        choices = str(context.get("expected", "")).replace(" or ", " of ")
        return f"'{value}' is geen toegestane waarde; kies uit {choices}"
    if kind == "date_type" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
        # Written as a date, but no day of the calendar (2026-13-01, 2026-02-30).
        return f"'{value}' is geen bestaande datum; schrijf JJJJ-MM-DD met een maand van 1 tot 12 en een dag die in die maand bestaat"
    if kind in _BY_TYPE:
        quote_hint = ""
        if (kind == "string_type" and isinstance(value, (bool, int, float))) or value is None:
            quote_hint = " (zet de waarde tussen aanhalingstekens, of vul iets in)"
        return _BY_TYPE[kind].format(quote_hint=quote_hint, **context)
    return f"{error['msg']} ({kind})"
