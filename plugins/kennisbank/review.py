"""The review desk (/redactie/): which cards need the programme team's attention, and why.

Each rule is a plain function of a card, so that the page, its tests and the team agree on what
selects a card: a review date older than a year (or none), no contact person, no link, sentences
longer than ``readability.LONG`` words, external links that the last link report
(``make linkcheck-extern``, ``linkrapport.json``) found broken, and editorial links
(``editorial`` on a violence profile or Kompas step) that the team has not confirmed yet.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .readability import LONG, sentences, words
from .views import Site, View

#: A review date older than this many days is due again.
REVIEW_AFTER_DAYS = 365


@dataclass(frozen=True)
class Attention:
    """One card on the review desk with every reason it is there."""

    card: View
    kind: str  # the content type, e.g. "practices"
    reasons: list[str] = field(default_factory=list)
    #: For the filters: the card's regions and core element (ids), empty for other types.
    regions: tuple[str, ...] = ()
    core_element: str = ""


def broken_links(report: Path) -> dict[str, str]:
    """``{url: result}`` of the broken links in the last link report, or nothing without one."""
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {row["url"]: row["result"] for row in data.get("broken", []) if "url" in row}


def long_sentences(text: str | None) -> int:
    """How many sentences of ``text`` have more than ``LONG`` words."""
    return sum(1 for sentence in sentences(text or "") if len(words(sentence)) > LONG)


def long_sentence_counts(texts: list[str]) -> list[int]:
    """:func:`long_sentences` of each text: a plain function, so that the build's worker process
    can count them (splitting 5,000 bodies into sentences is most of a second)."""
    return [long_sentences(text) for text in texts]


def practice_text(practice: View) -> str:
    """What a reader reads of a practice, for the sentence rule."""
    return (practice.summary or "") + "\n\n" + (practice.body or "")


def practice_reasons(
    practice: View, today: datetime.date, broken: dict[str, str], count: Callable[[str], int] = long_sentences
) -> list[str]:
    """Why a practice needs attention (empty: it does not)."""
    reasons = []
    reviewed = practice.last_reviewed
    if reviewed is None:
        reasons.append("nooit gecontroleerd")
    elif (today - reviewed).days > REVIEW_AFTER_DAYS:
        reasons.append(f"langer dan een jaar niet gecontroleerd (laatst {reviewed.isoformat()})")
    if not practice.contacts:
        reasons.append("geen contactpersoon: lezers mailen het programmateam")
    if not practice.links:
        reasons.append("geen link naar meer informatie")
    long = count(practice_text(practice))
    if long:
        reasons.append(f"{long} {'zin' if long == 1 else 'zinnen'} van meer dan {LONG} woorden")
    for link in practice.links:
        if link.url in broken:
            reasons.append(f"link werkt niet volgens het laatste linkrapport: {link.url} ({broken[link.url]})")
    return reasons


def editorial_reasons(item: View) -> list[str]:
    """An editorial link on ``item`` that the programme team has not confirmed."""
    editorial = item.model.editorial if hasattr(item.model, "editorial") else None
    if editorial is None or editorial.confirmed or not (editorial.practices or editorial.instruments):
        return []
    return ["koppeling van de redactie nog te bevestigen (zet confirmed: true)"]


def review_desk(
    site: Site, today: datetime.date, report: Path | None = None, count: Callable[[str], int] = long_sentences
) -> list[Attention]:
    """Every card that needs attention, practices first (by title), then the other types.
    ``count`` gives the long sentences of a text (by default counted here)."""
    broken = broken_links(report) if report is not None else {}
    desk = []
    for practice in sorted(site.all("practices"), key=lambda p: p.title.casefold()):
        reasons = practice_reasons(practice, today, broken, count)
        if reasons:
            regions = tuple(region.id for region in practice.regions)
            desk.append(Attention(practice, "practices", reasons, regions, practice.core_element.id))
    for kind in ("violence_profiles", "kompas_steps"):
        for item in site.all(kind):
            reasons = editorial_reasons(item)
            if reasons:
                desk.append(Attention(item, kind, reasons))
    return desk


class Desk:
    """The review desk, worked out when its page is rendered: with a worker process, the sentence
    counts are made there meanwhile (see plugin.py); the page comes last, so they are ready."""

    def __init__(self, compute: Callable[[], list[Attention]]):
        self._compute = compute
        self._rows: list[Attention] | None = None

    @property
    def rows(self) -> list[Attention]:
        if self._rows is None:
            self._rows = self._compute()
        return self._rows

    def __iter__(self) -> Iterator[Attention]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows)
