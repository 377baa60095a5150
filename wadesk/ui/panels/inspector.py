"""The inspector: label and properties of the selected node or flow, editors generated from the schema."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal

from pydantic import BaseModel
from PySide6.QtCore import QEvent, QObject, QSignalBlocker
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wadesk.catalog import CATALOG
from wadesk.catalog.known_values import property_warnings
from wadesk.catalog.placeholders import DEFINED_ELSEWHERE, is_defined_elsewhere, unknown_settings
from wadesk.catalog.properties import EdgeProps
from wadesk.catalog.schema import model_of
from wadesk.model import ModelError, ModelEvent
from wadesk.ui._compat import override
from wadesk.ui.document import DocumentController
from wadesk.ui.panels.editors import DescriptionEdit, NodeChecklist, ZoneCombo
from wadesk.ui.selection import SelectionModel

_INT_MAX = 2_147_483_647


def _bounds(field: Any) -> tuple[int, int]:
    low, high = 0, _INT_MAX
    for meta in getattr(field, "metadata", []):
        low = int(getattr(meta, "ge", low))
        high = int(getattr(meta, "le", high))
    return low, high


def _is_optional_int(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    return origin in (typing.Union, types.UnionType) and set(typing.get_args(annotation)) == {int, type(None)}


def _list_item(annotation: Any) -> Any:
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is list else None


class _Field:
    """One generated editor: shows a value and reports an edited one."""

    def __init__(self, name: str, widget: QWidget, show: Callable[[Any], None]) -> None:
        self.name = name
        self.widget = widget
        self.show = show
        self.error = QLabel()
        self.error.setObjectName(f"error_{name}")
        self.error.setStyleSheet("color: #D13212;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.warning = QLabel()
        self.warning.setObjectName(f"warning_{name}")
        self.warning.setStyleSheet("color: #B35500;")
        self.warning.setWordWrap(True)
        self.warning.hide()
        #: shown instead of the editor while the value is not known from the design (see ``placeholders.py``),
        #: or under it while the source leaves it unresolved ("unknown (from var.enc)")
        self.unknown = QLabel("unknown")
        self.unknown.setObjectName(f"unknown_{name}")
        self.unknown.setStyleSheet("color: #687078; font-style: italic;")
        self.unknown.setWordWrap(True)
        self.unknown.hide()
        #: states the value shown, making an unresolved setting known (a box or a list cannot be set to what it shows)
        self.state = QPushButton("State this value")
        self.state.setObjectName(f"state_{name}")
        self.state.setFlat(True)
        self.state.setToolTip("Take the value shown as what the design says: the setting is judged from now on")
        self.state.hide()


_DECIDED_ELSEWHERE = (
    "This design does not state it: the other stack or module decides it. "
    "Untick 'defined elsewhere' to describe it here."
)


class _UndoGoesToTheDocument(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z in a text field undo the design once the field holds no typing of its own.

    A QLineEdit claims the undo shortcut for its own text history, so after an
    edit was applied (Enter) the window's Undo would never fire while the
    cursor stays in the field.
    """

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QLineEdit):
            return False
        key = typing.cast(QKeyEvent, event)
        if not (key.matches(QKeySequence.StandardKey.Undo) or key.matches(QKeySequence.StandardKey.Redo)):
            return False
        if watched.isModified():
            return False  # the user is typing: undo that text first, as any text field does
        event.ignore()
        return True


