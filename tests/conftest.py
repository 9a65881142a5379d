"""Shared fixtures: the real site built once, and throw-away copies of the project.

Build tests run the real ``mkdocs`` command on the real content, as the Makefile does,
into temporary folders; nothing here writes into the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # the tests use the project's own tools (preview, chromium)
PROJECT_PARTS = ("mkdocs.yml", "content", "data", "overrides")


def run_mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``project`` into ``site_dir``; output captured as text."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_project(destination: Path) -> Path:
    """A copy of the site sources (config, pages, data, templates) to break on purpose."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        else:
            shutil.copy2(source, destination / part)
    return destination


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run from the repository's own content."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project sources for one test."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The real site behind Debian's nginx with the shipped configuration (deploy/nginx/), on a
    free 127.0.0.1 port: every browser test and the link check run under the production
    headers and Content-Security-Policy. Fails (never skips) when nginx is not installed."""
    from preview import MISSING_NGINX, NGINX, start

    if not NGINX.exists():
        pytest.fail(MISSING_NGINX, pytrace=False)
    server = start(built_site)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def chromium():
    """Headless Debian chromium; fails (never skips) when it is not installed."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM, CHROMIUM_ARGS, MISSING_BROWSER

    if not CHROMIUM.exists():
        pytest.fail(MISSING_BROWSER, pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def browser_page(chromium):
    """A fresh page (own context: no shared cookies or storage) with a watch on what it does."""
    from browser import PageWatch

    context = chromium.new_context(locale="nl-NL")
    page = context.new_page()
    watch = PageWatch()
    watch.attach(page)
    yield page, watch
    context.close()


#: Fixtures that build the real site or drive the browser: a test using one is not a unit test.
_BUILD_FIXTURES = frozenset({"built_site", "site_url"})
_BROWSER_FIXTURES = frozenset({"chromium", "browser_page"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test by what it needs, so that ``make test-fast`` (``-m "not build and not
    browser"``) selects the unit tests without anyone having to remember a marker. Tests that
    build a site themselves (``run_mkdocs_build``) carry ``pytest.mark.build`` in their module."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & _BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (_BUILD_FIXTURES | _BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)
