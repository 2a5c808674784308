# Two commands for a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean browser-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

# Loads the demo corpus and its sample analyses, shows cited searches, then serves the web app.
demo: $(STAMP)
	$(BIN)/touyan demo load
	$(BIN)/touyan demo run
	$(BIN)/touyan serve

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# The browser tests drive Debian's chromium (never `playwright install`), and PDF exports need
# CJK fonts and HarfBuzz's subsetter (WeasyPrint embeds only the glyphs a report uses); all
# come from apt-get, and only when missing.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q . \
		|| ! ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset; then \
		if command -v apt-get >/dev/null 2>&1; then \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && \
			$$SUDO apt-get install -y -qq chromium fonts-noto-cjk libharfbuzz-subset0 >/dev/null; \
		else \
			echo "chromium or CJK fonts missing and no apt-get: browser tests will skip"; \
		fi; \
	fi

test: lint browser-deps
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/facts.py
	$(BIN)/python bench/verify.py
	$(BIN)/python bench/research.py
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
