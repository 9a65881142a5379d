"""Content errors as the programme team reads them: ``file:line: field: message``.

Every stage of loading and validation reports problems as :class:`ContentError` values
instead of raising at the first one, so an editor sees all mistakes of a change at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, located precisely enough to fix it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentErrors(Exception):
    """Raised when content cannot be built; carries every problem found."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        """The Dutch report printed by the build and by ``make check``."""
        count = len(self.errors)
        noun = "fout" if count == 1 else "fouten"
        lines = [f"De inhoud bevat {count} {noun}; de site is niet gebouwd:"]
        lines += [f"  {error}" for error in self.errors]
        return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, file: str, line: int, title: str, message: str) -> str:
    """One GitHub Actions workflow command (``::error file=…,line=…,title=…::…``): GitHub shows it
    on that line of the file in the pull request, not only in the job's log."""
    properties = f"file={_escape_property(file)},line={line}"
    if title:
        properties += f",title={_escape_property(title)}"
    return f"::{level} {properties}::{_escape_data(message)}"


def github_annotations(errors: Iterable[ContentError]) -> str:
    """The errors as workflow commands, one per line."""
    return "\n".join(annotation("error", e.file, e.line, e.field or "inhoud", e.message) for e in errors)


def on_github_actions() -> bool:
    """Whether this runs as a GitHub Actions job (GitHub sets ``GITHUB_ACTIONS=true``)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"
