"""The Help menu: the rules reference, the keyboard shortcuts, and About (version, licences, icon credit)."""

from __future__ import annotations

import html
import platform
from collections.abc import Callable
from importlib import metadata

import PySide6
from PySide6.QtCore import QObject, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wadesk import __version__
from wadesk.cli.listing import rules_markdown

#: wadesk's own licence (SPDX), as pyproject.toml declares it (a test keeps them equal).
LICENCE = "Apache-2.0"

#: The packages wadesk runs on, whose licences About lists from their installed metadata.
DEPENDENCIES = ("PySide6-Essentials", "shiboken6", "diagrams", "networkx", "pydantic", "platformdirs")

#: What the mouse and keys do on the canvas beyond the menus' shortcuts: (gesture, effect).
CANVAS_GESTURES = (
    ("Ctrl + mouse wheel", "Zoom around the pointer"),
    ("Middle-button drag, or Space + drag", "Pan the view"),
    ("Drag from a node's handle onto another node", "Draw a flow between them"),
    ("Double-click a node or a flow", "Rename it in place (Enter keeps it, Escape cancels)"),
    ("Double-click a component in the palette", "Add it in the middle of the view"),
    ("Drag on empty canvas", "Select the nodes the rubber band touches"),
    ("Right-click a node, a flow or empty canvas", "Its context menu (also on a finding in the analysis pane)"),
)


def package_licence(name: str) -> tuple[str, str]:
    """(version, licence) of an installed distribution, from its metadata; "unknown" where it says nothing."""
    try:
        meta = metadata.metadata(name)
    except metadata.PackageNotFoundError:
        return "not installed", "unknown"
    licence = meta.get("License-Expression") or meta.get("License") or ""
    if not licence or len(licence) > 80:  # some packages paste the whole licence text here
        classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        licence = ", ".join(classifiers) or "unknown"
    return meta.get("Version") or "unknown", licence


def about_html() -> str:
    """The text of the About dialog."""
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{html.escape(version)}</td><td>{html.escape(licence)}</td></tr>"
        for name, (version, licence) in ((name, package_licence(name)) for name in DEPENDENCIES)
    )
    return f"""
<h2>wadesk {html.escape(__version__)}</h2>
<p>Draw AWS architectures and review them against the AWS Well-Architected Framework
and the shared-responsibility model.</p>
<p>wadesk is free software under the {LICENCE} licence.</p>
<h3>AWS Architecture Icons</h3>
<p>The service icons are the AWS Architecture Icons, &copy; Amazon Web Services, Inc. or its affiliates,
as shipped by the <a href="https://github.com/mingrammer/diagrams">diagrams</a> package. They remain
Amazon's and are used as AWS allows for architecture diagrams
(<a href="https://aws.amazon.com/architecture/icons/">aws.amazon.com/architecture/icons</a>).
AWS, the AWS service names and their icons are trademarks of Amazon.com, Inc. or its affiliates;
wadesk is not made or endorsed by Amazon.</p>
<h3>Built with</h3>
<table cellspacing="0" cellpadding="3">
<tr><th align="left">package</th><th align="left">version</th><th align="left">licence</th></tr>
{rows}
</table>
<p>Qt {html.escape(qVersion())} (LGPL-3.0-only, through Qt for Python {html.escape(PySide6.__version__)}),
Python {html.escape(platform.python_version())}. Graphviz, when installed, lays designs out
and draws the <i>diagrams</i> exports.</p>
"""


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, str]]:
    """(where in the menus, keys) for every menu action that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []

    def walk(menu: QMenu, trail: str) -> None:
        for action in menu.actions():
            text = action.text().replace("&", "").rstrip("…")
            if action.menu() is not None:
                walk(action.menu(), f"{trail} → {text}")
            elif not action.isSeparator() and not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                rows.append((f"{trail} → {text}", keys))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), top.text().replace("&", ""))
    return rows


class TextDialog(QDialog):
    """A window of read-only rich text with a Close button (About, the rules reference)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.browser)
        self._layout.addWidget(buttons)


class RulesDialog(TextDialog):
    """The generated rules reference (the same text as docs/rules.md), with a find box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("wadesk rules", parent)
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText("Find (Enter for the next match)")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self._on_find_box_return_pressed)
        self._layout.insertWidget(0, self.find_box)
        self.browser.setMarkdown(rules_markdown())
        self.resize(900, 700)

    def find_next(self, text: str) -> bool:
        """Select the next occurrence of ``text`` (from the top again after the last one); False when absent."""
        if not text:
            return False
        if self.browser.find(text):
            return True
        self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        return self.browser.find(text)

    def _on_find_box_return_pressed(self) -> None:
        self.find_next(self.find_box.text())


class ShortcutsDialog(QDialog):
    """Every menu shortcut of the window, then the canvas's mouse and key gestures."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = [(keys, where) for where, keys in shortcut_rows(menu_bar)] + list(CANVAS_GESTURES)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Keys or gesture", "Does"])
        for row, (keys, does) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(does))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 560)


class HelpMenu(QObject):
    """Adds the Help menu to a main window and owns its dialogs (one of each, shown again when asked twice)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.menu = window.menuBar().addMenu("&Help")
        self.rules_action = self._add("&Rules", self.show_rules)
        self.shortcuts_action = self._add("&Keyboard Shortcuts", self.show_shortcuts)
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.menu.addSeparator()
        self.about_action = self._add("&About wadesk", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._add("About &Qt", QApplication.aboutQt)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)
        self._dialogs: dict[str, QDialog] = {}

    def _add(self, text: str, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _show(self, key: str, make: Callable[[], QDialog]) -> QDialog:
        dialog = self._dialogs.get(key)
        if dialog is None:
            dialog = make()
            self._dialogs[key] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_about(self) -> TextDialog:
        """Show the About window: version, licences and the credit for the AWS icons."""

        def make() -> TextDialog:
            dialog = TextDialog("About wadesk", self._window)
            dialog.browser.setHtml(about_html())
            dialog.resize(620, 560)
            return dialog

        return self._show("about", make)  # type: ignore[return-value]

    def show_shortcuts(self) -> ShortcutsDialog:
        """Show the table of keyboard shortcuts and canvas gestures."""
        return self._show("shortcuts", lambda: ShortcutsDialog(self._window.menuBar(), self._window))  # type: ignore[return-value]

    def show_rules(self) -> RulesDialog:
        """Show the rules reference."""
        return self._show("rules", lambda: RulesDialog(self._window))  # type: ignore[return-value]
