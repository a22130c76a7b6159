# `make serve` and `make test` do all set-up themselves on a fresh Debian machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check benchmark lock system-deps clean

# The virtual environment, with exactly the versions and hashes in requirements.txt.
$(VENV)/installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

# Debian's Chromium drives the browser tests (Playwright cannot download a browser here).
system-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian's package)"; fi; \
	fi

serve: $(VENV)/installed
	$(BIN)/mkdocs serve

build: $(VENV)/installed
	$(BIN)/mkdocs build

check: $(VENV)/installed
	$(BIN)/python -m scripts.check_clauses

test: $(VENV)/installed system-deps
	$(BIN)/python -m pytest

benchmark: $(VENV)/installed system-deps
	$(BIN)/python -m benchmarks.check_clauses
	$(BIN)/python -m benchmarks.search

lock: $(VENV)/installed
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in

clean:
	rm -rf site .pytest_cache
