# Every target sets up .venv first; the install is skipped while pyproject.toml is unchanged.
# The report's browser test drives Debian's chromium (Playwright cannot download its own here),
# so setup installs it with apt-get when it is missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
REDIS := /usr/bin/redis-server

.PHONY: setup demo test lint bench clean

setup: $(STAMP) $(CHROMIUM) $(REDIS)

$(CHROMIUM):
	command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

# The shared-frontier tests start their own redis-server (never the system service).
$(REDIS):
	command -v redis-server >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/archiver demo

test: $(STAMP) $(CHROMIUM) $(REDIS)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Rewrites the figures of docs/benchmarks.md; `make bench BENCH_ARGS=--quick` for a short run.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
