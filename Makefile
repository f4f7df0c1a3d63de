# CareQueue: one entry point. `make run` to use it, `make test` to check it.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
PYTEST_ARGS ?=

.PHONY: run test install install-python install-frontend install-browser install-bench install-deploy bench migrate seed worker beat web clean

run: install  ## install everything and run web + worker + beat on the embedded defaults
	$(PY) -m backend.devserver

test: install install-browser install-bench install-deploy  ## install everything and run the whole suite (SQLite, then PostgreSQL if TEST_DATABASE_URL)
	$(PY) tools/run_tests.py $(PYTEST_ARGS)

install: install-python install-frontend

install-python: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

install-frontend: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install-browser:  ## Debian's Chromium for the browser tests (Playwright cannot download browsers here)
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

install-bench:  ## Debian's wrk, the load generator of the web benchmark (and of its smoke test)
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; fi; }

install-deploy: install  ## Debian's nginx, the proxy of the scale-out layout (honcho start -f deploy/scaleout/Procfile)
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; fi; }

bench: install install-bench  ## speed and memory benchmarks (BENCH_POSTGRES_URL: also book on PostgreSQL)
	$(PY) tools/run_benchmarks.py

migrate: install-python
	FLASK_APP=backend:create_app $(PY) -m flask db upgrade

seed: migrate
	FLASK_APP=backend:create_app $(PY) -m flask seed-demo --if-empty

clean:
	rm -rf $(VENV) node_modules instance tests/artifacts
