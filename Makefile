# Thin wrappers: `make run` opens the editor, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/three-tier-web.wadesk

.PHONY: run test check bench lint system-deps clean

run: $(STAMP)
	$(PY) -m wadesk $(EXAMPLE)

test: $(STAMP) system-deps
	$(PY) -m pytest

check: $(STAMP)
	$(PY) -m wadesk check examples/*.wadesk --fail-on never

bench: $(STAMP)
	$(PY) bench/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check wadesk tests
	$(VENV)/bin/lint-imports

# Graphviz (for the diagrams exports) and Xvfb (to look at the editor) from Debian.
system-deps:
	@command -v dot >/dev/null && command -v Xvfb >/dev/null || packaging/install-system-deps.sh

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@command -v dot >/dev/null || packaging/install-system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
