"""When each card was added and last changed, read from the git history of its data file.

The cards of one type live together in one YAML file, so a commit's date says nothing about a
single card. Instead, every revision of the file (along the first-parent line: the date a change
reached the main line) is parsed and each card's content compared with its previous version:

- ``created``: the first revision in which the card's id (or one of its ``previous_ids``) appears;
- ``updated``: the last revision in which its content changed. Content is the parsed data minus
  ``id``, ``previous_ids``, ``last_reviewed`` and ``withdrawn``, so reformatting the YAML, a new
  review date, a rename or a withdrawal is not a change of the card.

An uncommitted change in the working tree (while editing with ``make serve``) counts as a change
on the day of the build. Each blob (one version of a file) is parsed once: its card digests are
kept in memory and in ``.cache/kennisbank/`` of the repository, so a long history costs its new
revisions only.

Without history (a folder outside git, a shallow clone) :class:`HistoryUnavailable` says why;
the plugin then builds without dates, or refuses when it builds for publication.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .content import Content
from .content.registry import CONTENT_TYPES

#: Fields whose change is not a change of the card's content.
NOT_CONTENT = frozenset({"id", "previous_ids", "last_reviewed", "withdrawn"})
#: The YAML parser for old revisions (libyaml when PyYAML has it).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CACHE_VERSION = 1


@dataclass(frozen=True)
class CardDates:
    """When a card was added, and when its content last changed."""

    created: datetime.date
    updated: datetime.date


class HistoryUnavailable(Exception):
    """The dates cannot be read from git; the message says why, in Dutch, and what to do."""


@dataclass(frozen=True)
class _Revision:
    date: datetime.date
    digests: dict[str, str]  # card id -> digest of its content


def _git(repo: Path, *arguments: str, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(["git", "-C", str(repo), *arguments], input=stdin, capture_output=True, check=False)
    if result.returncode != 0:
        raise HistoryUnavailable(result.stderr.decode("utf-8", "replace").strip() or "git gaf een fout")
    return result.stdout


def repository_of(folder: Path) -> Path:
    """The root of the git repository that holds ``folder``, with its full history."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").decode().strip()
    except (HistoryUnavailable, OSError):
        raise HistoryUnavailable(
            f"{folder} staat niet in een git-repository; bouw vanuit een git-clone met de hele geschiedenis"
        ) from None
    if _git(folder, "rev-parse", "--is-shallow-repository").decode().strip() == "true":
        raise HistoryUnavailable(
            "deze kopie van de repository heeft maar een deel van de geschiedenis (een 'shallow clone'); "
            "haal de hele geschiedenis op met 'git fetch --unshallow' "
            "(in een GitHub-workflow: 'fetch-depth: 0' bij actions/checkout)"
        )
    return Path(top)


def digests_of_text(raw: bytes | str) -> dict[str, str]:
    """The card digests of one version of a file. A version that cannot be read (bad YAML, an
    impossible date, keys that do not sort) says nothing about its cards: the history goes on
    without it, since that mistake is already committed and fixed later."""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        return card_digests(yaml.load(text, Loader=_LOADER))
    except Exception:  # any failure of one old revision: skip that revision, never the build
        return {}


def _local_date(stamp: str) -> datetime.date:
    """A commit's date as the programme team sees it: in Dutch time (the committer's own zone
    when the time-zone data is missing)."""
    moment = datetime.datetime.fromisoformat(stamp)
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/Amsterdam")).date()
    except Exception:
        return moment.date()


def card_digests(data: Any) -> dict[str, str]:
    """Per card id, a digest of what the card says (see the module docstring)."""
    digests: dict[str, str] = {}
    if not isinstance(data, list):
        return digests
    for item in data:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            content = {key: value for key, value in item.items() if key not in NOT_CONTENT}
            text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
            digests[item["id"]] = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return digests


