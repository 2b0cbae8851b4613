# Sổ Vàng — the two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench clean
.PHONY: dist check-dist clean-dist

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(APP_STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(APP_STAMP) $(TEST_STAMP)

run: $(APP_STAMP)
	$(BIN)/python scripts/system_deps.py --gui
	$(BIN)/sovang

lint: $(TEST_STAMP)
	$(BIN)/ruff check app tests bench scripts
	$(BIN)/python scripts/mypy_baseline.py

test: $(TEST_STAMP) lint
	$(BIN)/python scripts/system_deps.py
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -n 2 --dist loadfile

bench: $(TEST_STAMP)
	$(BIN)/python scripts/system_deps.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# For contributors and CI (not the README's user commands): the frozen one-folder app, built with
# PyInstaller in its own venv (.venv-build) into dist/SoVang; then the check that runs it offscreen the
# way a user would (scripts/check_frozen.py: init, demo, every page of the GUI, decisions to PDF/Word).
dist: $(APP_STAMP)
	$(BIN)/python scripts/system_deps.py --dist
	PYTHON=$(PYTHON) installer/build.sh

check-dist: $(APP_STAMP)
	$(MAKE) dist
	$(PYTHON) scripts/check_frozen.py dist/SoVang

clean-dist:
	rm -rf dist build .venv-build
