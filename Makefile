# Two entry points for a new user: `make demo` and `make test`. Both build .venv from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/tour.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy asana_typed codegen tests examples bench $(wildcard stubs/*/)

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

# Installs asana==3.2.3 and asana==5.4.0 into bench/.venvs/ (once), then runs every job.
bench: $(STAMP)
	$(BIN)/python bench/run.py --install

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
