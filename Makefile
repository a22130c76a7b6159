# `make serve` and `make test` do all set-up themselves on a fresh Debian machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast test-js lint check benchmark lock system-deps clean import confirm record-english track

# The virtual environment, with exactly the versions and hashes in requirements.txt: what
# building the site needs (make serve, make build).
$(VENV)/installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

# Then what the tests, benchmark and static checks need (requirements-dev.txt, also hash-locked).
$(VENV)/dev-installed: requirements-dev.txt $(VENV)/installed
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.txt
	touch $@

# Debian packages the tests and benchmarks need, installed only when missing (as root, with one
# `apt-get update`): Chromium drives the browser tests (Playwright cannot download a browser
# here) and Noto CJK gives it the Chinese glyphs (without a CJK font the pages lay out and print
# differently), nginx serves the site as published, a Java runtime runs the Nu Html Checker, and
# Node.js with npm installs the checkers in package.json. Not root: it says what to install.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	dpkg-query -W -f='$${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' || missing="$$missing fonts-noto-cjk"; \
	PATH="$$PATH:/usr/sbin:/sbin" command -v nginx >/dev/null || missing="$$missing nginx"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Missing Debian packages:$$missing; run 'sudo apt-get install$$missing'"; fi; \
	fi

# The npm packages in package-lock.json: vnu-jar (the Nu Html Checker), Lighthouse and TypeScript.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: $(VENV)/installed
	$(BIN)/mkdocs serve

build: $(VENV)/installed
	$(BIN)/mkdocs build

check: $(VENV)/installed
	$(BIN)/python -m scripts.check_clauses

# A newly retrieved copy of the agreement: kept under source/ by its date, docs/zh/ regenerated
# from the newest retrieval (scripts/import_retrieval.py).
import: $(VENV)/installed
	@[ -n "$$SOURCE" ] || { echo "usage: make import SOURCE=path/to/retrieved.txt"; exit 2; }
	$(BIN)/python -m scripts.import_retrieval "$$SOURCE"

# Fetch the agreement from its address (the newest retrieval's url; URL=… for another), then record a
# check in source/checks.txt or import the changed text as a new retrieval (scripts/track.py).
track: $(VENV)/installed
	$(BIN)/python -m scripts.track $${URL:+--url "$$URL"}

# After revising the English: record it as published from today (translation/english/;
# scripts/english_records.py). The check names every English part not yet recorded.
record-english: $(VENV)/installed
	$(BIN)/python -m scripts.english_records record

# The translator's step after revising English parts: record that they translate the current
# Chinese (translation/translated-from.txt; scripts/translation_lock.py).
# SOURCE, URL and PART reach the commands through the environment (make exports variables set on
# its command line), never through the recipe's text: a value is an argument, not shell.
confirm: $(VENV)/installed
	@[ -n "$$PART" ] || { echo "usage: make confirm PART=4.3 (several: PART='4.3 10.3'; a section: PART=10; every part: PART=all)"; exit 2; }
	$(BIN)/python -m scripts.translation_lock confirm "$$PART"

test: $(VENV)/dev-installed system-deps node_modules/.installed lint test-js
	$(BIN)/python -m pytest

# The static checks: ruff (rules and formatting) and mypy on scripts/, tests/ and benchmarks/, strict
# (the tests and benchmarks may leave a fixture's parameters unannotated; pyproject.toml);
# TypeScript's checker on the browser JavaScript and the search core's tests, typed with JSDoc and
# never compiled (tsconfig.json, tests/js/tsconfig.json).
lint: $(VENV)/dev-installed node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	npx tsc -p tsconfig.json
	npx tsc -p tests/js/tsconfig.json

# The inner loop: model, check, exports and notes, no build, server or browser (seconds).
test-fast: $(VENV)/dev-installed
	$(BIN)/python -m pytest -m "not slow"
	@if command -v node >/dev/null; then node --test tests/js/*.test.mjs; else echo "node not found: the search core's tests (make test-js) did not run"; fi

# The search core's unit tests (tests/js), Node's own test runner: no browser, no npm package.
test-js: system-deps
	node --test tests/js/*.test.mjs

# Every benchmark, written dated to dev-docs/benchmarks.md (benchmarks/report.py).
benchmark: $(VENV)/dev-installed system-deps node_modules/.installed
	$(BIN)/python -m benchmarks.report

lock: $(VENV)/installed
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
