# Two entry points (see README): `make demo` and `make test`. Each sets up .venv if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/mtkit align corpora/musk-trump.en.txt corpora/musk-trump.ar.txt --level paragraph --format text | tail -n 3
	$(BIN)/mtkit audit corpora/musk-trump.en.txt corpora/musk-trump.ar.txt --format html -o musk-trump.report.html
	$(BIN)/mtkit audit corpora/musk-trump.en.txt corpora/musk-trump.ar.txt --format text

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 tests

clean:
	rm -rf $(VENV) musk-trump.report.html
