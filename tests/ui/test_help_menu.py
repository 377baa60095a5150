"""Help → Rules, Help → Keyboard Shortcuts and Help → About, as a user opens them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from wadesk import __version__
from wadesk.cli.listing import rule_records
from wadesk.ui.help_menu import CANVAS_GESTURES, LICENCE, package_licence
from wadesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _help_texts(window: MainWindow) -> list[str]:
    return [action.text() for action in window.help_menu.menu.actions() if not action.isSeparator()]


def test_the_help_menu_is_the_last_menu(window: MainWindow) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    assert _help_texts(window) == ["&Rules", "&Keyboard Shortcuts", "&About wadesk", "About &Qt"]


def test_about_names_the_version_the_licences_and_the_aws_icons(window: MainWindow) -> None:
    window.help_menu.about_action.trigger()
    dialog = window.help_menu.show_about()
    text = dialog.browser.toPlainText()
    try:
        assert dialog.isVisible() and dialog.windowTitle() == "About wadesk"
        assert f"wadesk {__version__}" in text
        assert f"under the {LICENCE} licence" in text
        assert "AWS Architecture Icons" in text and "diagrams" in text
        for name in ("PySide6-Essentials", "diagrams", "networkx", "pydantic"):
            version, licence = package_licence(name)
            assert name in text and version in text and licence in text and licence != "unknown"
        assert "LGPL-3.0" in text
    finally:
        dialog.close()


def test_the_about_licence_is_the_package_licence() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == LICENCE


def test_about_twice_shows_the_same_window(window: MainWindow) -> None:
    first = window.help_menu.show_about()
    first.close()
    again = window.help_menu.show_about()
    try:
        assert again is first and again.isVisible()
    finally:
        again.close()


def test_keyboard_shortcuts_list_the_menus_and_the_canvas_gestures(window: MainWindow) -> None:
    window.help_menu.shortcuts_action.trigger()
    dialog = window.help_menu.show_shortcuts()
    table = dialog.table
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    try:
        assert rows["Edit → Rename"] == "F2"
        assert rows["View → Auto layout"] == "Ctrl+L"
        assert rows["File → Save"] == window.save_action.shortcut().toString()
        assert rows["Help → Keyboard Shortcuts"] == "F1"
        for gesture, does in CANVAS_GESTURES:
            assert rows[does] == gesture
        assert table.rowCount() == len(rows) >= 20
    finally:
        dialog.close()


def test_rules_show_the_generated_reference_with_every_rule(window: MainWindow) -> None:
    window.help_menu.rules_action.trigger()
    dialog = window.help_menu.show_rules()
    text = dialog.browser.toPlainText()
    try:
        assert dialog.isVisible()
        assert text.startswith("wadesk rules")
        for record in rule_records():
            assert record["id"] in text
        assert "|" not in text.splitlines()[5]  # tables are rendered, not shown as Markdown source
        assert dialog.find_next("REL10-BP01") or dialog.find_next("REL")
        assert "REL" in dialog.browser.textCursor().selectedText()
        assert not dialog.find_next("no rule says this")
    finally:
        dialog.close()
