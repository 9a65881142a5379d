"""Card dates from git history (plugins/kennisbank/history.py), on synthetic repositories whose
commits have known dates: added, changed, reformatted only, ``last_reviewed`` only, renamed with
``previous_ids``, uncommitted; and the clones without history (shallow, outside git)."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from kennisbank.history import CardDates, History, HistoryUnavailable, dates_of_cards, repository_of

TODAY = datetime.date(2026, 12, 2)


def git(repo: Path, *arguments: str, date: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "redactie@example.org",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "redactie@example.org",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00+01:00"
    return subprocess.run(
        ["git", "-C", str(repo), *arguments], env=env, check=True, capture_output=True, text=True
    ).stdout


def commit(repo: Path, text: str, date: str, message: str) -> None:
    (repo / "data" / "practices.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


def card(id_: str, summary: str, reviewed: str = "2025-01-01", extra: str = "", title: str = "") -> str:
    return (
        f"- id: {id_}\n  title: {title or 'Kaart ' + id_}\n  core_element: lokale-teams\n  regions: [groningen]\n"
        f"  summary: {summary}\n  body: Tekst.\n  last_reviewed: {reviewed}\n{extra}"
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A repository whose practices.yaml went through every kind of change."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, card("a", "Eerste.") + card("b", "Tweede."), "2025-01-10", "a en b erbij")
    commit(repo, card("a", "Eerste, beter gezegd.") + card("b", "Tweede."), "2025-02-01", "a herschreven")
    reformatted = (
        '- {id: a, title: "Kaart a", core_element: lokale-teams, regions: [groningen],\n'
        '   summary: "Eerste, beter gezegd.", body: "Tekst.", last_reviewed: 2025-01-01}\n' + card("b", "'Tweede.'")
    )
    commit(repo, reformatted, "2025-03-01", "opmaak")
    commit(
        repo,
        reformatted.replace(card("b", "'Tweede.'"), card("b", "'Tweede.'", "2025-04-01")),
        "2025-04-01",
        "b gecontroleerd",
    )
    renamed = card("a", "Eerste, beter gezegd.") + card(
        "c", "Tweede.", "2025-04-01", "  previous_ids: [b]\n", title="Kaart b"
    )
    commit(repo, renamed + card("d", "Vierde."), "2025-05-01", "b heet nu c; d erbij")
    return repo


def dates(repo: Path, now_text: str | None = None) -> dict[str, CardDates]:
    import yaml

    from kennisbank.history import card_digests

    path = repo / "data" / "practices.yaml"
    text = now_text if now_text is not None else path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    aliases = {item["id"]: item.get("previous_ids", []) for item in data}
    return dates_of_cards(History(repository_of(repo)).revisions(path), card_digests(data), aliases, TODAY)


def test_each_card_gets_the_dates_of_its_own_changes(repo: Path) -> None:
    found = dates(repo)
    # a changed once; reformatting the file changed nothing.
    assert found["a"] == CardDates(datetime.date(2025, 1, 10), datetime.date(2025, 2, 1))
    # b became c: its history goes on under the new id; a review date and a rename are no change.
    assert found["c"] == CardDates(datetime.date(2025, 1, 10), datetime.date(2025, 1, 10))
    assert found["d"] == CardDates(datetime.date(2025, 5, 1), datetime.date(2025, 5, 1))
    assert set(found) == {"a", "c", "d"}


def test_an_uncommitted_change_is_a_change_of_today(repo: Path) -> None:
    path = repo / "data" / "practices.yaml"
    text = path.read_text(encoding="utf-8").replace("Vierde.", "Vierde, nog niet vastgelegd.") + card("e", "Nieuw.")
    path.write_text(text, encoding="utf-8")
    found = dates(repo)
    assert found["d"] == CardDates(datetime.date(2025, 5, 1), TODAY)
    assert found["e"] == CardDates(TODAY, TODAY)
    assert found["a"].updated == datetime.date(2025, 2, 1)


def test_the_date_a_change_reached_the_main_line_counts(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "voorstel")
    path = repo / "data" / "practices.yaml"
    commit(repo, path.read_text(encoding="utf-8").replace("Vierde.", "Vierde, voorgesteld."), "2025-06-01", "voorstel")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "voorstel overgenomen", "voorstel", date="2025-06-20")
    assert dates(repo)["d"].updated == datetime.date(2025, 6, 20)


def test_parsed_blobs_are_kept_so_the_next_build_reads_only_new_ones(repo: Path) -> None:
    history = History(repository_of(repo))
    history.revisions(repo / "data" / "practices.yaml")
    history.save()
    cache = repo / ".cache" / "kennisbank" / "history.json"
    assert cache.exists()
    again = History(repository_of(repo))
    assert again._blobs == history._blobs and len(again._blobs) == 5
    parsed: list[str] = []
    again._parse = lambda blobs: parsed.extend(blobs)  # type: ignore[method-assign]
    again.revisions(repo / "data" / "practices.yaml")
    assert parsed == []


def test_a_shallow_clone_says_how_to_fetch_the_history(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    with pytest.raises(HistoryUnavailable) as caught:
        repository_of(shallow / "data")
    assert "shallow clone" in str(caught.value) and "git fetch --unshallow" in str(caught.value)
    assert "fetch-depth: 0" in str(caught.value)


def test_a_folder_outside_git_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "los"
    folder.mkdir()
    with pytest.raises(HistoryUnavailable) as caught:
        repository_of(folder)
    assert "niet in een git-repository" in str(caught.value)


def test_a_bad_old_revision_is_skipped_not_fatal(repo: Path) -> None:
    path = repo / "data" / "practices.yaml"
    good = path.read_text(encoding="utf-8")
    commit(repo, good.replace("last_reviewed: 2025-01-01", "last_reviewed: 2026-13-01", 1), "2025-08-01", "fout")
    commit(repo, good.replace("- id: d", "- {2025-01-01: x, 1: y}\n- id: d", 1), "2025-08-02", "nog een fout")
    commit(repo, good, "2025-08-03", "hersteld")
    found = dates(repo)
    assert found["a"] == CardDates(datetime.date(2025, 1, 10), datetime.date(2025, 2, 1))


def test_the_users_git_settings_do_not_change_the_dates(repo: Path) -> None:
    git(repo, "config", "log.showRoot", "false")
    git(repo, "config", "core.quotePath", "true")
    assert dates(repo)["a"].created == datetime.date(2025, 1, 10)


def test_a_path_with_non_ascii_letters_is_read(tmp_path: Path) -> None:
    top = tmp_path / "repo"
    top.mkdir()
    git(top, "init", "-q", "-b", "main")
    folder = top / "privé"  # the data file's path in the repository: privé/data/practices.yaml
    (folder / "data").mkdir(parents=True)
    commit(folder, card("a", "Eerste."), "2025-01-10", "a")
    assert dates(folder)["a"].created == datetime.date(2025, 1, 10)
