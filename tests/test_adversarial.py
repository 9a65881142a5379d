"""Bad input from many hands: the loader always ends in a clear error or a valid model.

Property-based (hypothesis): arbitrary text, bytes and YAML structures; plus the classic
traps by name: deep nesting, huge strings, wrong types, BOMs, tabs, duplicate keys, anchors
and aliases, an alias bomb.
"""

from __future__ import annotations

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

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def load_text(tmp_path: Path, payload: str | bytes):
    path = tmp_path / "practices.yaml"
    path.write_bytes(payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass"))
    return load_yaml(path, "data/practices.yaml")


def assert_clear(errors) -> None:
    for error in errors:
        assert error.file == "data/practices.yaml" and error.line >= 1 and error.message
        assert "Traceback" not in error.message


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_loads_or_gives_a_located_error(tmp_path_factory, text: str) -> None:
    document, errors = load_text(tmp_path_factory.mktemp("t"), text)
    assert document is not None or errors
    assert_clear(errors)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_load_or_give_a_located_error(tmp_path_factory, payload: bytes) -> None:
    document, errors = load_text(tmp_path_factory.mktemp("b"), payload)
    assert document is not None or errors
    assert_clear(errors)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)


@FUZZ
@given(st.lists(yaml_values, max_size=4))
def test_any_structure_as_practices_ends_in_errors_or_models(tmp_path_factory, items) -> None:
    data = tmp_path_factory.mktemp("d")
    for name in ("core_elements.yaml", "regions.yaml", "sources.yaml", "programme.yaml"):
        shutil.copy2(ROOT / "data" / name, data / name)
    (data / "practices.yaml").write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    try:
        load_content(data)
    except ContentErrors as errors:
        assert errors.errors and all(error.line >= 1 for error in errors.errors)


def test_deep_nesting_is_a_clear_error(tmp_path: Path) -> None:
    for text in ("[" * 20_000 + "]" * 20_000, "a:\n" + "".join(" " * depth + "b:\n" for depth in range(1, 3000))):
        started = time.monotonic()
        document, errors = load_text(tmp_path, text)
        assert time.monotonic() - started < 30
        assert document is not None or errors
        assert_clear(errors)


def test_huge_string_is_handled(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    practices = data / "practices.yaml"
    text = practices.read_text(encoding="utf-8")
    practices.write_text(text.replace("title: De Gezinsadvocaat bij complexe scheiding", "title: " + "x" * 5_000_000, 1), encoding="utf-8")
    assert len(load_content(data)["practices"]) >= 38


def test_anchors_and_aliases_work_and_merge_keys_are_checked(tmp_path: Path) -> None:
    document, errors = load_text(tmp_path, "- &gedeeld\n  id: a\n  regions: [x]\n- <<: *gedeeld\n  id: b\n")
    assert errors == [] and document.data[1] == {"id": "b", "regions": ["x"]}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JAVASCRIPT:alert(1)", "vbscript:msgbox(1)"])
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


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_killed_build_never_leaves_a_half_written_site(how: int, project: Path, tmp_path: Path, built_site: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    before = snapshot(site)
    build = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site)],
                             cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until MkDocs is writing pages into the staging folder, then stop it.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any((path / "praktijken").exists() for path in tmp_path.glob(".site-new-*")):
        time.sleep(0.05)
    assert build.poll() is None, "de build was al klaar voordat hij onderbroken kon worden"
    build.send_signal(how)
    build.wait(timeout=60)
    after = snapshot(site)
    # Stopped before the swap: the old site, byte for byte. Stopped just after it: the whole
    # new site (same files; feeds carry a new timestamp). Never a mix or a half-written site.
    assert after == before or set(after) == set(before)
    rebuilt = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--site-dir", str(site)],
                             cwd=project, capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not list(tmp_path.glob(".site-new-*"))  # leftovers of the killed build are gone
