"""MkDocs adapter: config options and event hooks, nothing else.

Domain work happens in ``content`` (load, validate), ``catalogue``, ``views`` and ``pages``;
the workarounds of MkDocs' and Material's internals live in ``platform``. This module only
wires them into MkDocs' build, so they stay testable and engine-independent.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .build_clock import build_time
from .catalogue import Catalogue, build_catalogue
from .content import Content, ContentErrors, load_content
from .content.errors import ContentError, github_annotations, on_github_actions
from .content.registry import CONTENT_TYPES
from .exports.feed import FeedFieldsError, check_feed_fields
from .exports.feed_files import FeedFiles
from .exports.redirects import write_redirects
from .exports.search_index import IndexBuilds
from .exports.synonyms import Synonyms
from .history import CardDates, HistoryUnavailable, read_dates
from .mentions import MentionLinker
from .page_policy import policy_problem
from .page_toc import META_KEY as PAGE_TOC
from .page_toc import toc_tokens
from .pages import PAGE_MARKERS, PageSpec, find_mentions, page_specs
from .platform import (
    GeneratedPage,
    HeldBack,
    add_site_search_synonyms,
    excluded_from_site_search,
    nav_titles,
    page_meta,
    patch_site_search_stemming,
    set_page_toc,
)
from .render import Renderer
from .review import Desk, long_sentence_counts, long_sentences, practice_text, review_desk
from .urls import ASSETS, REVIEW, index_folder, relative_url, source_uri
from .views import Site
from .worker import PARALLEL_FROM, start_worker

log = logging.getLogger("mkdocs.plugins.kennisbank")

#: Set for a build that will be published (mkdocs.yml reads site_url from it): cards must have
#: their dates then, so a clone without history is an error instead of a warning.
PUBLISHING = "KENNISBANK_SITE_URL"

#: The plugin's static files (scripts, styles, vendored lunr with its licences).
ASSETS_DIR = Path(__file__).parent / "assets"
#: The plugin's Jinja templates: page partials (kennisbank/...) and the page chrome (main.html).
TEMPLATES_DIR = Path(__file__).parent / "templates"


class KennisbankConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' Config.__init_subclass__ has no annotations
    """Options under ``plugins: - kennisbank:`` in mkdocs.yml."""

    data_dir = c.Type(str, default="data")
    #: Build the catalogue text indexes (off only to measure what they cost: make bench).
    text_index = c.Type(bool, default=True)
    #: From how many content items the build converts bodies, indexes and feeds in a second
    #: process (worker.py); 0 always (the tests compare that build with one without).
    worker_from = c.Type(int, default=PARALLEL_FROM)
    #: The last external link report (make linkcheck-extern), for the review desk; may be absent.
    link_report = c.Type(str, default="linkrapport.json")


class KennisbankPlugin(BasePlugin[KennisbankConfig]):  # type: ignore[no-untyped-call]  # idem
    """Builds the kennisbank pages from ``data/`` into the MkDocs site."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.renderer: Renderer | None = None
        self.specs: dict[str, PageSpec] = {}
        self.indexes: IndexBuilds | None = None
        self.feeds: FeedFiles | None = None
        #: The build's second process when the catalogue is large (worker.py), else None.
        self.worker: ProcessPoolExecutor | None = None
        self.linker: MentionLinker | None = None
        #: Per page, the card lists kept away from Material's search until the page is written.
        self.held_back: dict[str, HeldBack] = {}
        # While serving: the last content that validated. MkDocs keeps this plugin object
        # across rebuilds because it implements on_startup.
        self.serving = False
        self.last_good: Content | None = None
        #: While serving: the errors of the content on disk, shown on every page until fixed.
        self.serve_errors: list[ContentError] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Validation runs here, before MkDocs cleans site_dir: bad content never costs the
        # team its last good site.
        try:
            check_feed_fields()
        except FeedFieldsError as error:
            raise PluginError(str(error)) from None
        root = Path(config.config_file_path).parent
        data_dir = (root / self.config.data_dir).resolve()
        try:
            content = load_content(data_dir, display_prefix=self.config.data_dir.rstrip("/"))
            self.last_good = content
            self.serve_errors = []
        except ContentErrors as errors:
            if on_github_actions():
                print(github_annotations(errors.errors), flush=True)  # on the changed lines of the pull request
            if not self.serving or self.last_good is None:
                raise PluginError(errors.report()) from None
            # While editing: say what is wrong, loudly, and keep serving the last good content
            # instead of a stuck browser. `make build` and CI still stop on the error.
            log.error("%s\nDe site toont de laatste goede versie tot dit is opgelost.", errors.report())
            content = self.last_good
            self.serve_errors = errors.errors  # and in the browser, on every page (on_post_page)
        self.catalogue = build_catalogue(content, self._card_dates(content, data_dir, config))
        site = Site(self.catalogue)
        # For the theme's own templates (the footer on every page): the programme's address.
        programme = self.catalogue.programme
        config.extra["kennisbank_programme"] = {
            "name": programme.name,
            "email": programme.email,
            "license": {"name": programme.license.name, "title": programme.license.title, "url": programme.license.url},
        }
        if not config.site_url:
            raise PluginError(
                "kennisbank: zet site_url in mkdocs.yml (het publieke adres van de site); "
                "de feeds en de insluitcode hebben volledige webadressen nodig"
            )
        if not config.repo_url:
            # MkDocs would still make edit links, relative ones that lead nowhere.
            config.edit_uri = None
            config.edit_uri_template = None
        # The plugin's templates come right after the site's own overrides (custom_dir), before
        # the theme's: a site overrides any of them, and they override Material's main.html.
        if str(TEMPLATES_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES_DIR))
        template_dirs = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
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
            [*template_dirs, TEMPLATES_DIR],
            site,
            config.markdown_extensions,
            config.mdx_configs,
            config.site_url,
            mentions,
        )
        specs = page_specs(self.catalogue, mentions, site, root / self.config.link_report)
        self.specs = {spec.src_uri: spec for spec in specs}
        if len(self.specs) != len(specs):
            twice = sorted({spec.url for spec in specs if sum(other.src_uri == spec.src_uri for other in specs) > 1})
            raise PluginError(f"kennisbank: twee pagina's op hetzelfde adres: {', '.join(twice)}")
        review = self.specs.get(source_uri(REVIEW))
        if review is not None:  # the review desk's "bewerk" links: the card's file and line, in the repository
            review.context["edit_url"] = lambda file, line: self._edit_url(root / file, line, config)
        self._add_listings_to_menu(config)
        # While serving, a save in data/ or in the plugin's own templates and assets rebuilds.
        for watched in (data_dir, TEMPLATES_DIR, ASSETS_DIR):
            if str(watched) not in config.watch:
                config.watch.append(str(watched))
        # Last, so that nothing above can fail with a worker running: the bodies, in the order
        # of the pages that need them, are converted beside MkDocs' own work from here on.
        self._stop_worker()
        items = sum(len(self.catalogue.of(t.name)) for t in CONTENT_TYPES)
        self.worker = start_worker(items, self.config.worker_from)
        if self.worker is not None:
            self.renderer.converter.prefetch((spec.markdown for spec in specs), self.worker)
            self._count_sentences_in_worker(site, self.worker)
        return config

    def _count_sentences_in_worker(self, site: Site, worker: ProcessPoolExecutor) -> None:
        """The review desk's sentence rule over every practice, in the worker (review.py)."""
        review = self.specs.get(source_uri(REVIEW))
        if review is None:
            return
        texts = [practice_text(practice) for practice in site.all("practices")]
        counted = worker.submit(long_sentence_counts, texts)
        counts: dict[str, int] = {}

        def count(text: str) -> int:
            if not counts and not counted.cancelled() and counted.exception() is None:
                counts.update(zip(texts, counted.result(), strict=True))
            return counts[text] if text in counts else long_sentences(text)  # a failed worker: here

        today, report = review.context["today"], review.context["link_report"]
        review.context["desk"] = Desk(lambda: review_desk(site, today, report, count))

    def _card_dates(
        self, content: Content, data_dir: Path, config: MkDocsConfig
    ) -> dict[tuple[str, str | int], CardDates]:
        """When each card was added and changed, from git. Without history a local build goes on
        without dates (one warning line); a build for publication stops and says how to fix it."""
        try:
            return read_dates(content, data_dir, build_time().date())
        except HistoryUnavailable as missing:
            if os.environ.get(PUBLISHING):
                raise PluginError(
                    f"kennisbank: de kaarten krijgen hun datums (toegevoegd, gewijzigd) uit de git-geschiedenis, "
                    f"maar {missing}. Een build voor publicatie ({PUBLISHING} is gezet) stopt daarom."
                ) from None
            # --strict (the tests, make build) counts warnings as errors; a local build without
            # history is allowed, so there the line is information.
            say = log.info if config.strict else log.warning
            say("kennisbank: de kaarten krijgen geen datums: %s.", missing)
            return {}

    def _add_listings_to_menu(self, config: MkDocsConfig) -> None:
        """Every content type's listing in the site menu, after the first entry (the home page),
        in the registry's order: mkdocs.yml names only the hand-written pages."""
        if config.nav is None or self.catalogue is None:
            return  # no menu in mkdocs.yml: MkDocs lists every page, ours included
        named = set(nav_titles(config.nav))
        entries: list[Any] = []
        for content_type in sorted(
            (t for t in CONTENT_TYPES if t.listing), key=lambda t: t.listing.order if t.listing else 0
        ):
            assert content_type.listing is not None
            uri = source_uri(content_type.listing.url)
            if uri in self.specs and uri not in named:
                entries.append({content_type.listing.menu: uri})
        config.nav[1:1] = entries

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None and self.catalogue is not None
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
            GeneratedPage(
                spec.markdown,
                page_meta(spec.front_matter()),
                file,
                config,
                self.renderer.convert_page_markdown,
                titles.get(src_uri),
                spec.updated,
            )
            files.append(file)
        for asset in sorted(ASSETS_DIR.rglob("*")):
            # Notes for developers (README.md) are not part of the site; licence texts are.
            if asset.is_file() and "__pycache__" not in asset.parts and asset.suffix != ".md":
                uri = f"{ASSETS}/{asset.relative_to(ASSETS_DIR).as_posix()}"
                files.append(File.generated(config, uri, abs_src_path=str(asset)))
        patch_site_search_stemming(files, config)
        if self.config.text_index:
            self.indexes = IndexBuilds(self.renderer.site, self.worker)
        # Made from the catalogue alone: with a worker, written while MkDocs renders the pages.
        site_url = config.site_url or ""  # on_config stops without one
        self.feeds = FeedFiles(self.renderer.site, Path(config.site_dir), site_url, build_time(), self.worker)
        return files

    @staticmethod
    def _edit_url(path: Path, line: int, config: MkDocsConfig) -> str | None:
        """The repository's edit address of ``path`` at ``line``, as MkDocs makes a page's edit link."""
        if not config.repo_url or not config.edit_uri:
            return None
        relative = os.path.relpath(path, Path(config.docs_dir)).replace(os.sep, "/")
        base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
        return urljoin(base, relative) + f"#L{line}"

    def _edit_uri(self, spec: PageSpec, config: MkDocsConfig) -> str | None:
        """The page's YAML source relative to docs_dir, with its line: 'Bewerk deze pagina'
        then opens the file the card is written in (never a generated file that does not exist)."""
        if spec.source is None:
            return None
        file, line = spec.source
        root = Path(config.config_file_path).parent
        relative = os.path.relpath(root / file, Path(config.docs_dir)).replace(os.sep, "/")
        return f"{relative}#L{line}"

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.renderer is not None
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            body = self.renderer.converter.sanitised(html) if spec.sanitise else html
            held_back = self.held_back[page.file.src_uri] = HeldBack()
            html = self.renderer.render(spec.template, page.url, body, spec.context, held_back)
        else:
            template = PAGE_MARKERS.get(str(page.meta.get("kennisbank", "")))
            if template is not None:
                html = self.renderer.render(template, page.url, html, {})
        html = self._link_mentions(html, page, spec)
        if page.meta.get(PAGE_TOC):
            set_page_toc(page, toc_tokens(html))  # every section of the page, not only its body's
        if excluded_from_site_search(page.meta):
            html = self.held_back.setdefault(page.file.src_uri, HeldBack()).hold_whole(html)
        return html

    def _link_mentions(self, html: str, page: Page, spec: PageSpec | None) -> str:
        """The first mention of a background topic or concept on the page links to its explanation."""
        if (
            self.linker is None
            or page.meta.get("kennisbank_no_mentions")
            or page.meta.get("template") == "kennisbank/embed-page.html"
        ):
            return html
        if spec is not None and spec.mentions is False:
            return html  # made from data that mentions nothing explained (see find_mentions)
        own = spec.context.get("explained_key") if spec is not None else None
        return self.linker.link(html, lambda target: relative_url(target, page.url), skip=own)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        held_back = self.held_back.pop(page.file.src_uri, None)
        if held_back is not None:
            page.content = held_back.restore(page.content or "")  # whole again for plugins that read it later
            output = held_back.restore(output)
        if self.serving and self.serve_errors and self.renderer is not None:
            output = self._with_serve_errors(output, page)
        # Generated pages come from the plugin's templates (tested); hand-written ones are checked whole.
        problem = policy_problem(output, handlers=page.file.src_uri not in self.specs)
        if problem is not None:
            log.warning(
                "kennisbank: %s heeft %s. De Content-Security-Policy van de site (deploy/nginx/) blokkeert dat "
                "in productie; zet de code in een bestand onder assets/ en laad het met <script src=...>.",
                page.file.src_uri,
                problem,
            )
        return output

    def _with_serve_errors(self, output: str, page: Page) -> str:
        """The page with the content errors at its end (only while serving; see serve_errors.html)."""
        assert self.renderer is not None
        message = self.renderer.standalone(
            "kennisbank/serve_errors.html", errors=self.serve_errors, to_root=relative_url("", page.url)
        )
        end = output.rfind("</body>")
        return output[:end] + message + output[end:] if end != -1 else output + message

    @event_priority(-50)  # after Material's search plugin has written its index (the synonyms go into it)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.catalogue is not None
        assert self.renderer is not None
        site, site_dir, absolute = self.renderer.site, Path(config.site_dir), self.renderer.absolute
        if self.feeds is not None:
            self.feeds.finish()
            self.feeds = None
        favicon = str(config.theme.get("favicon") or "assets/images/favicon.png")
        write_redirects(site, site_dir, self.renderer.standalone, absolute, favicon)
        if self.indexes is not None:
            self.indexes.write(Path(config.site_dir), index_folder)
            self.indexes = None
        add_site_search_synonyms(site_dir, Synonyms(group.terms for group in self.catalogue.synonyms))
        self._stop_worker()

    def on_build_error(self, *, error: Exception) -> None:
        self.held_back = {}
        if self.feeds is not None:
            self.feeds.cancel()
            self.feeds = None
        if self.indexes is not None:
            self.indexes.close()
            self.indexes = None
        self._stop_worker(wait=False)

    def _stop_worker(self, wait: bool = True) -> None:
        """End the worker process, dropping what it has not started (a failed build does not
        ``wait`` for the task it is running)."""
        if self.renderer is not None:
            self.renderer.converter.cancel()
        if self.worker is not None:
            self.worker.shutdown(wait=wait, cancel_futures=True)
            self.worker = None
