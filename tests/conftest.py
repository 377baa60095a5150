"""Test set-up: Qt runs offscreen; pure tests need no QApplication."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--install-tests", action="store_true",
                     help="also build the wheel and sdist and try them in a fresh venv (make test does; ~1 min)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `install` build and install the package: `make test` runs them, a plain `pytest` skips them."""
    if config.getoption("--install-tests"):
        return
    skip = pytest.mark.skip(reason="builds and installs the package: run with --install-tests (make test does)")
    for item in items:
        if "install" in item.keywords:
            item.add_marker(skip)
