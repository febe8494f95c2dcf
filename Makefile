# ainews — one command per job. `make help` lists them.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The folder of articles the report reads (see README); data/raw by default.
export AINEWS_DATA ?= data/raw
JB_FLAGS ?= -W -n --keep-going

.PHONY: help install data book test browser-test bench lock clean ner-model

help: ## List the commands
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24" wheel
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies and the package

data: $(STAMP) ## Ingest $(AINEWS_DATA) into data/processed (only when the input files changed)
	$(BIN)/ainews ingest "$(AINEWS_DATA)" --if-changed

# The notebooks ingest through ainews.get_articles() when the input files changed, and the
# report's Sphinx extension (ainews.report.sphinx) re-executes them when `ainews fingerprint`
# (articles + package + lexicons) differs from the last successful build; with nothing changed
# the build reuses every output.
book: data ## Ingest (when inputs changed) and build the report into _build/html (notebooks re-run only when data, code or lexicons changed)
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo "Report: _build/html/index.html"

test: $(STAMP) ## Run the test suite (browser tests run in `make browser-test`)
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

browser-test: $(STAMP) ## Open every page of the built book in headless Chromium (after `make book`); screenshots in _build/screenshots
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

bench: $(STAMP) ## Run the benchmark scripts (print throughput and ratios)
	for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

ner-model: $(STAMP) ## Retrain the Korean NER tagger (data/models/ner_ko_crf.crfsuite) on KLUE NER in ../shared
	$(BIN)/python -m ainews.extract.ner train

lock: ## Re-resolve dependencies into requirements.lock (in a throw-away venv)
	rm -rf /tmp/ainews-lock && $(PYTHON) -m venv /tmp/ainews-lock
	/tmp/ainews-lock/bin/pip install --quiet --upgrade "pip>=24" wheel
	/tmp/ainews-lock/bin/pip install --quiet ".[book,test]"
	/tmp/ainews-lock/bin/pip freeze --exclude-editable | grep -v '^ainews' > requirements.lock
	@echo "requirements.lock updated"

clean: ## Remove generated data and the built book (inputs are never touched)
	rm -rf _build data/processed/* .jupyter_cache
