"""MkDocs adapter: config options and event hooks, nothing else.

Domain work happens in ``content`` (load, validate), ``catalogue`` and ``pages``; this
module only wires them into MkDocs' build so they stay testable and engine-independent.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .catalogue import Catalogue, build_catalogue
from .content import Content, ContentErrors, load_content
from .exports.feed import write_feeds
from .exports.search_index import IndexBuilds
from .generated_page import GeneratedPage, nav_titles
from .mentions import MentionLinker
from .pages import ASSETS_URI, PAGE_MARKERS, PageSpec, find_mentions, index_folder, page_specs
from .render import HeldBack, Renderer, relative_url, sanitise_html

log = logging.getLogger("mkdocs.plugins.kennisbank")

ASSETS_DIR = Path(__file__).parent / "assets"
#: Material's Dutch lunr support, loaded only by its site-search worker; we append a patch.
MATERIAL_LUNR_NL = "assets/javascripts/lunr/min/lunr.nl.min.js"
QUERY_STEMMING_PATCH = Path(__file__).parent / "theme_patches" / "lunr-nl-query-stemming.js"


class KennisbankConfig(Config):
    """Options under ``plugins: - kennisbank:`` in mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    #: Build the catalogue text indexes (off only to measure what they cost: make bench).
    text_index = c.Type(bool, default=True)


