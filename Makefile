# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install install-test clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $(STAMP)

$(VENV)/.installed-test: $(STAMP)
	$(BIN)/pip install -q -e '.[test,fr]'
	touch $(VENV)/.installed-test

install: $(STAMP)

install-test: $(VENV)/.installed-test

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/eventwire demo --db sqlite:///demo.db

lint: install-test
	$(BIN)/ruff check src tests

test: install-test
	$(BIN)/ruff check src tests
	$(BIN)/pytest -q -ra $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) demo.db* .pytest_cache
