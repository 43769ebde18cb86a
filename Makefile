# stek — every task runs through make. Needs Python 3.11, pip and make; nothing else.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed-$(shell cat requirements.lock requirements-dev.lock | cksum | cut -d' ' -f1)

.PHONY: help install run demo test test-fast test-e2e quality format lint messages lock bench smoke load clean

help:
	@echo "make run      set up .venv, migrate SQLite, load demo data, print logins, serve on http://127.0.0.1:8000"
	@echo "make test     set up .venv and run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make quality  ruff format --check, ruff check, manage.py check, makemigrations --check"
	@echo "make messages update and compile the nl/fr/en translation catalogues"
	@echo "make smoke    run the README's production steps on PostgreSQL with gunicorn and use the site"
	@echo "make load     50 users for 2 minutes against gunicorn + PostgreSQL (LOAD_USERS, LOAD_SECONDS)"
	@echo "make lock     re-pin requirements.lock and requirements-dev.lock from the .in files"

$(STAMP): requirements.lock requirements-dev.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock -r requirements-dev.lock
	@# The rules package (rules/) is used in place, like an editable install, without a build step.
	echo "$(CURDIR)/rules" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/stek-rules.pth"
	@echo "Preparing the personal-data scanner (the first time takes 1-2 minutes)..."
	$(MANAGE) warm_scanner
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

demo: run

test: install
	$(BIN)/pytest

test-fast: install
	$(BIN)/pytest -m "not e2e"

test-e2e: install
	$(BIN)/pytest -m e2e

quality: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=tests --ignore=rules
	$(MANAGE) compilemessages --ignore=.venv

lock:
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras -o requirements.lock requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --no-emit-index-url --no-emit-find-links --strip-extras -o requirements-dev.lock requirements-dev.in

smoke: install
	$(PY) deploy/smoke.py

load: install
	$(PY) tests/load/run_load.py

bench: install
	@for f in tests/bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache db.sqlite3*
