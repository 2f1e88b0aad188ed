# Two entry points for a fresh machine (see README): `make run` and `make test`.
# Everything installs into .venv from the pinned locks; Debian packages only for the tests.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test setup setup-test debian-test-deps lint bench clean

$(STAMP): requirements.lock requirements-fonts.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -r requirements-fonts.lock
	# setuptools warns about every editable install with mapped folders (parsers/, flows/, templates/): noise here
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install -q --no-deps -e .
	# like compiling .pyc files: what the readers work out from their patterns, kept in ~/.cache/orderwatch
	$(BIN)/python -m orderwatch.parsers.pattern_cache >/dev/null
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install -q -r requirements-test.lock
	touch $@

setup: $(STAMP)

setup-test: $(TEST_STAMP) debian-test-deps

# Dovecot (real IMAP server for the tests); isync (mbsync, the benchmark's yardstick), GNU time;
# for the case export: CJK and Latin fonts (PDF), poppler (PDF check), Chromium (page check).
debian-test-deps:
	@if ! command -v dovecot >/dev/null || ! command -v mbsync >/dev/null || [ ! -x /usr/bin/time ] \
	    || ! command -v pdftoppm >/dev/null || ! command -v chromium >/dev/null \
	    || [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends dovecot-imapd isync time poppler-utils chromium fonts-droid-fallback fonts-dejavu-core >/dev/null; \
	fi

run: $(STAMP)
	$(BIN)/orderwatch agent

# Two test workers (pytest-xdist); each module stays on one worker, so its servers start once.
test: setup-test
	$(BIN)/ruff check .
	PREFECT_SERVER_ANALYTICS_ENABLED=false $(BIN)/python -m pytest -n 2 --dist loadscope

lint: $(TEST_STAMP)
	$(BIN)/ruff check .

bench: setup-test
	$(BIN)/python bench/speed_bench.py

clean:
	rm -rf $(VENV)
