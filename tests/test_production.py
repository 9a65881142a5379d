"""The site as production serves it: Debian's nginx with deploy/nginx/kennisbank.conf.

The ``site_url`` fixture is that server (every browser test runs behind it); these tests check
what the configuration promises: the headers on every kind of response, that only ``/embed/``
can be framed by another site, that the feeds can be fetched from another site, that no page
needs an inline script, and, on every page of the site, zero Nu HTML Checker errors of the
project's own and zero axe-core violations.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser import axe_violations, serve, wait_until
from conftest import ROOT

#: One of each kind of response the server gives, by what it is.
RESPONSES = {
    "page": "praktijken/",
    "card": "praktijken/gezinsadvocaat-hart-van-brabant/",
    "hand-written page": "insluiten/",
    "dossier": "regio/ijsselland/dossier/",
    "embed list": "embed/praktijken/",
    "embed region": "embed/regio/ijsselland/",
    "feed": "api/v1/praktijken.json",
    "atom": "api/v1/praktijken.atom",
    "region feed": "api/v1/regio/ijsselland.json",
    "own script": "assets/kennisbank/filters.js",
    "theme script": "",  # filled in from the built page (its name carries a hash)
    "site search index": "search/search_index.json",
}
EMBEDS = ("embed list", "embed region")


def fetch(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def policy(header: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as {directive: sources}."""
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture(scope="module")
def responses(site_url: str, built_site: Path) -> dict[str, tuple[int, dict[str, str], bytes]]:
    bundle = re.search(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", (built_site / "index.html").read_text())
    assert bundle is not None
    paths = {**RESPONSES, "theme script": bundle.group(0)}
    return {name: fetch(site_url + path, **{"Accept-Encoding": "gzip"}) for name, path in paths.items()}


def test_every_response_carries_the_security_headers(responses) -> None:
    for name, (status, headers, _) in responses.items():
        assert status == 200, name
        csp = policy(headers["content-security-policy"])
        assert csp["default-src"] == ["'self'"] and csp["script-src"] == ["'self'"], name  # no 'unsafe-inline'
        assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"], name
        assert headers["x-content-type-options"] == "nosniff", name
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin", name
        assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
        assert "server" not in headers or "/" not in headers["server"], "no nginx version in the Server header"


def test_only_embeds_may_be_framed_by_other_sites(responses) -> None:
    for name, (_, headers, _) in responses.items():
        ancestors = policy(headers["content-security-policy"])["frame-ancestors"]
        if name in EMBEDS:
            assert ancestors == ["*"] and "x-frame-options" not in headers, name
        else:
            assert ancestors == ["'self'"] and headers["x-frame-options"] == "SAMEORIGIN", name


def test_feeds_have_their_types_and_may_be_fetched_by_any_site(responses) -> None:
    for name, kind in (
        ("feed", "application/json"),
        ("atom", "application/atom+xml"),
        ("region feed", "application/json"),
    ):
        _, headers, _ = responses[name]
        assert headers["content-type"] == f"{kind}; charset=utf-8", name
        assert headers["access-control-allow-origin"] == "*", name
    for name in ("page", "card", "embed list", "own script"):
        assert "access-control-allow-origin" not in responses[name][1], name


def test_caching_long_only_for_fingerprinted_theme_files_and_gzip(responses) -> None:
    for name, (_, headers, _) in responses.items():
        expected = "public, max-age=31536000, immutable" if name == "theme script" else "no-cache"
        assert headers["cache-control"] == expected, name
    for name in ("page", "feed", "atom", "own script", "theme script", "site search index"):
        assert responses[name][1].get("content-encoding") == "gzip", name
        assert "Accept-Encoding" in responses[name][1].get("vary", ""), name


def test_missing_pages_get_the_sites_404_and_folders_a_relative_redirect(site_url: str) -> None:
    status, headers, body = fetch(site_url + "bestaat-niet/")
    assert status == 404 and "content-security-policy" in headers
    assert "Pagina niet gevonden" in body.decode() or "404" in body.decode()
    assert b"md-header" in body, "the site's own 404 page, with its header and menu"
    status, headers, _ = fetch(site_url + "praktijken")
    assert status == 301 and headers["location"] == "/praktijken/"  # no host or port: right behind any proxy


def test_no_page_has_inline_script_or_event_handlers(built_site: Path) -> None:
    """The policy allows no inline script; the build moves Material's into files."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
    handler = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+=", re.IGNORECASE)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 150
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not inline.search(html), path.relative_to(built_site)
        assert not handler.search(html), path.relative_to(built_site)


def _host_page(folder: Path, body: str) -> None:
    (folder / "index.html").write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Regio</title></head><body>{body}</body></html>',
        encoding="utf-8",
    )


@pytest.mark.browser
def test_another_site_can_frame_only_the_embeds(site_url: str, browser_page, tmp_path: Path) -> None:
    page, _ = browser_page
    targets = {
        "praktijken/": False,
        "": False,
        "regio/ijsselland/": False,
        "embed/praktijken/": True,
        "embed/regio/ijsselland/": True,
        "embed/praktijken/?kernelement=passende-hulp": True,
    }
    frames = "".join(f'<iframe src="{site_url}{path}" title="{path}"></iframe>' for path in targets)
    _host_page(tmp_path, frames)
    server = serve(tmp_path)
    host_url = next(server)
    try:
        assert host_url.split(":")[2] != site_url.split(":")[2]  # another origin
        page.goto(host_url, wait_until="networkidle")
        for index, (path, allowed) in enumerate(targets.items()):
            frame = page.locator("iframe").nth(index).element_handle().content_frame()
            assert frame is not None, path
            if allowed:
                assert frame.url == site_url + path, path
                assert frame.evaluate("document.body.classList.contains('kb-embed')"), path
            else:
                assert not frame.url.startswith(site_url), (path, frame.url)  # Chromium's error page
    finally:
        server.close()


@pytest.mark.browser
def test_another_site_can_fetch_the_feeds_but_not_the_pages(site_url: str, browser_page, tmp_path: Path) -> None:
    page, _ = browser_page
    _host_page(tmp_path, "<h1>Regio</h1>")
    server = serve(tmp_path)
    try:
        page.goto(next(server))
        read = page.evaluate(
            """async base => {
                const out = {};
                for (const path of ["api/v1/praktijken.json", "api/v1/praktijken.atom", "praktijken/"]) {
                    try { const r = await fetch(base + path); out[path] = [r.status, (await r.text()).slice(0, 60)]; }
                    catch (e) { out[path] = ["geweigerd", String(e)]; }
                }
                return out;
            }""",
            site_url,
        )
    finally:
        server.close()
    assert read["api/v1/praktijken.json"][0] == 200 and '"$schema"' in read["api/v1/praktijken.json"][1]
    assert read["api/v1/praktijken.atom"][0] == 200 and "<?xml" in read["api/v1/praktijken.atom"][1]
    assert read["praktijken/"][0] == "geweigerd"


CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
    window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


@pytest.mark.browser
def test_what_readers_do_works_under_the_policy(site_url: str, browser_page) -> None:
    """Filters, text search, site search, the region snippet's preview, the dossier's print
    button and an embed, behind the production headers: no violation, no console error."""
    page, watch = browser_page
    page.add_init_script(CSP_WATCH)
    violations: list[str] = []

    def collect() -> None:
        violations.extend(page.evaluate("window.__cspViolations"))
        for frame in page.frames[1:]:
            violations.extend(frame.evaluate("window.__cspViolations || []"))

    page.goto(site_url + "praktijken/", wait_until="networkidle")
    page.locator("[data-kb-facet] input[type=checkbox]").first.check()
    page.locator("#kb-q").fill("gezin")
    wait_until(page, "location.search.includes('q=')")
    collect()
    page.goto(site_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("samenwerking")
    wait_until(page, "/overeenkomend/.test(document.querySelector('.md-search-result__meta').textContent)", timeout=30)
    collect()
    page.goto(site_url + "regio/ijsselland/", wait_until="networkidle")
    page.select_option("[data-kb-snippet-choice]", index=1)
    wait_until(page, "document.querySelector('[data-kb-snippet-preview]').src.includes('kernelement=')")
    page.wait_for_load_state("networkidle")
    collect()
    page.goto(site_url + "regio/ijsselland/dossier/", wait_until="networkidle")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.locator("[data-kb-print]").first.click()
    assert page.evaluate("window.__printed === true")
    collect()
    page.goto(site_url + "kompas/tools/activiteitenplan/", wait_until="networkidle")
    collect()
    assert violations == []
    assert watch.console_errors == [] and watch.page_errors == []


def _pages(site: Path) -> list[str]:
    return sorted(str(path.relative_to(site).parent).replace(".", "") for path in site.rglob("index.html"))


@pytest.mark.browser
def test_every_page_of_the_site_has_no_axe_violations(site_url: str, built_site: Path, browser_page) -> None:
    page, watch = browser_page
    pages = _pages(built_site)
    assert len(pages) > 150
    found = {}
    for path in pages:
        url = site_url + (path + "/" if path else "")
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, url
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}
    assert watch.console_errors == [] and watch.page_errors == []


def test_the_html_checker_finds_nothing_of_the_projects_own(built_site: Path) -> None:
    """The Nu HTML Checker over every page; only the theme's autocomplete on its search box is
    allowed (Material's markup, not ours)."""
    jar = Path(os.environ.get("VNU_JAR", ROOT / ".venv" / "vnu" / "vnu.jar"))
    if not jar.exists():
        pytest.fail(f"De Nu HTML Checker ontbreekt ({jar}); 'make test' installeert hem (make vnu).", pytrace=False)
    result = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html", str(built_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    theirs = "Attribute “autocomplete” is only allowed when the input type is"
    ours = [
        f"{message['url'].split(str(built_site))[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if not message["message"].startswith(theirs)
    ]
    assert ours == []
    assert any(message["message"].startswith(theirs) for message in messages), "the checker ran over the pages"


def test_make_preview_serves_and_stops_cleanly_on_ctrl_c(built_site: Path) -> None:
    """What `make preview` runs after the build: nginx in the foreground until Ctrl-C (SIGINT)."""
    import signal
    import sys
    import time

    from preview import free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "preview.py"), str(built_site)],
        env={**os.environ, "PREVIEW_PORT": str(port)},
        stdout=subprocess.PIPE,
        text=True,
        # As from a script's background job, where SIGINT starts out ignored: Ctrl-C must still work.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "deploy/nginx/kennisbank.conf" in line
        status, headers, _ = fetch(f"http://127.0.0.1:{port}/praktijken/")
        assert status == 200 and "frame-ancestors 'self'" in headers["content-security-policy"]
        process.send_signal(signal.SIGINT)
        try:
            assert process.wait(timeout=30) == 0
        except subprocess.TimeoutExpired:
            process.kill()  # (nginx then lives on; the port check below fails the test too)
            raise AssertionError("make preview stopte niet na Ctrl-C") from None
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                fetch(f"http://127.0.0.1:{port}/")
            except OSError:
                break  # nothing listens any more: nginx stopped with it
            time.sleep(0.1)
        else:
            raise AssertionError("nginx draait nog na Ctrl-C")
    finally:
        if process.poll() is None:
            process.kill()


