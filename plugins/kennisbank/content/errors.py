"""Content errors as the programme team reads them: ``file:line: field: message``.

Every stage of loading and validation reports problems as :class:`ContentError` values
instead of raising at the first one, so an editor sees all mistakes of a change at once.
"""

from __future__ import annotations

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