class History:
    """The revisions of data files in one repository, parsed once per blob."""

    def __init__(self, repo: Path):
        self.repo = repo
        self._cache_file = repo / ".cache" / "kennisbank" / "history.json"
        self._blobs: dict[str, dict[str, str]] = self._read_cache()
        self._dirty = False

    def _read_cache(self) -> dict[str, dict[str, str]]:
        try:
            stored = json.loads(self._cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(stored, dict) or stored.get("version") != _CACHE_VERSION:
            return {}
        blobs = stored.get("blobs")
        return blobs if isinstance(blobs, dict) else {}

    def save(self) -> None:
        """Keep the parsed blobs for the next build (a cache: losing it costs time, not dates)."""
        if not self._dirty:
            return
        try:
            self._cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._cache_file.with_suffix(".tmp")
            temporary.write_text(json.dumps({"version": _CACHE_VERSION, "blobs": self._blobs}), encoding="utf-8")
            temporary.replace(self._cache_file)
            self._dirty = False
        except OSError:
            pass

    def revisions(self, path: Path) -> list[_Revision]:
        """Every committed version of ``path`` on the first-parent line, oldest first."""
        relative = path.resolve().relative_to(self.repo.resolve()).as_posix()
        # Settings of the user's own git must not change what is read: every commit's diff
        # (the root commit's too), merges against their first parent, paths never quoted.
        log = _git(
            self.repo,
            "-c",
            "core.quotePath=false",
            "-c",
            "log.showRoot=true",
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "--root",
            "--reverse",
            "--no-renames",
            "--raw",
            "--no-abbrev",
            "--format=%x00%cI",
            "--",
            relative,
        ).decode("utf-8", "replace")
        commits: list[tuple[datetime.date, str]] = []
        for chunk in log.split("\0")[1:]:
            lines = chunk.strip().splitlines()
            if not lines:
                continue
            date = _local_date(lines[0].strip())
            # One path is asked for, so each commit has at most one raw line: the file's new blob.
            for line in lines[1:]:
                if line.startswith(":"):
                    commits.append((date, line.split()[3]))
                    break
        self._parse([blob for _, blob in commits if blob.strip("0") and blob not in self._blobs])
        return [_Revision(date, self._blobs.get(blob, {})) for date, blob in commits]

    def _parse(self, blobs: list[str]) -> None:
        if not blobs:
            return
        unique = list(dict.fromkeys(blobs))
        output = _git(self.repo, "cat-file", "--batch", stdin="".join(f"{blob}\n" for blob in unique).encode())
        position = 0
        for blob in unique:
            header_end = output.index(b"\n", position)
            header = output[position:header_end].split()
            if len(header) < 3 or header[1] != b"blob":  # "<sha> missing" in a partial clone
                position = header_end + 1
                self._blobs[blob] = {}
                continue
            size = int(header[2])
            body = output[header_end + 1 : header_end + 1 + size]
            position = header_end + 1 + size + 1
            self._blobs[blob] = digests_of_text(body)
            self._dirty = True


def dates_of_cards(
    revisions: Iterable[_Revision],
    now: Mapping[str, str],
    aliases: Mapping[str, list[str]],
    today: datetime.date,
) -> dict[str, CardDates]:
    """Per current card id: its dates over ``revisions`` and the working tree (``now``).

    ``aliases`` gives each card's ``previous_ids``: the card's history is that of every id it
    had. A card not yet committed was created today.
    """
    history = [*revisions, _Revision(today, dict(now))]
    dates: dict[str, CardDates] = {}
    for card in now:
        names = [card, *aliases.get(card, [])]
        created: datetime.date | None = None
        updated: datetime.date | None = None
        last: str | None = None
        for revision in history:
            digest = next((revision.digests[name] for name in names if name in revision.digests), None)
            if digest is None:
                continue
            if created is None:
                created = revision.date
            if digest != last:
                updated = revision.date
                last = digest
        if created is not None and updated is not None:
            dates[card] = CardDates(created, updated)
    return dates


def read_dates(content: Content, data_dir: Path, today: datetime.date) -> dict[tuple[str, str | int], CardDates]:
    """The dates of every followed card (practices, instruments: ``ContentType.followed``).

    Raises :class:`HistoryUnavailable` when ``data_dir`` has no full git history.
    """
    history = History(repository_of(data_dir))
    dates: dict[tuple[str, str | int], CardDates] = {}
    for content_type in CONTENT_TYPES:
        path = data_dir / content_type.file
        if not content_type.followed or content_type.name not in content.documents or not path.exists():
            continue
        now = digests_of_text(path.read_bytes())
        aliases = {
            str(getattr(item, "id", "")): list(getattr(item, "previous_ids", [])) for item in content[content_type.name]
        }
        for card, card_dates in dates_of_cards(history.revisions(path), now, aliases, today).items():
            dates[(content_type.name, card)] = card_dates
    history.save()
    return dates