class InspectorPanel(QWidget):
    """Edits the single selected node or flow through the document controller."""

    def __init__(self, document: DocumentController, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._target: str | None = None
        self.fields: dict[str, _Field] = {}
        self.title = QLabel("Nothing selected")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.elsewhere_notice = QLabel()
        self.elsewhere_notice.setObjectName("elsewhere_notice")
        self.elsewhere_notice.setWordWrap(True)
        self.elsewhere_notice.setStyleSheet(
            "background: #FFF4E5; border: 1px solid #E8A33D; border-radius: 3px; padding: 4px; color: #3D2A00;"
        )
        self.elsewhere_notice.hide()
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("label_edit")
        self.description_edit = DescriptionEdit()
        self.description_edit.setObjectName("description_edit")
        self.description_edit.setPlaceholderText("What this design is for, who owns it…")
        self.description_edit.editing_finished.connect(self._on_description_edit_editing_finished)
        self.label_edit.editingFinished.connect(self._on_label_edit_editing_finished)
        self._undo_filter = _UndoGoesToTheDocument(self)
        self.label_edit.installEventFilter(self._undo_filter)
        self.label_edit.editingFinished.connect(lambda: self.label_edit.setModified(False))
        self._form_host = QWidget()
        self._form = QFormLayout(self._form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._form_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.elsewhere_notice)
        layout.addWidget(self.label_edit)
        layout.addWidget(self.description_edit)
        layout.addWidget(scroll)
        selection.selection_changed.connect(self._on_selection_selection_changed)
        document.model_changed.connect(self._on_document_model_changed)
        document.document_replaced.connect(self._on_document_document_replaced)
        self._rebuild()

    @property
    def target(self) -> str | None:
        """The id being inspected."""
        return self._target

    # -------------------------------------------------------------- building
    def _rebuild(self) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields.clear()
        arch = self._document.arch
        current = self._selection.current()
        if current is not None and not (arch.has_node(current) or arch.has_edge(current)):
            current = None
        self._target = current
        count = len(self._selection.ids)
        self.label_edit.setEnabled(current is not None or count == 0)
        self.description_edit.setVisible(current is None and count == 0)
        self.elsewhere_notice.hide()
        if current is None:
            # Nothing selected: the inspector shows the design itself, as a drawing tool's document properties.
            self.title.setText(f"{count} items selected" if count else "Design")
            with QSignalBlocker(self.label_edit):
                self.label_edit.setText("" if count else arch.name)
            self.label_edit.setPlaceholderText("" if count else "Design name")
            self.label_edit.setToolTip("" if count else "The window title, reports and exports show it")
            if not count:
                self.description_edit.show_text(arch.description)
            return
        self.label_edit.setPlaceholderText("Label")
        self.label_edit.setToolTip("")
        if arch.has_node(current):
            node = arch.node(current)
            kind = CATALOG.get(node.kind)
            self.title.setText(f"{kind.name}  ·  {current}")
            schema: type[BaseModel] = kind.props_schema
            values = dict(node.props)
            label = node.label
        else:
            edge = arch.edge(current)
            self.title.setText(f"Flow {arch.label_of(edge.source)} → {arch.label_of(edge.target)}")
            schema, values, label = model_of(EdgeProps), dict(edge.props), edge.label
        with QSignalBlocker(self.label_edit):
            self.label_edit.setText(label)
        for name, info in schema.model_fields.items():
            field = self._make_field(name, info)
            if field is None:
                continue
            field.show(values.get(name))
            tip = info.description or name
            field.widget.setToolTip(tip)
            for editor in field.widget.findChildren(QWidget, f"field_{name}"):
                editor.setToolTip(tip)
            caption = QLabel(name.replace("_", " "))
            caption.setObjectName(f"label_{name}")
            caption.setToolTip(tip)
            row = QWidget()
            row_layout = QVBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(field.widget)
            row_layout.addWidget(field.unknown)
            row_layout.addWidget(field.state)
            field.state.clicked.connect(lambda _=False, n=name: self._state_shown(n))
            row_layout.addWidget(field.error)
            row_layout.addWidget(field.warning)
            if isinstance(field.widget, NodeChecklist) or field.widget.findChild(QTableWidget) is not None:
                # A list or a table of rules reads better across the whole panel than in the value column.
                self._form.addRow(caption)
                self._form.addRow(row)
            else:
                self._form.addRow(caption, row)
            self.fields[name] = field
        self._show_warnings()
        self._show_unknown()
        for line in self._form_host.findChildren(QLineEdit):
            line.installEventFilter(self._undo_filter)
            # Connected after the commit: once applied, the text is the design's, not pending typing.
            line.editingFinished.connect(lambda w=line: w.setModified(False))

    def _make_field(self, name: str, info: Any) -> _Field | None:
        annotation = info.annotation
        if name == "subnets" and _list_item(annotation) is str:
            return self._subnets_field(name)
        if name == "availability_zone" and annotation is str:
            return self._zone_field(name)
        if annotation is bool:
            box = QCheckBox()
            box.setObjectName(f"field_{name}")
            box.toggled.connect(lambda on, n=name: self._commit(n, bool(on)))
            return _Field(name, box, lambda v, w=box: _quiet(w, lambda: w.setChecked(bool(v))))
        if typing.get_origin(annotation) is Literal:
            combo = QComboBox()
            combo.setObjectName(f"field_{name}")
            choices = [str(c) for c in typing.get_args(annotation)]
            combo.addItems(choices)
            combo.currentTextChanged.connect(lambda text, n=name: self._commit(n, text))
            return _Field(name, combo, lambda v, w=combo: _quiet(w, lambda: w.setCurrentText(str(v))))
        if annotation is int:
            spin = QSpinBox()
            spin.setObjectName(f"field_{name}")
            spin.setRange(*_bounds(info))
            spin.editingFinished.connect(lambda n=name, w=spin: self._commit(n, w.value()))
            return _Field(name, spin, lambda v, w=spin: _quiet(w, lambda: w.setValue(int(v or 0))))
        if _is_optional_int(annotation):
            return self._optional_int_field(name, info)
        if annotation is str:
            line = QLineEdit()
            line.setObjectName(f"field_{name}")
            line.editingFinished.connect(lambda n=name, w=line: self._commit(n, w.text()))
            return _Field(name, line, lambda v, w=line: _quiet(w, lambda: _show_text(w, str(v or ""))))
        item = _list_item(annotation)
        if item is str:
            line = QLineEdit()
            line.setObjectName(f"field_{name}")
            line.setPlaceholderText("comma-separated")
            line.editingFinished.connect(
                lambda n=name, w=line: self._commit(n, [s.strip() for s in w.text().split(",") if s.strip()]))
            return _Field(name, line, lambda v, w=line: _quiet(w, lambda: _show_text(w, ", ".join(v or []))))
        if isinstance(item, type) and issubclass(item, BaseModel):
            return self._table_field(name, item)
        return None

    def _subnets_field(self, name: str) -> _Field:
        checklist = NodeChecklist()
        checklist.setObjectName(f"field_{name}")
        checklist.picked.connect(lambda ids, n=name: self._commit(n, ids))
        return _Field(name, checklist, lambda v: checklist.show_choices(self._subnet_choices(), list(v or [])))

    def _zone_field(self, name: str) -> _Field:
        combo = ZoneCombo()
        combo.setObjectName(f"field_{name}")
        combo.zone_chosen.connect(lambda zone, n=name: self._commit(n, zone))
        return _Field(name, combo, lambda v: combo.show_zone(str(v or ""), self._design_zones()))

    def _subnet_choices(self) -> list[tuple[str, str]]:
        """(id, "label · zone · public") of every subnet of the design, by label."""
        arch = self._document.arch
        choices = []
        for node in arch.nodes():
            if node.kind != "subnet":
                continue
            zone = str(node.props.get("availability_zone") or "") or next(
                (str(arch.props_of(a).get("name") or "") for a in arch.ancestors(node.id)
                 if arch.node(a).kind == "availability_zone"), "")
            details = [zone] if zone else []
            details.append("public" if node.props.get("public") else "private")
            choices.append((node.id, f"{arch.label_of(node.id)} · {' · '.join(details)}"))
        return sorted(choices, key=lambda choice: choice[1].lower())

    def _design_zones(self) -> list[str]:
        """Every Availability Zone the design names, on AZ containers or subnets."""
        arch = self._document.arch
        zones = set()
        for node in arch.nodes():
            if node.kind == "availability_zone":
                zones.add(str(node.props.get("name") or ""))
            elif node.kind == "subnet":
                zones.add(str(node.props.get("availability_zone") or ""))
        return sorted(z for z in zones if z)

    def _show_warnings(self) -> None:
        """Values that load but that wadesk does not know (a new instance type, say) get an amber note."""
        arch = self._document.arch
        target = self._target
        warnings = property_warnings(arch.node(target).kind, arch.props_of(target)) \
            if target is not None and arch.has_node(target) else {}
        for name, field in self.fields.items():
            text = warnings.get(name, "")
            field.warning.setText(f"Unknown value: {text}" if text else "")
            field.warning.setVisible(bool(text))

    def _show_unknown(self) -> None:
        """A node defined elsewhere says so, and shows "unknown" for each setting the design does not state; a
        setting the source leaves unresolved shows its value with "unknown (from <expression>)" under it."""
        arch = self._document.arch
        target = self._target
        unknown: set[str] = set()
        unresolved: Mapping[str, str] = {}
        elsewhere = target is not None and arch.has_node(target) and is_defined_elsewhere(arch.props_of(target))
        if not elsewhere and target is not None and arch.has_node(target):
            unresolved = arch.unknown_of(target)
        if elsewhere and target is not None:
            kind = arch.kind_of(target)
            unknown = set(unknown_settings(CATALOG, kind, arch.props_of(target), arch.unknown_of(target)))
            what = CATALOG.get(kind).props_schema.model_fields[DEFINED_ELSEWHERE].description or ""
            self.elsewhere_notice.setText(
                f"<b>Defined elsewhere.</b> {what}.<br>Settings shown as <i>unknown</i> are decided there, not in "
                "this design, and no rule judges them. Untick <i>defined elsewhere</i> to describe it here."
            )
        self.elsewhere_notice.setVisible(elsewhere)
        for name, field in self.fields.items():
            field.widget.setVisible(name not in unknown)
            field.unknown.setVisible(name in unknown or name in unresolved)
            field.state.setVisible(name in unresolved)
            if name in unknown:
                field.unknown.setText("unknown")
                field.unknown.setToolTip(_DECIDED_ELSEWHERE)
            elif name in unresolved:
                source = unresolved[name]
                field.unknown.setText(f"unknown (from {source})" if source else "unknown")
                field.unknown.setToolTip(
                    "The source leaves this setting unresolved: the value shown is only the default, and no finding "
                    "rests on it. Set a value, or state the one shown, to have it judged."
                )

    def _state_shown(self, name: str) -> None:
        """Take the value an unresolved setting shows as stated (one undoable edit)."""
        target = self._target
        if target is not None and self._document.arch.has_node(target):
            self._commit(name, self._document.arch.props_of(target).get(name))

    def _optional_int_field(self, name: str, info: Any) -> _Field:
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        spin = QSpinBox()
        spin.setObjectName(f"field_{name}")
        spin.setRange(*_bounds(info))
        none = QCheckBox("none")
        none.setObjectName(f"none_{name}")
        row.addWidget(spin)
        row.addWidget(none)

        def value() -> int | None:
            return None if none.isChecked() else spin.value()

        def show(v: Any) -> None:
            with QSignalBlocker(spin), QSignalBlocker(none):
                none.setChecked(v is None)
                spin.setEnabled(v is not None)
                spin.setValue(int(v or 0))

        none.toggled.connect(lambda on: (spin.setEnabled(not on), self._commit(name, value())))
        spin.editingFinished.connect(lambda: self._commit(name, value()))
        return _Field(name, host, show)

    def _table_field(self, name: str, model: type[BaseModel]) -> _Field:
        columns = list(model.model_fields)
        host = QWidget()
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 0, 0)
        table = QTableWidget(0, len(columns))
        table.setObjectName(f"field_{name}")
        table.setHorizontalHeaderLabels(columns)
        table.setMinimumHeight(110)
        buttons = QHBoxLayout()
        add, remove = QPushButton("Add rule"), QPushButton("Remove rule")
        buttons.addWidget(add)
        buttons.addWidget(remove)
        box.addWidget(table)
        box.addLayout(buttons)
        defaults = model().model_dump()

        def rows() -> list[dict[str, Any]]:
            out = []
            for r in range(table.rowCount()):
                record: dict[str, Any] = {}
                for c, column in enumerate(columns):
                    cell = table.item(r, c)
                    text = cell.text() if cell is not None else ""
                    record[column] = int(text) if isinstance(defaults[column], int) and text.lstrip("-").isdigit() \
                        else text
                out.append(record)
            return out

        def show(v: Any) -> None:
            with QSignalBlocker(table):
                records = list(v or [])
                table.setRowCount(len(records))
                for r, record in enumerate(records):
                    for c, column in enumerate(columns):
                        table.setItem(r, c, QTableWidgetItem(str(dict(record).get(column, ""))))

        table.cellChanged.connect(lambda _r, _c: self._commit(name, rows()))
        add.clicked.connect(lambda: self._commit(name, [*rows(), defaults]))
        remove.clicked.connect(
            lambda: self._commit(name, [rec for i, rec in enumerate(rows()) if i != table.currentRow()])
            if table.rowCount() else None)
        return _Field(name, host, show)

    # ---------------------------------------------------------------- edits
    def _commit(self, name: str, value: Any) -> None:
        target = self._target
        field = self.fields.get(name)
        if target is None or field is None:
            return
        try:
            self._document.set_property(target, name, value)
        except ModelError as exc:
            field.error.setText(str(exc))
            field.error.show()
            return
        field.error.hide()

    def _on_label_edit_editing_finished(self) -> None:
        if self._target is not None:
            self._document.rename(self._target, self.label_edit.text().strip())
        elif not self._selection.ids:
            self._document.set_design_meta(name=self.label_edit.text().strip())

    def _on_description_edit_editing_finished(self) -> None:
        if self._target is None and not self._selection.ids:
            self._document.set_design_meta(description=self.description_edit.toPlainText().strip())

    # ---------------------------------------------------------------- slots
    def _on_selection_selection_changed(self, _ids: list[str]) -> None:
        self._rebuild()

    def _on_document_document_replaced(self) -> None:
        self._rebuild()

    def _on_document_model_changed(self, event: ModelEvent) -> None:
        target = self._target
        if event.type == "meta_changed":
            if target is None and not self._selection.ids:
                arch = self._document.arch
                with QSignalBlocker(self.label_edit):
                    self.label_edit.setText(arch.name)
                self.description_edit.show_text(arch.description)
            return
        if target is None or event.target != target:
            return
        arch = self._document.arch
        if event.type in ("node_removed", "edge_removed"):
            self._rebuild()
        elif event.type in ("node_label_changed", "edge_label_changed"):
            label = arch.node(target).label if arch.has_node(target) else arch.edge(target).label
            with QSignalBlocker(self.label_edit):
                self.label_edit.setText(label)
        elif event.type in ("node_props_changed", "edge_props_changed"):
            props = arch.props_of(target) if arch.has_node(target) else arch.edge(target).props
            for name, field in self.fields.items():
                field.show(props.get(name))
                field.error.hide()
            self._show_warnings()
            self._show_unknown()


def _quiet(widget: QWidget, action: Callable[[], None]) -> None:
    with QSignalBlocker(widget):
        action()


def _show_text(line: QLineEdit, text: str) -> None:
    """Show ``text`` from its start: a value longer than the field (a TLS policy name) reads from its beginning.

    A field being typed in keeps its cursor where the user left it.
    """
    line.setText(text)
    if not line.hasFocus():
        line.setCursorPosition(0)
