# Session Coach: two commands on a fresh machine.
#   make run   creates .venv, installs, starts the app
#   make test  installs what the tests need (Python extras, Chromium, espeak-ng), runs them all
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test install install-dev system-deps check lint bench model corpus clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT)

check: install
	$(BIN)/coach check examples/roleplay_housing.txt; test $$? -le 1

# Debian packages the browser, audio and PostgreSQL tests use; skipped when already present.
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v espeak-ng >/dev/null \
	    || ! { command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium espeak-ng postgresql >/dev/null; \
	fi

test: install-dev system-deps
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check coach tests app.py benchmarks

corpus: install
	$(BIN)/python -m coach.corpus build

# Training fine-tunes the sentence encoder with PyTorch: the train extra, in a venv of its own (.venv-train), because
# spaCy's thinc imports PyTorch whenever it is installed, which would cost every scoring process some 250 MB and
# seconds of start-up.
TRAIN_BIN := .venv-train/bin
$(TRAIN_BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv .venv-train
	$(TRAIN_BIN)/python -m pip install -q --upgrade pip
	$(TRAIN_BIN)/pip install -q -e '.[train]'
	touch $@

model: corpus $(TRAIN_BIN)/.installed
	$(TRAIN_BIN)/coach train && $(TRAIN_BIN)/coach evaluate

bench: install
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) .venv-train build *.egg-info .pytest_cache
