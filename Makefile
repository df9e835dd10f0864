# newsbrief: `make demo` and `make test` set everything up from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP_FLAGS ?= --quiet --disable-pip-version-check

.PHONY: setup demo test bench lint lock clean serve

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "newsbrief needs Python 3.11 or newer (set PYTHON=python3.11)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

demo: setup ## brief the bundled example (examples/raqqa)
	$(BIN)/newsbrief brief examples/raqqa

test: setup ## run the test suite
	$(BIN)/python -m pytest -q

serve: setup ## run the web service on http://127.0.0.1:8000 (data in newsbrief-data/)
	$(BIN)/newsbrief serve

bench: setup ## speed and quality benchmarks; writes docs/benchmarks.md
	$(BIN)/python benchmarks/run.py

lint: setup
	$(BIN)/ruff check src tests benchmarks

lock: setup ## refresh requirements.lock from the current environment
	$(BIN)/python -m pip freeze --exclude-editable --disable-pip-version-check > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache src/*.egg-info
