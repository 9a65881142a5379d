"""How a Kompas worksheet prints: the room to write each question gets, and the empty rows of a table.

A team fills the printed sheet in by hand during a meeting. A network's name needs one line,
a checklist point a few, a reflection question or the agreements at the end far more: one
height for all was too little for the open questions and too much for a name. The room is
decided here, from the data, so the template only names it (``kb-answer--<space>``) and the
print stylesheet gives each name its height. An editor can set it per section or per question
(``answer`` in ``data/kompas_tools.yaml``); without that, the kind of worksheet decides.
"""

from __future__ import annotations

from typing import Any

from .content.models import AnswerSpace

#: The room a question gets when neither it nor its section says: what the kind of worksheet
#: asks of the people filling it in. A draaiboek is an agenda in a table: no room per row.
#: Every kind the model allows needs an entry (tests/test_worksheet_print.py checks).
BY_KIND: dict[str, AnswerSpace | None] = {
    "werkvorm": "kort",
    "checklist": "kort",
    "format": "ruim",
    "draaiboek": None,
    "interviewleidraad": "ruim",
    "indicatoren": "kort",
    "formulier": "ruim",
}

#: How the site names each kind of worksheet, on the worksheet itself and in the box
#: "Werkbladen bij deze stap" on its step ("formulier" reads "Invulformulier").
KIND_LABELS: dict[str, str] = {
    "werkvorm": "Werkvorm",
    "checklist": "Checklist",
    "format": "Format",
    "draaiboek": "Draaiboek",
    "interviewleidraad": "Interviewleidraad",
    "indicatoren": "Indicatoren",
    "formulier": "Invulformulier",
}


def kind_label(kind: str) -> str:
    """The Dutch name of a worksheet's kind, as a reader sees it."""
    return KIND_LABELS[kind]


#: Empty rows under a table that has no rows of its own: the whole table is to be filled in.
ROWS_TO_FILL = 6
#: Empty rows under a table whose rows have empty cells: the rows are to be completed, and a
#: meeting may add a few of its own.
ROWS_TO_ADD = 2


def answer_space(tool: Any, section: Any, item: Any) -> str | None:
    """The room to write under ``item`` (``regel``, ``kort``, ``ruim``), or None for none.

    The arguments are the template's views of a tool, one of its sections and one of that
    section's items; the most specific choice wins."""
    space: str | None = item.answer or section.answer or BY_KIND[tool.kind]
    return space


def empty_rows(section: Any) -> int:
    """How many empty rows a section's table gets on paper.

    A table without rows is a form to fill in; a table whose rows have empty cells is to be
    completed; a table whose every cell is filled is a legend (what a line colour means), and
    empty rows under it would only invite writing where nothing is asked."""
    if not section.columns:
        return 0
    if not section.rows:
        return ROWS_TO_FILL
    if any(cell == "" for row in section.rows for cell in row):
        return ROWS_TO_ADD
    return 0
