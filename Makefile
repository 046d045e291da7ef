# Two entry points (see README): `make demo` and `make test`. Each sets up .venv if needed:
# the demo installs only the core (what it runs), the tests install the `test` extra.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORE := $(VENV)/.installed-core
TEST := $(VENV)/.installed-test

.PHONY: demo test setup clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(CORE): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $(CORE)

$(TEST): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $(CORE) $(TEST)

setup: $(TEST)

demo: $(CORE)
	$(BIN)/mtkit align corpora/musk-trump.en.txt corpora/musk-trump.ar.txt --level paragraph --format text | tail -n 3
	$(BIN)/mtkit audit corpora/musk-trump.en.txt corpora/musk-trump.ar.txt --format html -o musk-trump.report.html
	$(BIN)/mtkit audit corpora/musk-trump.en.txt corpora/musk-trump.ar.txt --format text

test: $(TEST)
	$(BIN)/python -m pytest -n 2 tests

clean:
	rm -rf $(VENV) musk-trump.report.html
