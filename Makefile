# `make serve` and `make test` do all set-up themselves on a fresh Debian machine.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-js check benchmark lock system-deps clean

# The virtual environment, with exactly the versions and hashes in requirements.txt.
$(VENV)/installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $@

# Debian packages the tests and benchmarks need, installed only when missing (as root, with one
# `apt-get update`): Chromium drives the browser tests (Playwright cannot download a browser
# here), nginx serves the site as published, a Java runtime runs the Nu Html Checker, and Node.js
# with npm installs the checkers in package.json. Not root: it says what to install.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	PATH="$$PATH:/usr/sbin:/sbin" command -v nginx >/dev/null || missing="$$missing nginx"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Missing Debian packages:$$missing; run 'sudo apt-get install$$missing'"; fi; \
	fi

# The npm packages in package-lock.json: vnu-jar (the Nu Html Checker) and Lighthouse.
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

test: $(VENV)/installed system-deps node_modules/.installed test-js
	$(BIN)/python -m pytest

# The search core's unit tests (tests/js), Node's own test runner: no browser, no npm package.
test-js: system-deps
	node --test tests/js/*.test.mjs

benchmark: $(VENV)/installed system-deps node_modules/.installed
	$(BIN)/python -m benchmarks.check_clauses
	$(BIN)/python -m benchmarks.search
	$(BIN)/python -m benchmarks.site

lock: $(VENV)/installed
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in

clean:
	rm -rf site .pytest_cache