class KennisbankPlugin(BasePlugin[KennisbankConfig]):
    """Builds the kennisbank pages from ``data/`` into the MkDocs site."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.renderer: Renderer | None = None
        self.specs: dict[str, PageSpec] = {}
        self.indexes: IndexBuilds | None = None
        self.linker: MentionLinker | None = None
        #: Per page, the card lists kept away from Material's search until the page is written.
        self.held_back: dict[str, HeldBack] = {}
        # While serving: the last content that validated. MkDocs keeps this plugin object
        # across rebuilds because it implements on_startup.
        self.serving = False
        self.last_good: Content | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Validation runs here, before MkDocs cleans site_dir: bad content never costs the
        # team its last good site.
        root = Path(config.config_file_path).parent
        data_dir = (root / self.config.data_dir).resolve()
        try:
            content = load_content(data_dir, display_prefix=self.config.data_dir.rstrip("/"))
            self.last_good = content
        except ContentErrors as errors:
            if not self.serving or self.last_good is None:
                raise PluginError(errors.report()) from None
            # While editing: say what is wrong, loudly, and keep serving the last good content
            # instead of a stuck browser. `make build` and CI still stop on the error.
            log.error("%s\nDe site toont de laatste goede versie tot dit is opgelost.", errors.report())
            content = self.last_good
        self.catalogue = build_catalogue(content)
        # For the theme's own templates (the footer on every page): the programme's address.
        programme = self.catalogue.programme
        config.extra["kennisbank_programme"] = {"name": programme.name, "email": programme.email}
        if not config.site_url:
            raise PluginError(
                "kennisbank: zet site_url in mkdocs.yml (het publieke adres van de site); "
                "de feeds en de insluitcode hebben volledige webadressen nodig"
            )
        if not config.repo_url:
            # MkDocs would still make edit links, relative ones that lead nowhere.
            config.edit_uri = None
            config.edit_uri_template = None
        if not config.theme.custom_dir:
            raise PluginError("kennisbank: zet theme.custom_dir (de map overrides/) in mkdocs.yml")
        # Every page explains the programme's abbreviations (Material shows them as tooltips):
        # the abbr extension's glossary applies them without definitions in each page's text.
        if self.catalogue.glossary:
            if "abbr" not in config.markdown_extensions:
                config.markdown_extensions.append("abbr")
            config.mdx_configs.setdefault("abbr", {})["glossary"] = {
                entry.term: entry.meaning for entry in self.catalogue.glossary
            }
        mentions = find_mentions(self.catalogue)
        self.linker = MentionLinker(mentions.explained)
        self.renderer = Renderer(
            Path(config.theme.custom_dir),
            self.catalogue,
            config.markdown_extensions,
            config.mdx_configs,
            config.site_url,
            mentions,
        )
        self.specs = {spec.src_uri: spec for spec in page_specs(self.catalogue, mentions)}
        if str(data_dir) not in config.watch:
            config.watch.append(str(data_dir))
        for asset in sorted(ASSETS_DIR.glob("*.css")):
            uri = f"{ASSETS_URI}/{asset.name}"
            if uri not in config.extra_css:
                config.extra_css.append(uri)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None
        titles = nav_titles(config.nav)
        for src_uri, spec in self.specs.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"kennisbank: content/{src_uri} bestaat al, maar die pagina wordt uit data/ gemaakt; "
                    "verwijder of hernoem het bestand"
                )
            inclusion = InclusionLevel.INCLUDED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            # The file's text is only for tools that read it; the page takes its source from the spec.
            file = File.generated(config, src_uri, content=spec.markdown, inclusion=inclusion)
            file.edit_uri = self._edit_uri(spec, config)
            GeneratedPage(spec, file, config, self.renderer.convert_page_markdown, titles.get(src_uri))
            files.append(file)
        for asset in sorted(ASSETS_DIR.rglob("*")):
            # Notes for developers (README.md) are not part of the site; licence texts are.
            if asset.is_file() and "__pycache__" not in asset.parts and asset.suffix != ".md":
                uri = f"{ASSETS_URI}/{asset.relative_to(ASSETS_DIR).as_posix()}"
                files.append(File.generated(config, uri, abs_src_path=str(asset)))
        self._patch_site_search_stemming(files, config)
        assert self.catalogue is not None
        if self.config.text_index:
            self.indexes = IndexBuilds(self.catalogue)
        return files

    def _edit_uri(self, spec: PageSpec, config: MkDocsConfig) -> str | None:
        """The page's YAML source relative to docs_dir, with its line: 'Bewerk deze pagina'
        then opens the file the card is written in (never a generated file that does not exist)."""
        if spec.source is None:
            return None
        file, line = spec.source
        root = Path(config.config_file_path).parent
        relative = os.path.relpath(root / file, Path(config.docs_dir)).replace(os.sep, "/")
        return f"{relative}#L{line}"

    @staticmethod
    def _patch_site_search_stemming(files: Files, config: MkDocsConfig) -> None:
        """Let Material's site search stem Dutch query words (see the patch file for why)."""
        original = files.get_file_from_path(MATERIAL_LUNR_NL)
        if original is None or original.abs_src_path is None:
            raise PluginError(f"kennisbank: {MATERIAL_LUNR_NL} niet gevonden in het thema; is search.lang nog 'nl'?")
        text = Path(original.abs_src_path).read_text(encoding="utf-8") + QUERY_STEMMING_PATCH.read_text(encoding="utf-8")
        files.remove(original)
        files.append(File.generated(config, MATERIAL_LUNR_NL, content=text))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.catalogue is not None
        write_feeds(self.catalogue, Path(config.site_dir), config.site_url or "")
        if self.indexes is not None:
            self.indexes.write(Path(config.site_dir), index_folder)
            self.indexes = None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        held_back = self.held_back.pop(page.file.src_uri, None)
        if held_back is None:
            return output
        page.content = held_back.restore(page.content or "")  # whole again for plugins that read it later
        return held_back.restore(output)

    def on_build_error(self, *, error: Exception) -> None:
        self.held_back = {}
        if self.indexes is not None:
            self.indexes.close()
            self.indexes = None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.renderer is not None
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            body = sanitise_html(html) if spec.sanitise else html
            held_back = self.held_back[page.file.src_uri] = HeldBack()
            html = self.renderer.render(spec.template, page.url, body, spec.context, held_back)
        else:
            template = PAGE_MARKERS.get(page.meta.get("kennisbank"))
            if template is not None:
                html = self.renderer.render(template, page.url, html, {})
        return self._link_mentions(html, page, spec)

    def _link_mentions(self, html: str, page: Page, spec: PageSpec | None) -> str:
        """The first mention of a background topic or concept on the page links to its explanation."""
        if self.linker is None or page.meta.get("kennisbank_no_mentions") or page.meta.get("template") == "kennisbank/embed.html":
            return html
        if spec is not None and spec.mentions is False:
            return html  # made from data that mentions nothing explained (see find_mentions)
        own = spec.context.get("explained_key") if spec is not None else None
        return self.linker.link(html, lambda target: relative_url(target, page.url), skip=own)
