# The README's two commands are `make run` and `make test`; each sets up everything it needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-fast lint format bench screenshots clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Briefing Desk needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV) \
		|| { echo "Could not create $(VENV): install python3-venv (apt-get install -y python3-venv)"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	@# PYTHONWARNINGS quiets setuptools' notes about editable installs; errors still show.
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	@.ci/system-deps.sh run
	$(PY) main.py $(ARGS)

test: $(STAMP)
	@.ci/system-deps.sh test
	$(VENV)/bin/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider $(ARGS)

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not gui and not slow" $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)
	@.ci/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.benchmarks $(ARGS)

screenshots: $(STAMP)
	@.ci/system-deps.sh test
	QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build *.egg-info
