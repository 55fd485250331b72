# Наставник — set-up, run, test. `make run` and `make test` are the two commands in README.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup assets db demo serve e2e clean

run: setup db demo serve

setup: $(STAMP) assets

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

assets:
	@bin/fetch-assets

db: setup
	$(BIN)/flask --app webapp upgrade

demo: db
	$(BIN)/flask --app webapp load-demo --if-empty

serve:
	$(BIN)/flask --app webapp serve

# Two workers (pytest-xdist); the browser tests stay together on one of them. TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: setup
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

clean:
	rm -rf $(VENV) static/vendor
