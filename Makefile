# Kennisbank Toekomstscenario: the commands of the README.
#   make serve   build and serve the site on http://127.0.0.1:8000, rebuilding on every save
#   make test    lint, then every test, browser tests in Debian's chromium included
#   make test-fast  the unit tests only: no site build, no browser (under 30 s)
#   make lint    ruff (lint and format check) and mypy (strict on the plugin package)
#   make opmaak  bring data/*.yaml into the agreed style (make lint checks it)
#   make opmaak-code  let ruff format the Python code
#   make snapshot  record the built site's pages and cards (tests/snapshots/site.json) after a content change
#   make build   build site/ (swapped into place only when the build succeeded)
#   make preview build, then serve site/ through Debian's nginx with deploy/nginx/ on 127.0.0.1:8080
#   make check   validate data/ without building
#   make nieuw   add a card of any type editors add (asks which; or TYPE=instrument ARGS="--titel ...")
#   make schema  write the JSON Schemas of the data files (schemas/) from the models
#   make linkcheck  build, serve on 127.0.0.1 and check every internal link and anchor
#   make linkcheck-extern  check every external URL of the content; report in linkrapport.md
#   make leesbaarheid  plain-language report per card (long sentences, rare words); leesbaarheid.md
#   make hooks   install the git hooks of .pre-commit-config.yaml (make check before a commit)
#   make pdf     build, then write dossier.pdf next to every dossier page (Debian's chromium; not in CI)
#   make bench   benchmark at 1,000 / 5,000 / 10,000 synthetic cards (slow; not a test)
# Each sets up .venv from the pinned requirements first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# make bench BENCH_SIZES="1000" for a quick run
BENCH_SIZES ?= 1000 5000 10000
# The Nu HTML Checker for the markup tests (version pinned in scripts/ensure_vnu.py), and where it goes.
export VNU_JAR := $(abspath $(VENV))/vnu/vnu.jar
# make preview serves on this port
PREVIEW_PORT ?= 8080
export PREVIEW_PORT
# Material 9.7+ prints a banner about MkDocs 2.0 on every build; it says nothing about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: pdf serve build preview nginx vnu opmaak test test-fast lint opmaak-code snapshot check nieuw schema linkcheck linkcheck-extern leesbaarheid bench chromium venv hooks clean

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml scripts/bootstrap.sh
	@bash scripts/bootstrap.sh "$(PYTHON)" "$(VENV)"
	@touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/python scripts/build_site.py

check: $(STAMP)
	$(BIN)/python scripts/check_content.py

chromium:
	@bash scripts/ensure-debian.sh chromium /usr/bin/chromium "De browsertests hebben Debian's chromium nodig."

nginx:
	@bash scripts/ensure-debian.sh nginx /usr/sbin/nginx "De servertests en make preview draaien de site achter Debian's nginx."

vnu: $(STAMP)
	@bash scripts/ensure-debian.sh default-jre-headless /usr/bin/java "De HTML-controle (Nu HTML Checker) draait op Java."
	@$(BIN)/python scripts/ensure_vnu.py $(VNU_JAR)

preview: build nginx
	$(BIN)/python scripts/preview.py site

test: $(STAMP) chromium nginx vnu lint
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not build and not browser"

lint: $(STAMP)
	$(BIN)/python scripts/opmaak.py --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

opmaak: $(STAMP)
	$(BIN)/python scripts/opmaak.py

opmaak-code: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

snapshot: $(STAMP)
	$(BIN)/python scripts/dev/site_snapshot.py --build --write tests/snapshots/site.json

nieuw: $(STAMP)
	$(BIN)/python scripts/nieuw.py $(if $(TYPE),--type $(TYPE)) $(ARGS)

schema: $(STAMP)
	$(BIN)/python scripts/schema.py

linkcheck: $(STAMP)
	$(BIN)/python scripts/internal_links.py

leesbaarheid: $(STAMP)
	$(BIN)/python scripts/leesbaarheid.py --report leesbaarheid.md

linkcheck-extern: $(STAMP)
	$(BIN)/python scripts/linkcheck_extern.py --report linkrapport.md

pdf: build chromium
	$(BIN)/python scripts/make_pdf.py site

hooks: $(STAMP)
	$(BIN)/pre-commit install

bench: $(STAMP) chromium
	$(BIN)/python scripts/bench/bench.py --sizes $(BENCH_SIZES)
	$(BIN)/python scripts/bench/compare.py --sizes $(BENCH_SIZES)

clean:
	rm -rf site .site-* $(VENV)
