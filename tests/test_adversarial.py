"""Bad input from many hands: the loader always ends in a clear error or a valid model.

Property-based (hypothesis): arbitrary text, bytes and YAML structures; plus the classic
traps by name: deep nesting, huge strings, wrong types, BOMs, tabs, duplicate keys, anchors
and aliases, an alias bomb.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from kennisbank.content import ContentErrors, load_content
from kennisbank.content.yaml_source import load_yaml

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def load_text(tmp_path: Path, payload: str | bytes):
    path = tmp_path / "practices.yaml"
    path.write_bytes(payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass"))
    return load_yaml(path, "data/practices.yaml")


def assert_clear(errors, text: str | bytes) -> None:
    """Every error names the file, a line that exists in it, and says something in words.

    Lines as YAML (and an editor) count them: a lone carriage return also ends a line."""
    decoded = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    lines = len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", decoded)) + 1
    for error in errors:
        assert error.file == "data/practices.yaml" and 1 <= error.line <= lines, (error, lines)
        assert error.message and "Traceback" not in error.message


def reference(text: str | bytes):
    """What PyYAML's own safe loader makes of the text, or the error it raises: libyaml's
    parser first, as the loader does, and Python's where libyaml gives up (the two differ
    on a few edge cases, such as a tab after a value)."""
    failure: Exception | None = None
    for loader in dict.fromkeys([getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader]):
        try:
            return yaml.load(text, Loader=loader), None
        except (yaml.YAMLError, RecursionError, ValueError) as error:
            failure = error
    return None, failure


def assert_like_pyyaml(text: str | bytes, document, errors) -> None:
    """The loader reads YAML as PyYAML does; it only adds errors (a key twice), never loses one."""
    expected, failure = reference(text)
    if failure is not None:
        assert document is None and errors, f"PyYAML weigert dit ({failure}); de loader gaf geen fout"
    elif not errors:
        assert document is not None and document.data == expected


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_loads_as_pyyaml_reads_it_or_gives_a_located_error(tmp_path_factory, text: str) -> None:
    document, errors = load_text(tmp_path_factory.mktemp("t"), text)
    assert document is not None or errors  # no document means an error that says why
    assert_clear(errors, text)
    assert_like_pyyaml(text, document, errors)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_load_as_pyyaml_reads_them_or_give_a_located_error(tmp_path_factory, payload: bytes) -> None:
    document, errors = load_text(tmp_path_factory.mktemp("b"), payload)
    assert document is not None or errors
    assert_clear(errors, payload)
    try:
        text = payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        assert document is None and "UTF-8" in errors[0].message
        return
    assert_like_pyyaml(text, document, errors)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)

#: A practice that passes validation, to mix with arbitrary items.
GOOD_PRACTICE = {
    "id": "goede-praktijk",
    "title": "Een goede praktijk",
    "core_element": "lokale-teams",
    "regions": ["landelijk"],
    "summary": "Een korte samenvatting.",
    "body": "Wat de praktijk doet.",
}


@FUZZ
@given(st.lists(yaml_values, max_size=4), st.booleans())
def test_any_structure_as_practices_ends_in_located_errors_or_all_models(tmp_path_factory, items, with_good) -> None:
    data = tmp_path_factory.mktemp("d")
    for name in ("core_elements.yaml", "regions.yaml", "sources.yaml", "programme.yaml"):
        shutil.copy2(ROOT / "data" / name, data / name)
    if with_good:
        items = [*items, GOOD_PRACTICE]
    text = yaml.safe_dump(items, allow_unicode=True)
    (data / "practices.yaml").write_text(text, encoding="utf-8")
    try:
        content = load_content(data)
    except ContentErrors as caught:
        assert caught.errors
        assert_clear(caught.errors, text)
        # An error is about the item it names: never about the good practice, which is last.
        if with_good:
            good_line = text.count("\n") - text[text.rindex("- ") :].count("\n") + 1
            assert all(error.line < good_line for error in caught.errors), (caught.errors, good_line)
    else:
        # Without errors every item became a practice, in order; nothing was dropped silently.
        assert [practice.id for practice in content["practices"]] == [item["id"] for item in items]


def test_deep_nesting_is_a_clear_error(tmp_path: Path) -> None:
    for text in ("[" * 20_000 + "]" * 20_000, "a:\n" + "".join(" " * depth + "b:\n" for depth in range(1, 3000))):
        started = time.monotonic()
        document, errors = load_text(tmp_path, text)
        assert time.monotonic() - started < 30
        assert document is not None or errors
        assert_clear(errors, text)


def test_huge_string_is_handled(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    practices = data / "practices.yaml"
    text = practices.read_text(encoding="utf-8")
    practices.write_text(
        text.replace("title: De Gezinsadvocaat bij complexe scheiding", "title: " + "x" * 5_000_000, 1),
        encoding="utf-8",
    )
    assert len(load_content(data)["practices"]) >= 38


def test_anchors_and_aliases_work_and_merge_keys_are_checked(tmp_path: Path) -> None:
    document, errors = load_text(tmp_path, "- &gedeeld\n  id: a\n  regions: [x]\n- <<: *gedeeld\n  id: b\n")
    assert errors == [] and document.data[1] == {"id": "b", "regions": ["x"]}


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JAVASCRIPT:alert(1)", "vbscript:msgbox(1)"],
)
def test_script_urls_are_rejected(tmp_path: Path, url: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    practices = data / "practices.yaml"
    text = practices.read_text(encoding="utf-8")
    first_url = text.index("url: ") + len("url: ")
    end = text.index("\n", first_url)
    practices.write_text(text[:first_url] + f"'{url}'" + text[end:], encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_content(data)
    assert any("geen volledig webadres" in str(error) for error in caught.value.errors)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


#: A fixed build time, so that two builds of the same content are the same bytes.
REPRODUCIBLE = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200", "NO_MKDOCS_2_WARNING": "1"}


def build_site(project: Path, site: Path, **options) -> subprocess.Popen:
    """``scripts/build_site.py`` (``make build``) in ``project``."""
    command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site)]
    return subprocess.Popen(command, cwd=project, env=REPRODUCIBLE, **options)


def plain_build(project: Path, site: Path) -> None:
    """``mkdocs build`` itself: the reference the atomic build script is compared with."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)]
    subprocess.run(command, cwd=project, env=REPRODUCIBLE, check=True, timeout=300)


