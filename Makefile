# Thin wrappers: `make run` opens the editor, `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/containers-ecs.wadesk

# The program the desktop entry runs: this checkout's .venv when there is one, else wadesk on the PATH.
WADESK ?= $(if $(wildcard $(VENV)/bin/wadesk),$(abspath $(VENV)/bin/wadesk),wadesk)

.PHONY: run test check bench lint system-deps install-desktop uninstall-desktop package clean

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

# Also builds the wheel and sdist and runs the CLI and the editor from a fresh venv outside the checkout.
test: $(STAMP) system-deps
	$(PY) -m pytest --install-tests

check: $(STAMP)
	$(PY) -m wadesk check examples/*.wadesk --fail-on never

bench: $(STAMP)
	$(PY) bench/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check wadesk tests packaging
	$(VENV)/bin/lint-imports

# Menu entry, icon, AppStream metainfo and the *.wadesk file type, for the current user
# ($$XDG_DATA_HOME, by default ~/.local/share).
install-desktop:
	WADESK="$(WADESK)" packaging/linux/desktop-integration.sh install

uninstall-desktop:
	packaging/linux/desktop-integration.sh uninstall

# The standalone application: dist/wadesk/ (one folder, run dist/wadesk/wadesk) and a .tar.gz of it,
# built by PyInstaller and then smoke-tested (CLI, report export, the editor on Xvfb).
package: $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	rm -rf dist/wadesk build/pyinstaller
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/wadesk.spec
	$(PY) packaging/pyinstaller/smoke_test.py dist/wadesk/wadesk
	tar -C dist -czf dist/wadesk-$$($(PY) -c 'import wadesk; print(wadesk.__version__)')-linux-$$(uname -m).tar.gz wadesk
	@du -sh dist/wadesk dist/wadesk-*-linux-*.tar.gz

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
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
