"""The shipped resources load from the package, and the package list in pyproject.toml is complete."""

from __future__ import annotations

import tomllib
from pathlib import Path

from wadesk.ui.app import app_icon

ROOT = Path(__file__).resolve().parents[2]


def test_the_application_icon_loads(qapp) -> None:  # type: ignore[no-untyped-def]
    icon = app_icon()
    assert not icon.isNull() and icon.pixmap(64, 64).width() == 64


def test_every_package_is_listed_for_the_build() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    # setuptools ships (and warns about) every folder holding files, with an __init__.py or not (the examples).
    folders = [ROOT / "wadesk", *(ROOT / "wadesk").rglob("*")]
    found = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in folders
        if folder.is_dir() and folder.name != "__pycache__"
        and any(child.is_file() and child.suffix != ".pyc" for child in folder.iterdir())
    }
    assert found == listed
