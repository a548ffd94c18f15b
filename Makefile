# clashlog — make demo | make test | make eval | make eval-gate | make bench
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint eval eval-gate bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/clashlog extract --format table examples/articles

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts

eval: $(STAMP)
	$(BIN)/clashlog eval --all --shared $(SHARED) --write docs/accuracy.md

eval-gate: $(STAMP)
	$(BIN)/clashlog eval --all --shared $(SHARED) --gate eval_floors.toml

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --shared $(SHARED) --write docs/performance.md

clean:
	rm -rf $(VENV) build dist src/*.egg-info