def test_the_production_example_serves_https_with_hsts_and_every_header(built_site: Path, tmp_path: Path) -> None:
    """deploy/nginx/production.conf.example, with a throw-away certificate and free ports:
    HTTP sends readers to HTTPS; HTTPS has HSTS and still every header of kennisbank.conf."""
    import ssl
    import time

    from preview import NGINX, free_port, local_config

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    http_port, https_port = free_port(), free_port()
    example = (ROOT / "deploy" / "nginx" / "production.conf.example").read_text(encoding="utf-8")
    servers = (
        example.replace("listen [::]:80;", "")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        .replace("/etc/letsencrypt/live/kennisbank.example.nl/fullchain.pem", str(cert))
        .replace("/etc/letsencrypt/live/kennisbank.example.nl/privkey.pem", str(key))
        .replace("/var/www/kennisbank/site", str(built_site))
    )
    assert servers.count(str(built_site)) == 1 and servers.count("127.0.0.1:") == 2
    (tmp_path / "kennisbank").mkdir()
    (tmp_path / "kennisbank" / "kennisbank.conf").write_bytes(
        (ROOT / "deploy" / "nginx" / "kennisbank.conf").read_bytes()
    )
    (tmp_path / "nginx.conf").write_text(local_config(built_site, 0, tmp_path, servers=servers), encoding="utf-8")
    process = subprocess.Popen([str(NGINX), "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", "stderr"])
    try:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(f"https://127.0.0.1:{https_port}/praktijken/", context=context) as response:
                    headers = {k.lower(): v for k, v in response.headers.items()}
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "nginx start niet met het voorbeeld"
                time.sleep(0.1)
        assert headers["strict-transport-security"] == "max-age=63072000; includeSubDomains"
        assert (
            "frame-ancestors 'self'" in headers["content-security-policy"]
            and headers["x-frame-options"] == "SAMEORIGIN"
        )
        status, plain, _ = fetch(f"http://127.0.0.1:{http_port}/praktijken/")
        assert status == 301 and plain["location"].startswith("https://")
    finally:
        process.terminate()
        process.wait(timeout=10)
