# Наставник — set-up, run, test. `make run` and `make test` are the two commands in README.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup assets bytecode db demo serve e2e clean

run: setup db demo serve

setup: $(STAMP) assets bytecode

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

assets:
	@bin/fetch-assets

# A service may not write into the code (systemd's ProtectSystem): compile the modules now, else every
# start compiles them all again. Only changed files are compiled, so `make setup` after an upgrade is quick.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q webapp matching

db: setup
	$(BIN)/flask --app webapp upgrade

demo: db
	$(BIN)/flask --app webapp load-demo --if-empty

serve:
	$(BIN)/flask --app webapp serve

# Three workers (pytest-xdist) on two cores: the browser tests stay together on one of them, which waits on the
# browser and the served app part of the time, and the third worker fills those waits (an idle 2-core machine,
# no kept sentence vectors: 143.5 s against 145.6 s with two). TEST_WORKERS=0: one process.
# Compiled files are kept even where PYTHONDONTWRITEBYTECODE is set: pytest otherwise rewrites the asserts
# of every test module again in each worker at each run (about 5 s of a worker's start).
TEST_WORKERS ?= 3
test: setup
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS)

clean:
	rm -rf $(VENV) static/vendor