@pytest.fixture(scope="module")
def old_and_new_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A project whose content changed since its site was built: the old site, and the new
    site as a complete build makes it. A mix of the two differs from both."""
    from conftest import copy_project

    root = tmp_path_factory.mktemp("killed")
    project = copy_project(root / "project")
    old = root / "old-site"
    plain_build(project, old)
    practices = project / "data" / "practices.yaml"
    text = practices.read_text(encoding="utf-8")
    changed = text.replace("title: De Gezinsadvocaat bij complexe scheiding", "title: De Gezinsadvocaat (nieuw)", 1)
    assert changed != text
    practices.write_text(changed, encoding="utf-8")
    new = root / "new-site"
    plain_build(project, new)
    return project, snapshot(old), snapshot(new)


@pytest.mark.build
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_killed_build_never_leaves_a_half_written_site(how: int, old_and_new_site, tmp_path: Path) -> None:
    project, old, new = old_and_new_site
    changed = {name for name in old.keys() & new.keys() if old[name] != new[name]}
    assert len(changed) > 1  # the two sites differ on more than one page
    site = tmp_path / "site"
    site.mkdir()
    for name, data in old.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    build = build_site(project, site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until MkDocs is writing pages into the staging folder, then stop it.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
        (path / "praktijken").exists() for path in tmp_path.glob(".site-new-*")
    ):
        time.sleep(0.05)
    assert build.poll() is None, "de build was al klaar voordat hij onderbroken kon worden"
    build.send_signal(how)
    build.wait(timeout=60)
    after = snapshot(site)
    # Stopped before the swap: the old site, byte for byte. Stopped after it: the whole new
    # site, byte for byte. Anything else (a mix, a half-written site) is the defect.
    assert after in (old, new), f"{len(after)} bestanden: niet de oude site en niet de nieuwe"
    rebuilt = build_site(project, site, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, errors = rebuilt.communicate(timeout=300)
    assert rebuilt.returncode == 0, errors
    assert snapshot(site) == new  # the same content builds the same site: the comparison above means something
    assert not list(tmp_path.glob(".site-new-*"))  # leftovers of the killed build are gone
