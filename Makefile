# placezero: `make run` serves the demo, `make test` runs everything CI checks.
# Every target installs what it needs, so both work on a fresh clone.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Django 6 needs Python 3.12 or newer: take the first interpreter that runs and is new enough
# (a pyenv shim may exist for a version that is not selected, so each is tried, not just found).
PYTHON_FOR_VENV ?= $(shell for p in python3.12 $(wildcard /root/.pyenv/versions/3.12*/bin/python3) python3.13 $(wildcard /root/.pyenv/versions/3.13*/bin/python3) python3; do $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
PLACEZERO := $(VENV)/bin/placezero
HOST ?= 127.0.0.1
PORT ?= 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/placezero
PYTEST_WORKERS ?= 2
export DJANGO_SETTINGS_MODULE ?= placezero.settings.dev

.PHONY: help install static migrate demo run serve test lint test-sqlite test-postgres test-browser bench bench-load bench-national pack chromium postgres clean

help:
	@echo "make run    set up everything and serve http://$(HOST):$(PORT)"
	@echo "make test   lint, the suite on SQLite and PostgreSQL, browser tests"
	@echo "make serve  gunicorn with the production settings on http://$(HOST):$(SERVE_PORT)"
	@echo "make bench  engine and web benchmarks, then the load case; results under benchmarks/"
	@echo "make pack   rebuild the committed Leicestershire place pack from ../shared/data"

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON_FOR_VENV)" || { echo "Python 3.12 or newer is needed (Django 6). Install python3.12 and retry."; exit 1; }
	test -x $(PY) || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Front-end packages from the npm registry, compiled and copied into static files.
static: node_modules/.installed
	npm run --silent build

migrate: install
	$(PY) manage.py migrate --noinput

# Rutland is a second place, so the demo shows permissions that stop at a place's edge.
# The demo's own steps notify people (inboxes fill); their emails are not printed.
DEMO_MAIL := PLACEZERO_MAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
demo: migrate
	$(PLACEZERO) place load leicestershire
	$(PLACEZERO) place load rutland
	$(PY) manage.py create_demo_accounts
	$(DEMO_MAIL) $(PY) manage.py load_governance_demo
	$(DEMO_MAIL) $(PY) manage.py load_community_demo
	$(DEMO_MAIL) $(PY) manage.py load_tracker_demo
	$(DEMO_MAIL) $(PY) manage.py load_advisory_demo
	$(DEMO_MAIL) $(PY) manage.py load_landscape_demo
	@echo "Demo loaded. Sign in with the accounts printed above (e.g. officer / demo-officer-2050)."

run: install static demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-like serving: gunicorn, the production settings, static files collected and
# served compressed by WhiteNoise. Plain HTTP on loopback, so no HTTPS redirect here (a real
# site sits behind a proxy that ends TLS: README, "Running in production"). A random secret
# key unless PLACEZERO_SECRET_KEY is set (sessions then last until the server restarts).
SERVE_PORT ?= 8001
SERVE_WORKERS ?= $(shell echo $$(( $$(nproc) * 2 + 1 )))
SERVE_ENV = DJANGO_SETTINGS_MODULE=placezero.settings.production PLACEZERO_SSL_REDIRECT=0 \
	PLACEZERO_SECRET_KEY=$${PLACEZERO_SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	PLACEZERO_DB_CONN_MAX_AGE=$${PLACEZERO_DB_CONN_MAX_AGE:-60}

serve: install static demo
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(VENV)/bin/gunicorn placezero.wsgi --bind $(HOST):$(SERVE_PORT) \
		--workers $(SERVE_WORKERS) --pid var/gunicorn.pid --forwarded-allow-ips 127.0.0.1

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

# The suite runs with its own settings (pyproject's DJANGO_SETTINGS_MODULE), not the dev
# settings this Makefile exports for `make run`: pytest-django lets the environment win.
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=placezero.settings.test

test-sqlite: install static
	$(TEST_SETTINGS) $(VENV)/bin/pytest -q -m "not browser" -n $(PYTEST_WORKERS)

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; echo "PostgreSQL did not start on 127.0.0.1:5432"; exit 1

# The Django apps are the tests that touch a database; the engine and datapack are pure
# Python (no Django), so running them a second time against PostgreSQL would prove nothing.
DB_TEST_PATHS = $(sort $(dir $(wildcard src/placezero/*/apps.py)))

test-postgres: install static postgres
	$(TEST_SETTINGS) DATABASE_URL=$(POSTGRES_URL) $(VENV)/bin/pytest -q -m "not browser" -n $(PYTEST_WORKERS) $(DB_TEST_PATHS)

chromium:
	@command -v chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium; }

test-browser: install static chromium
	$(TEST_SETTINGS) $(VENV)/bin/pytest -q -m browser -p no:xdist

test: lint test-sqlite test-postgres test-browser

# The national case builds, loads, simulates and optimises every English and Welsh place
# (175) on a Dask LocalCluster of NATIONAL_JOBS workers, in var/bench-national (its own
# database); NATIONAL_LIMIT=N does only the first N places.
NATIONAL_LIMIT ?=
NATIONAL_JOBS ?= 2
bench: install
	$(PY) -m benchmarks.run
	$(MAKE) bench-national
	$(MAKE) bench-load

bench-national: install
	$(PY) -m benchmarks.national --jobs $(NATIONAL_JOBS) $(if $(NATIONAL_LIMIT),--limit $(NATIONAL_LIMIT))

# 50 clients for 30 s against `make serve`, started here and stopped afterwards.
bench-load: install static demo
	@rm -f var/gunicorn.pid; $(MAKE) --no-print-directory serve > var/serve.log 2>&1 &
	@for i in $$(seq 1 300); do curl -fs -m 60 -o /dev/null http://$(HOST):$(SERVE_PORT)/ && exit 0; sleep 1; done; \
		echo "make serve did not answer within 5 minutes: see var/serve.log"; kill -TERM $$(cat var/gunicorn.pid); exit 1
	$(PY) -m benchmarks.load --url http://$(HOST):$(SERVE_PORT) --clients 50 --seconds 30; \
		status=$$?; kill -TERM $$(cat var/gunicorn.pid); exit $$status

pack: install
	$(PLACEZERO) place build --definition leicestershire

clean:
	rm -rf $(VENV) node_modules var staticfiles src/placezero/web/static/vendor
