# Thin wrappers: `make run` opens the editor, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/containers-ecs.wadesk

.PHONY: run test check bench lint system-deps clean

# The example opens as an untitled copy (Save asks for a new name). Without a display (a server,
# a container) there is no window to open: check the example instead.
run: $(STAMP)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" = Darwin ]; then \
		$(PY) -m wadesk --example $(EXAMPLE); \
	else \
		echo "No display (DISPLAY is not set), so no editor window: checking $(EXAMPLE) instead."; \
		echo "To see the editor on a display-less machine: xvfb-run -a $(PY) -m wadesk --example $(EXAMPLE)"; \
		$(PY) -m wadesk check $(EXAMPLE) --fail-on never; \
	fi

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
	@packaging/install-system-deps.sh

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	@packaging/install-system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
