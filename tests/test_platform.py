"""Contract tests of the platform seam (plugins/kennisbank/platform.py and assets/platform.js).

Each workaround of MkDocs or Material internals relies on something in the installed release;
each test here pins one such thing, so that after an upgrade (or a move to the ProperDocs fork)
a red test names the workaround to review, instead of a site that quietly behaves otherwise.
No site build, no browser: these run in ``make test-fast``.
"""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path

import material
import mkdocs
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from kennisbank import platform

MATERIAL_DIR = Path(material.__file__).parent
BUNDLE = next((MATERIAL_DIR / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
REVIEW = "Lees plugins/kennisbank/platform.py en assets/platform.js na voor deze versie en werk dan de versie daar bij."


def test_the_installed_releases_are_the_tested_ones() -> None:
    assert mkdocs.__version__.startswith(platform.MKDOCS_VERSION + "."), f"MkDocs {mkdocs.__version__}. {REVIEW}"
    installed = version("mkdocs-material")
    assert installed.startswith(platform.MATERIAL_VERSION + "."), f"Material {installed}. {REVIEW}"


def test_material_fetches_its_search_index_with_xmlhttprequest() -> None:
    """platform.js holds back the index request by wrapping XMLHttpRequest.send."""
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert "search_index.json" in bundle and "XMLHttpRequest" in bundle, REVIEW
    script = (platform.Path(platform.__file__).parent / "assets" / platform.PLATFORM_SCRIPT).read_text(encoding="utf-8")
    assert "search\\/search_index\\.json" in script


def test_material_reads_q_from_every_address_as_its_search_deep_link() -> None:
    """platform.js sets a listing's ?q= aside before Material reads it."""
    assert re.search(r'\.has\("q"\)&&\(\w+\("search",!0\)', BUNDLE.read_text(encoding="utf-8")), REVIEW


def test_material_opens_its_search_with_the_keys_platform_js_watches() -> None:
    bundle = BUNDLE.read_text(encoding="utf-8")
    for key in ('"f"', '"s"', '"/"'):
        assert key in bundle, f"toets {key}: {REVIEW}"
    assert "md-search__input" in (MATERIAL_DIR / "templates" / "partials" / "search.html").read_text(encoding="utf-8")


def test_material_fetches_a_sitemap_next_to_every_alternate_link() -> None:
    """platform.js does not send that request for the Atom feed links (it would be a 404)."""
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert 'M("link[rel=alternate]")' in bundle and 'new URL("sitemap.xml",e)' in bundle, REVIEW
    assert 'addEventListener("error"' in bundle, REVIEW


def test_materials_dutch_lunr_file_is_where_the_stemming_patch_goes() -> None:
    lunr_nl = MATERIAL_DIR / "templates" / platform.MATERIAL_LUNR_NL
    assert lunr_nl.exists(), REVIEW
    assert "`Dutch` language" in lunr_nl.read_text(encoding="utf-8")
    lunr = MATERIAL_DIR / "templates" / "assets" / "javascripts" / "lunr" / "min" / "lunr.stemmer.support.min.js"
    assert lunr.exists(), REVIEW
    patch = platform.QUERY_STEMMING_PATCH.read_text(encoding="utf-8")
    assert "lunr.QueryParser.prototype.parse" in patch and "lunr.nl.stemmer" in patch


def test_materials_search_reads_the_page_in_page_context_and_honours_exclude() -> None:
    """HeldBack keeps card lists out of page.content until on_post_page: Material's search
    must read the page before that (on_page_context); a page is left out with search: exclude."""
    from material.plugins.search import plugin as search

    assert "on_page_context" in vars(search.SearchPlugin), REVIEW
    assert "on_post_page" not in vars(search.SearchPlugin), REVIEW
    assert 'search.get("exclude")' in inspect.getsource(search), REVIEW


def test_materials_search_worker_indexes_every_field_its_index_file_names() -> None:
    """add_site_search_synonyms puts the synonyms in a field of their own in search_index.json:
    Material's worker must index each field of the file's config.fields, and its plugin must
    write them there."""
    from material.plugins.search import plugin as search

    workers = MATERIAL_DIR / "templates" / "assets" / "javascripts" / "workers"
    worker = next(workers.glob("search.*.min.js")).read_text(encoding="utf-8")
    assert re.search(r"for\(let\[\w+,\w+\]of Object\.entries\(\w+\.fields\)\)this\.field\(", worker), REVIEW
    assert '"fields"' in inspect.getsource(search.SearchIndex.generate_search_index), REVIEW


def test_the_sitemap_template_is_mkdocs_own_but_for_noindex_pages() -> None:
    """templates/sitemap.xml copies MkDocs' sitemap and leaves out pages marked noindex."""
    ours = (Path(platform.__file__).parent / "templates" / "sitemap.xml").read_text(encoding="utf-8")
    theirs = (Path(mkdocs.__file__).parent / "templates" / "sitemap.xml").read_text(encoding="utf-8")
    body = ours[ours.index("#}") + 3 :]
    noindex = ' and "noindex" not in ((file.page.meta or {}).get("robots") or "")'
    assert body.replace(noindex, "") == theirs, REVIEW


def test_mkdocs_theme_templates_do_not_escape_page_titles() -> None:
    """page_meta escapes titles once, because MkDocs renders theme templates without autoescape."""
    from mkdocs.theme import Theme

    assert Theme(name="mkdocs").get_env().autoescape is False, REVIEW
    assert platform.page_meta({"title": "A & <b>"})["title"] == "A &amp; &lt;b&gt;"


def test_a_generated_page_is_the_page_mkdocs_uses_for_its_file(tmp_path: Path) -> None:
    """MkDocs' Page constructor sets file.page; MkDocs then uses that page for the file."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path), "site_dir": str(tmp_path / "site")})
    (tmp_path / "x.md").write_text("", encoding="utf-8")
    file = File("x.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    page = platform.GeneratedPage("# Kop", {"title": "X"}, file, config, lambda text: ("<h1>Kop</h1>", []))
    assert file.page is page, REVIEW
    page.read_source(config)
    page.render(config, None)  # type: ignore[arg-type]
    assert page.content == "<h1>Kop</h1>" and page.meta == {"title": "X"}


def test_a_pages_table_of_contents_can_be_read_from_its_rendered_headings(tmp_path: Path) -> None:
    """set_page_toc replaces the toc MkDocs made from the body with every h2-h6 that has an id
    (page_toc.py), nested by level; Material's toc-item prints ``title`` (HTML) and ``url``."""
    from kennisbank.page_toc import toc_tokens

    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path), "site_dir": str(tmp_path / "site")})
    file = File("x.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    page = platform.GeneratedPage("", {"title": "X"}, file, config, lambda text: ("", []))
    html = (
        '<h1>Stap</h1><h2 id="a">A &amp; <em>B</em></h2><h3 id="b">B</h3><h4>zonder id</h4>'
        '<h2 id="c">C</h2><h3 id="d">D</h3><h2 id="e">E</h2>'
    )
    platform.set_page_toc(page, toc_tokens(html))
    assert [(item.title, item.url, [child.url for child in item.children]) for item in page.toc] == [
        ("A &amp; B", "#a", ["#b"]),
        ("C", "#c", ["#d"]),
        ("E", "#e", []),
    ], REVIEW
    assert [item.level for item in page.toc] == [2, 2, 2]


def test_held_back_parts_come_back_in_place_nested_too() -> None:
    held = platform.HeldBack()
    # A call inside a call, as Jinja makes it: caller() returns markup.
    outer = held(lambda: Markup("<ul>") + held(lambda: Markup("<li>kaart</li>")) + Markup("</ul>"))
    page = f"<main>{outer}</main>"
    assert "kaart" not in page
    assert held.restore(page) == "<main><ul><li>kaart</li></ul></main>"


def test_a_page_held_back_whole_comes_back_with_its_parts() -> None:
    """A page search leaves out is held back whole (Material still runs a regular expression
    over its content); parts held back inside it come back too."""
    held = platform.HeldBack()
    inner = held(lambda: Markup("<li>kaart</li>"))
    marker = held.hold_whole(f"<article><ul>{inner}</ul></article>")
    assert "kaart" not in marker and "article" not in marker
    assert held.restore(f"<main>{marker}</main>") == "<main><article><ul><li>kaart</li></ul></article></main>"
    # Material adds an <h1> title when page.content has none: the marker keeps that decision.
    content = (MATERIAL_DIR / "templates" / "partials" / "content.html").read_text(encoding="utf-8")
    assert '{% if "\\u003ch1" not in page.content %}' in content, REVIEW
    assert "<h1" in platform.HeldBack().hold_whole("<h1>Dossier</h1><p>x</p>")
    assert "<h1" not in platform.HeldBack().hold_whole("<p>x</p>")
    assert platform.excluded_from_site_search({"search": {"exclude": True}})
    assert not platform.excluded_from_site_search({"search": None}) and not platform.excluded_from_site_search({})


def test_materials_search_scans_the_content_of_every_page() -> None:
    """Why excluded pages are held back whole: Material's on_page_context rewrites page.content
    with a regular expression after indexing, also for a page it does not index."""
    from material.plugins.search import plugin as search

    source = inspect.getsource(search.SearchPlugin.on_page_context)
    assert "re.sub" in source and "page.content" in source, REVIEW


def _code(script: Path) -> str:
    """A script file's code without its leading comment."""
    return script.read_text(encoding="utf-8").split("*/\n", 1)[1].strip()


def test_materials_inline_scripts_are_the_plugins_script_files() -> None:
    """Material's two partials with inline scripts are overridden by the plugin's, which load
    the same code from files (no 'unsafe-inline' in the CSP). The code must stay Material's."""
    theirs = MATERIAL_DIR / "templates" / "partials" / "javascripts"
    ours = Path(platform.__file__).parent / "templates" / "partials" / "javascripts"
    assets = Path(platform.__file__).parent / "assets"
    base = re.findall(r"<script>(.*?)</script>", (theirs / "base.html").read_text(encoding="utf-8"))
    assert len(base) == 1, REVIEW
    scope = '"{{ config.extra.scope | d(base_url) }}"'
    assert scope in base[0], REVIEW
    assert _code(assets / "material-base.js") == base[0].replace(scope, "document.currentScript.dataset.mdScope"), (
        REVIEW
    )
    assert 'data-md-scope="{{ config.extra.scope | d(base_url) }}"' in (ours / "base.html").read_text(encoding="utf-8")
    content = re.findall(r"<script>(.*?)</script>", (theirs / "content.html").read_text(encoding="utf-8"))
    assert [_code(assets / "material-tabs.js"), _code(assets / "material-content.js")] == content, REVIEW
    assert '"content.tabs.link" in features' in (theirs / "content.html").read_text(encoding="utf-8"), REVIEW
    # No other partial of Material's writes an inline script on this site: the ones left are
    # for features it does not use (announcement bar, version warning, cookie consent, palette
    # toggle, analytics). The built site is checked too (test_csp.py).
    for partial in sorted(theirs.glob("*.html")):
        if partial.name not in ("base.html", "content.html"):
            assert partial.name in ("announce.html", "outdated.html", "consent.html", "palette.html"), (partial, REVIEW)


def test_the_table_of_contents_is_materials_but_for_the_label_of_pages_outside_the_menu() -> None:
    """templates/partials/toc.html is Material's, with the title as a plain span where the
    __toc checkbox it would toggle does not exist (pages outside the menu)."""
    theirs = (MATERIAL_DIR / "templates" / "partials" / "toc.html").read_text(encoding="utf-8")
    ours = (Path(platform.__file__).parent / "templates" / "partials" / "toc.html").read_text(encoding="utf-8")
    ours = ours.split("-#}\n", 1)[1]
    change = re.search(
        r"    \{%- if page in nav\.pages %\}\n(.*?)    \{%- else %\}\n.*?\{%- endif %\}\n", ours, re.DOTALL
    )
    assert change is not None
    assert theirs.split("-#}\n", 1)[1] == ours.replace(change.group(0), change.group(1)), REVIEW
    nav_item = (MATERIAL_DIR / "templates" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    assert "{% elif nav_item == page %}" in nav_item and 'id="__toc"' in nav_item, REVIEW


def test_materials_menu_and_search_are_labels_for_checkboxes_it_clicks() -> None:
    """platform.js section 4 turns these labels into buttons and listens to the checkboxes'
    change events, which fire because Material toggles them with click(); its breakpoints are the
    ones the script uses for "drawer" and "search toggle"."""
    templates = MATERIAL_DIR / "templates"
    header = (templates / "partials" / "header.html").read_text(encoding="utf-8")
    assert '<label class="md-header__button md-icon" for="__drawer">' in header, REVIEW
    assert '<label class="md-header__button md-icon" for="__search">' in header, REVIEW
    base = (templates / "base.html").read_text(encoding="utf-8")
    assert 'data-md-toggle="drawer" type="checkbox" id="__drawer"' in base, REVIEW
    assert 'data-md-toggle="search" type="checkbox" id="__search"' in base, REVIEW
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert re.search(r"\w+\[e\]\.checked!==t&&\w+\[e\]\.click\(\)", bundle), REVIEW
    css = next((templates / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    script = (Path(platform.__file__).parent / "assets" / "platform.js").read_text(encoding="utf-8")
    for breakpoint in ("76.234375em", "59.984375em"):
        assert f"max-width:{breakpoint}" in css and f"(max-width: {breakpoint})" in script, REVIEW


def test_only_the_seam_touches_platform_internals() -> None:
    """No other module reaches into MkDocs' page internals or Material's files."""
    package = Path(platform.__file__).parent
    for module in package.rglob("*.py"):
        if module.name in ("platform.py", "plugin.py"):
            continue
        text = module.read_text(encoding="utf-8")
        assert "mkdocs.structure.pages" not in text and "file.page" not in text, module
        assert "material" not in re.findall(r"^(?:from|import) (\w+)", text, re.MULTILINE), module
    for script in (package / "assets").glob("*.js"):
        if script.name != platform.PLATFORM_SCRIPT:
            assert "XMLHttpRequest.prototype" not in script.read_text(encoding="utf-8"), script


def test_material_shows_an_abbreviations_explanation_on_focus_and_hover_next_to_it() -> None:
    """platform.js section 5 makes the first <abbr> of each kind focusable and relies on Material
    for the rest: with content.tooltips it gives every abbr[title] a role=tooltip explanation, shown
    while focus is inside it (focusin/focusout) or the pointer is on it (mouseenter/mouseleave), placed
    below the trigger, named by aria-describedby while shown. Section 5 hides one with the hidden
    attribute; kennisbank.css lets the pointer onto it, which Material's own CSS does not."""
    bundle = BUNDLE.read_text(encoding="utf-8")
    assert 'V("content.tooltips")&&fe(M("abbr[title]",e)).pipe(J(l=>Xe(l,{viewport$})' in bundle, REVIEW
    assert 'let n=e.title,i=Cn(n);return o.next(i),e.removeAttribute("title")' in bundle, REVIEW
    assert 'x("div",{class:"md-tooltip2",role:"tooltip"}' in bundle, REVIEW
    assert 'h(document.body,"focusin"),h(document.body,"focusout")' in bundle, REVIEW
    assert 'h(e,"mouseenter").pipe(m(()=>!0)),h(e,"mouseleave")' in bundle, REVIEW
    assert 'if(f.role==="tooltip")return{x:v,y:8+d.height}' in bundle, REVIEW  # below, not over it
    assert 'e.setAttribute("aria-describedby",i)' in bundle and "md-tooltip2--active" in bundle, REVIEW
    css = next((MATERIAL_DIR / "templates" / "assets" / "stylesheets").glob("main.*.min.css")).read_text(
        encoding="utf-8"
    )
    assert re.search(r"\.md-tooltip2\{[^}]*pointer-events:none", css), REVIEW
    script = (Path(platform.__file__).parent / "assets" / platform.PLATFORM_SCRIPT).read_text(encoding="utf-8")
    assert '".md-content abbr[title]"' in script and '"md-tooltip2--active"' in script
    ours = (Path(platform.__file__).parent / "assets" / "kennisbank.css").read_text(encoding="utf-8")
    assert '.md-tooltip2[role="tooltip"] > .md-tooltip2__inner { pointer-events: auto; }' in ours
